import { and, asc, count, eq, } from 'drizzle-orm';
import { photos, photoTags, type PhotoTag } from '../../db/schema/index';
import { newId } from '../../shared/ids';
import { type TagAction, tagValueProblem } from '../../shared/schemas/tags';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { type Cursor, keysetAfter, pageOf } from '../../core/db/cursor';
import { auditInsert, type Actor } from '../../core/audit';
import { contentVersionBump } from '../albums/content-version';
import { galleryChanged } from '../albums/gallery-pointer';
import { variantUrl } from '../albums/gallery';
import { getPhoto } from '../albums/photos';
import { changeInsert, publicChange } from './tag-changes';

export const publicTag = (t: PhotoTag) => ({
  id: t.id,
  kind: t.kind,
  value: t.value,
  status: t.status,
  confidence: t.confidence,
  box: t.box,
  source: t.source,
  rawText: t.rawText,
});

/** The review queue of an album: tags of one status (the screen asks for `unsure` first). */
export async function reviewQueue(
  db: Db,
  albumId: string,
  status: PhotoTag['status'],
  page: { cursor: Cursor | null; limit: number },
  grant?: string,
) {
  const { cursor } = page;
  const after = keysetAfter(cursor, photoTags.createdAt, photoTags.id);
  const rows = await db
    .select({ tag: photoTags, photo: { id: photos.id, variantsVersion: photos.variantsVersion, webWidth: photos.webWidth, webHeight: photos.webHeight } })
    .from(photoTags)
    .innerJoin(photos, eq(photos.id, photoTags.photoId))
    .where(and(eq(photoTags.albumId, albumId), eq(photoTags.status, status), after))
    .orderBy(asc(photoTags.createdAt), asc(photoTags.id))
    .limit(page.limit + 1);
  const { items, nextCursor } = pageOf(rows.map((r) => ({ ...r, id: r.tag.id })), page.limit, (r) => r.tag.createdAt);
  const counts = await db
    .select({ status: photoTags.status, n: count() })
    .from(photoTags)
    .where(eq(photoTags.albumId, albumId))
    .groupBy(photoTags.status);
  return {
    tags: items.map(({ tag, photo }) => ({
      ...publicTag(tag),
      photo: { id: photo.id, width: photo.webWidth, height: photo.webHeight, web: variantUrl(photo, 'web', grant), thumb: variantUrl(photo, 'thumb', grant) },
    })),
    counts: Object.fromEntries(counts.map((c) => [c.status, c.n])),
    nextCursor,
  };
}

async function tagOf(db: Db, photoId: string, tagId: string | undefined): Promise<PhotoTag> {
  const tag = tagId && (await db.select().from(photoTags).where(and(eq(photoTags.id, tagId), eq(photoTags.photoId, photoId))).get());
  if (!tag) throw new AppError('NOT_FOUND', 'No such tag on this photo');
  return tag;
}

function checkValue(kind: PhotoTag['kind'], value: string) {
  const problem = tagValueProblem(kind, value);
  if (problem) throw new AppError('VALIDATION_ERROR', problem, { fields: [{ path: 'value', message: problem }] });
}

/** The tag after the action, the row it was (null for an addition), and the change to record. */
async function plan(db: Db, photo: { id: string; albumId: string }, action: TagAction) {
  if (action.action === 'add') {
    checkValue(action.kind, action.value);
    const tag = { id: newId('tag'), photoId: photo.id, albumId: photo.albumId, kind: action.kind, value: action.value, status: 'confirmed' as const, source: 'manual', confidence: 1 };
    return { tag, before: null, change: 'added' as const, write: db.insert(photoTags).values(tag) };
  }
  const before = await tagOf(db, photo.id, action.tagId);
  if (action.action === 'delete') return { tag: before, before, change: 'deleted' as const, write: db.delete(photoTags).where(eq(photoTags.id, before.id)) };
  const value = action.action === 'correct' ? action.value : before.value;
  checkValue(before.kind, value);
  const write = db.update(photoTags).set({ value, status: 'confirmed', updatedAt: new Date() }).where(eq(photoTags.id, before.id));
  return { tag: { ...before, value }, before, change: action.action === 'correct' ? ('corrected' as const) : ('confirmed' as const), write };
}

/**
 * A person confirms, corrects, deletes or adds a tag. Every change is audited with what it
 * was before, recorded so it can be undone, and moves the album's content version (search
 * results change).
 */
export async function applyTagAction(db: Db, actor: Actor, photoId: string, action: TagAction) {
  const photo = await getPhoto(db, actor.workspaceId, photoId);
  const { tag, before, change, write } = await plan(db, photo, action);
  const changeId = newId('tch');
  const after = change === 'deleted' ? null : { value: tag.value, status: 'confirmed' };
  const data = before ? { tagId: tag.id, before: { value: before.value, status: before.status }, after } : { tagId: tag.id, value: tag.value, kind: tag.kind };
  const recorded = changeInsert(db, actor, { id: changeId, action: change, tag, before });
  await db.batch([
    write,
    recorded.statement,
    auditInsert(db, { ...actor, action: `tag.${change}`, targetType: 'photo', targetId: photoId, data: { ...data, changeId } }),
    contentVersionBump(db, photo.albumId),
  ]);
  galleryChanged(photo.albumId);
  return { tags: await tagsOfPhoto(db, photoId), change: publicChange(recorded.row) };
}

export async function tagsOfPhoto(db: Db, photoId: string) {
  const rows = await db.select().from(photoTags).where(eq(photoTags.photoId, photoId)).orderBy(asc(photoTags.createdAt));
  return rows.map(publicTag);
}
