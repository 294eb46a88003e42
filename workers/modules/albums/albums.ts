import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { albums, photos, type Album } from '../../db/schema/index';
import type { PhotoRerender } from '../media/jobs/index';
import { watermarkKey } from '../../shared/watermark';
import type { CreateAlbumBody, UpdateAlbumBody } from '../../shared/schemas/albums';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { type Cursor, keysetAfter, pageOf } from '../../core/db/cursor';
import { isUniqueViolation } from '../../core/db/errors';
import { newId } from '../../shared/ids';
import { deleteKeys, ownedKeys } from './owned-objects';
import { retainOrdersOf } from '../sales/retained-orders';
import { galleryChanged } from './gallery-pointer';
import { slugify, withSuffix } from './slug';
import { auditInsert, type Actor } from '../../core/audit';

export const publicAlbum = (a: Album) => ({
  id: a.id,
  title: a.title,
  slug: a.slug,
  visibility: a.visibility,
  date: a.date,
  location: a.location,
  watermark: a.watermark,
  bibRules: a.bibRules,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

const slugTaken = () => new AppError('SLUG_TAKEN', 'This slug is already used by another album; choose another');

/** The album if it belongs to the workspace; another workspace's id is indistinguishable from a missing one. */
export async function getAlbum(db: Db, workspaceId: string, id: string): Promise<Album> {
  const album = await db
    .select()
    .from(albums)
    .where(and(eq(albums.id, id), eq(albums.workspaceId, workspaceId)))
    .get();
  if (!album) throw new AppError('ALBUM_NOT_FOUND', 'No such album in this workspace');
  return album;
}

async function freeSlug(db: Db, wanted: string): Promise<string> {
  const clash = await db.select({ id: albums.id }).from(albums).where(eq(albums.slug, wanted)).get();
  return clash ? withSuffix(wanted) : wanted;
}

export async function createAlbum(db: Db, actor: Actor, input: CreateAlbumBody) {
  const id = newId('alb');
  // A chosen slug must be free; a generated one is made free with a short suffix.
  const slug = input.slug ?? (await freeSlug(db, slugify(input.title)));
  try {
    await db.batch([
      db.insert(albums).values({ id, workspaceId: actor.workspaceId, ...input, slug }),
      auditInsert(db, { ...actor, action: 'album.created', targetType: 'album', targetId: id, data: { slug } }),
    ]);
  } catch (err) {
    if (isUniqueViolation(err, 'slug')) throw slugTaken();
    throw err;
  }
  return publicAlbum(await getAlbum(db, actor.workspaceId, id));
}

export async function listAlbums(db: Db, workspaceId: string, page: { cursor: Cursor | null; limit: number }) {
  const after = keysetAfter(page.cursor, albums.createdAt, albums.id, 'desc');
  const rows = await db
    .select()
    .from(albums)
    .where(and(eq(albums.workspaceId, workspaceId), after))
    .orderBy(desc(albums.createdAt), desc(albums.id))
    .limit(page.limit + 1);
  const { items, nextCursor } = pageOf(rows, page.limit, (a) => a.createdAt);
  return { albums: items.map(publicAlbum), nextCursor };
}

/**
 * Photo counts by status, for progress displays, and `reading`: photos whose bibs or plate are
 * still being read (reading runs after `ready`, on its own queue), so the screen keeps polling
 * until the tiles can show what was read.
 */
export async function photoCounts(db: Db, albumId: string) {
  const [rows, reading] = await db.batch([
    db.select({ status: photos.status, n: count() }).from(photos).where(eq(photos.albumId, albumId)).groupBy(photos.status),
    db.select({ n: count() }).from(photos).where(and(eq(photos.albumId, albumId), eq(photos.recognition, 'queued'))),
  ]);
  const counts: Record<string, number> = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  if (reading[0]?.n) counts.reading = reading[0].n;
  return counts;
}

/** Ready photos re-render through the queue, in batches of the Queues limit (100 per send). */
async function rerenderAll(db: Db, queue: Queue<PhotoRerender>, album: Album): Promise<number> {
  const ready = await db.select({ id: photos.id }).from(photos).where(and(eq(photos.albumId, album.id), eq(photos.status, 'ready')));
  for (let i = 0; i < ready.length; i += 100) {
    const batch = ready.slice(i, i + 100);
    await queue.sendBatch(batch.map((p) => ({ body: { type: 'photo.rerender', photoId: p.id, workspaceId: album.workspaceId } })));
  }
  return ready.length;
}

/** Updates an album; a new watermark re-renders its photos' variants (`rerendering` says how many). */
export async function updateAlbum(db: Db, queue: Queue<PhotoRerender>, actor: Actor, id: string, input: UpdateAlbumBody) {
  const before = await getAlbum(db, actor.workspaceId, id);
  try {
    await db.batch([
      db
        .update(albums)
        .set({ ...input, updatedAt: new Date(), contentVersion: sql`${albums.contentVersion} + 1` })
        .where(and(eq(albums.id, id), eq(albums.workspaceId, actor.workspaceId))),
      auditInsert(db, { ...actor, action: 'album.updated', targetType: 'album', targetId: id, data: { fields: Object.keys(input) } }),
    ]);
  } catch (err) {
    if (isUniqueViolation(err, 'slug')) throw slugTaken();
    throw err;
  }
  galleryChanged(id);
  const after = await getAlbum(db, actor.workspaceId, id);
  const rerendering = watermarkKey(before.watermark) === watermarkKey(after.watermark) ? 0 : await rerenderAll(db, queue, after);
  return { album: publicAlbum(after), rerendering };
}

/**
 * Deletes the album, its photos and every R2 object they own. R2 goes first: if it fails the
 * album is still there to retry, instead of rows gone and objects orphaned forever. Paid orders
 * leave their accounting minimum (sales/retained-orders.ts). `also` joins the rows' batch.
 */
export async function removeAlbum(db: Db, bucket: R2Bucket, id: string, also: (photoCount: number) => BatchItem<'sqlite'>[] = () => []) {
  const owned = await db
    .select({ id: photos.id, originalKey: photos.originalKey, uploadId: photos.multipartUploadId })
    .from(photos)
    .where(eq(photos.albumId, id));
  await Promise.all(
    owned.filter((p) => p.uploadId).map((p) => bucket.resumeMultipartUpload(p.originalKey, p.uploadId!).abort().catch(() => {})),
  );
  await deleteKeys(bucket, await ownedKeys(db, { albumId: id }, owned.map((p) => p.id)));
  await db.batch([retainOrdersOf(db, id), db.delete(albums).where(eq(albums.id, id)), ...also(owned.length)]);
  galleryChanged(id);
}

/** The owner deletes an album of their workspace (audited). */
export async function deleteAlbum(db: Db, bucket: R2Bucket, actor: Actor, id: string) {
  await getAlbum(db, actor.workspaceId, id);
  await removeAlbum(db, bucket, id, (photoCount) => [
    auditInsert(db, { ...actor, action: 'album.deleted', targetType: 'album', targetId: id, data: { photos: photoCount } }),
  ]);
}
