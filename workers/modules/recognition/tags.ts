import { and, asc, count, eq, sql } from 'drizzle-orm';
import { albums, photos, photoTags, type PhotoTag } from '../../db/schema/index';
import { newId } from '../../shared/ids';
import type { TagAction } from '../../shared/schemas/tags';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { type Cursor, keysetAfter, pageOf } from '../../core/db/cursor';
import { auditInsert, type Actor } from '../../core/audit';
import { variantUrl } from '../albums/gallery';
import { getPhoto } from '../albums/photos';

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

/**
 * A person confirms, corrects, deletes or adds a tag. Every change is audited with what it
 * was before, and moves the album's content version (search results change).
 */
export async function applyTagAction(db: Db, actor: Actor, photoId: string, action: TagAction) {
  const photo = await getPhoto(db, actor.workspaceId, photoId);
  const now = new Date();
  const audit = (what: string, data: Record<string, unknown>) =>
    auditInsert(db, { ...actor, action: `tag.${what}`, targetType: 'photo', targetId: photoId, data });
  const bump = db.update(albums).set({ contentVersion: sql`${albums.contentVersion} + 1` }).where(eq(albums.id, photo.albumId));

  if (action.action === 'add') {
    const id = newId('tag');
    const values = { id, photoId, albumId: photo.albumId, kind: action.kind, value: action.value, status: 'confirmed' as const, source: 'manual', confidence: 1 };
    await db.batch([db.insert(photoTags).values(values), audit('added', { tagId: id, value: action.value, kind: action.kind }), bump]);
    return tagsOfPhoto(db, photoId);
  }
  const tag = await tagOf(db, photoId, action.tagId);
  const before = { value: tag.value, status: tag.status };
  if (action.action === 'delete') {
    await db.batch([db.delete(photoTags).where(eq(photoTags.id, tag.id)), audit('deleted', { tagId: tag.id, before }), bump]);
  } else {
    const value = action.action === 'correct' ? action.value : tag.value;
    await db.batch([
      db.update(photoTags).set({ value, status: 'confirmed', updatedAt: now }).where(eq(photoTags.id, tag.id)),
      audit(action.action === 'correct' ? 'corrected' : 'confirmed', { tagId: tag.id, before, after: { value, status: 'confirmed' } }),
      bump,
    ]);
  }
  return tagsOfPhoto(db, photoId);
}

export async function tagsOfPhoto(db: Db, photoId: string) {
  const rows = await db.select().from(photoTags).where(eq(photoTags.photoId, photoId)).orderBy(asc(photoTags.createdAt));
  return rows.map(publicTag);
}
