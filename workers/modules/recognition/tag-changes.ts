/**
 * The history of what people did to tags, and undo. A change keeps the tag as it was, so undo
 * puts that back; changes of one tag are undone newest first (undoing an older one would silently
 * throw a later one away), and undoing twice is the same as once.
 */
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { photoTags, tagChanges, type PhotoTag, type TagChange, type TagSnapshot } from '../../db/schema/index';
import type { TagChangeAction } from '../../shared/enums';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { auditInsert, type Actor } from '../../core/audit';
import { getAlbum } from '../albums/albums';
import { contentVersionBump } from '../albums/content-version';
import { galleryChanged } from '../albums/gallery-pointer';

/** SQLite's insertion order: created_at alone ties for changes made in the same millisecond. */
const rowid = sql`rowid`;

export const publicChange = (c: TagChange) => ({
  id: c.id,
  action: c.action,
  photoId: c.photoId,
  tagId: c.tagId,
  kind: c.kind,
  value: c.value,
  previousValue: c.before?.value ?? null,
  undoneAt: c.undoneAt,
  createdAt: c.createdAt,
});

const snapshot = ({ createdAt, updatedAt: _, ...tag }: PhotoTag): TagSnapshot => ({ ...tag, createdAt: createdAt.getTime() });

/**
 * The insert recording a change, to join the batch that makes it (`before` is null for an
 * addition), and the row it writes: the answer needs no read back.
 */
export function changeInsert(db: Db, actor: Actor, change: { id: string; action: TagChangeAction; tag: Pick<PhotoTag, 'id' | 'photoId' | 'albumId' | 'kind' | 'value'>; before: PhotoTag | null }) {
  const { tag } = change;
  const row: TagChange = {
    id: change.id,
    workspaceId: actor.workspaceId,
    albumId: tag.albumId,
    photoId: tag.photoId,
    tagId: tag.id,
    action: change.action,
    kind: tag.kind,
    value: tag.value,
    before: change.before && snapshot(change.before),
    actorUserId: actor.actorUserId,
    actorApiKeyId: actor.actorApiKeyId,
    undoneAt: null,
    createdAt: new Date(),
  };
  return { statement: db.insert(tagChanges).values(row), row };
}

export async function getChange(db: Db, workspaceId: string, id: string) {
  const change = await db.select().from(tagChanges).where(and(eq(tagChanges.id, id), eq(tagChanges.workspaceId, workspaceId))).get();
  if (!change) throw new AppError('NOT_FOUND', 'No such change in this workspace');
  return change;
}

/** The statement putting the tag back as it was before the change (each is safe to run twice). */
function revert(db: Db, change: TagChange) {
  const { before } = change;
  if (change.action === 'added' || !before) return db.delete(photoTags).where(eq(photoTags.id, change.tagId));
  if (change.action === 'deleted') return db.insert(photoTags).values({ ...before, createdAt: new Date(before.createdAt) }).onConflictDoNothing();
  return db.update(photoTags).set({ value: before.value, status: before.status, updatedAt: new Date() }).where(eq(photoTags.id, change.tagId));
}

/** Undoes a change, once; the caller answers with the photo's tags. */
export async function undoChange(db: Db, actor: Actor, id: string): Promise<TagChange> {
  const change = await getChange(db, actor.workspaceId, id);
  if (change.undoneAt) return change;
  const later = await db
    .select({ id: tagChanges.id })
    .from(tagChanges)
    .where(and(eq(tagChanges.tagId, change.tagId), isNull(tagChanges.undoneAt), gt(rowid, sql`(select rowid from ${tagChanges} where ${tagChanges.id} = ${id})`)))
    .get();
  const what = change.kind === 'plate' ? 'this plate' : 'this bib';
  if (later) throw new AppError('UNDO_BLOCKED', `Undo the later change to ${what} first`, { changeId: later.id });
  const undoneAt = new Date();
  await db.batch([
    db.update(tagChanges).set({ undoneAt }).where(and(eq(tagChanges.id, id), isNull(tagChanges.undoneAt))),
    revert(db, change),
    auditInsert(db, { ...actor, action: 'tag.undone', targetType: 'photo', targetId: change.photoId, data: { changeId: id, action: change.action, tagId: change.tagId } }),
    contentVersionBump(db, change.albumId),
  ]);
  galleryChanged(change.albumId);
  return { ...change, undoneAt };
}

/** An album's latest changes, newest first: what the review screen offers to undo. */
export async function recentChanges(db: Db, workspaceId: string, albumId: string, limit: number) {
  const album = await getAlbum(db, workspaceId, albumId);
  const rows = await db.select().from(tagChanges).where(eq(tagChanges.albumId, album.id)).orderBy(desc(tagChanges.createdAt), desc(rowid)).limit(limit);
  return rows.map(publicChange);
}
