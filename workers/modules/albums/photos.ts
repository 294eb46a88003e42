import { and, asc, eq, inArray, } from 'drizzle-orm';
import { photos, photoTags, type Photo, type PhotoTag } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { type Cursor, keysetAfter, pageOf } from '../../core/db/cursor';
import { auditInsert, type Actor } from '../../core/audit';
import { contentVersionBump } from './content-version';
import { galleryChanged } from './gallery-pointer';
import { deleteKeys, ownedKeys } from './owned-objects';
import { variantUrl } from './gallery';

/**
 * The photo's studio image (vehicles): where its job stands, the look asked for last, and the
 * image once one was made (authenticated URLs, versioned so a new look is never a cached old one).
 */
function studioOf(p: Photo) {
  if (!p.studioStatus) return null;
  const made = p.studioVersion > 0;
  return {
    status: p.studioStatus,
    options: p.studioRequest ?? p.studio?.options ?? null,
    doubtful: p.studio?.doubtful ?? false,
    reasons: p.studio?.reasons ?? [],
    note: p.studioNote,
    url: made ? `/v1/photos/${p.id}/studio.webp?v=${p.studioVersion}` : null,
    thumbUrl: made ? `/v1/photos/${p.id}/studio-thumb.webp?v=${p.studioVersion}` : null,
  };
}

/** A photo as the API shows it to its workspace; `grant` opens the variants of a private album. */
export const publicPhoto = (p: Photo, grant?: string) => ({
  id: p.id,
  albumId: p.albumId,
  status: p.status,
  name: p.originalName,
  type: p.contentType ?? p.declaredType,
  size: p.size ?? p.declaredSize,
  width: p.width,
  height: p.height,
  sha256: p.sha256,
  takenAt: p.takenAt,
  camera: p.camera,
  quality: p.phash ? { phash: p.phash, blurScore: p.blurScore, isBlurry: p.isBlurry } : null,
  duplicateOf: p.duplicateOf,
  nearDuplicateOf: p.nearDuplicateOf,
  placeholder: p.placeholder,
  variants:
    p.status === 'ready'
      ? {
          web: { url: variantUrl(p, 'web', grant), width: p.webWidth, height: p.webHeight },
          thumb: { url: variantUrl(p, 'thumb', grant), width: p.thumbWidth, height: p.thumbHeight },
        }
      : null,
  recognition: p.recognition ? { status: p.recognition, note: p.recognitionNote } : null,
  cutout: p.cutout ? { ...p.cutout, url: `/v1/photos/${p.id}/cutout.png` } : null,
  studio: studioOf(p),
  room: p.room,
  shownTransformationId: p.shownTransformationId,
  processing: p.processingMs === null ? null : { ms: p.processingMs, peakWasmBytes: p.peakWasmBytes },
  error: p.errorCode ? { code: p.errorCode, message: p.errorMessage } : null,
  createdAt: p.createdAt,
  uploadedAt: p.uploadedAt,
  updatedAt: p.updatedAt,
});

export async function getPhoto(db: Db, workspaceId: string, id: string): Promise<Photo> {
  const photo = await db
    .select()
    .from(photos)
    .where(and(eq(photos.id, id), eq(photos.workspaceId, workspaceId)))
    .get();
  if (!photo) throw new AppError('PHOTO_NOT_FOUND', 'No such photo in this workspace');
  return photo;
}

/** An album's photos in upload order, keyset-paginated, each with its bibs or plates (`tags`). */
export async function listAlbumPhotos(
  db: Db,
  albumId: string,
  page: { cursor: Cursor | null; limit: number; status?: Photo['status'] },
  grant?: string,
) {
  const { cursor } = page;
  const after = keysetAfter(cursor, photos.createdAt, photos.id);
  const where = and(eq(photos.albumId, albumId), page.status ? eq(photos.status, page.status) : undefined, after);
  const order = [asc(photos.createdAt), asc(photos.id)];
  // The page's ids as a subquery: 200 ids bound one by one would pass D1's 100 parameters.
  const pageIds = db.select({ id: photos.id }).from(photos).where(where).orderBy(...order).limit(page.limit + 1);
  const [rows, tags] = await db.batch([
    db.select().from(photos).where(where).orderBy(...order).limit(page.limit + 1),
    db.select().from(photoTags).where(inArray(photoTags.photoId, pageIds)).orderBy(asc(photoTags.createdAt)),
  ]);
  const { items, nextCursor } = pageOf(rows, page.limit, (p) => p.createdAt);
  const chips = new Map<string, { id: string; kind: PhotoTag['kind']; value: string; status: PhotoTag['status'] }[]>();
  for (const t of tags) chips.set(t.photoId, [...(chips.get(t.photoId) ?? []), { id: t.id, kind: t.kind, value: t.value, status: t.status }]);
  return { photos: items.map((p) => ({ ...publicPhoto(p, grant), tags: chips.get(p.id) ?? [] })), nextCursor };
}

/** Deletes a photo in any state (also how an unfinished upload is cancelled), R2 objects first. */
export async function deletePhoto(db: Db, bucket: R2Bucket, actor: Actor, id: string) {
  const photo = await getPhoto(db, actor.workspaceId, id);
  if (photo.multipartUploadId) {
    await bucket.resumeMultipartUpload(photo.originalKey, photo.multipartUploadId).abort().catch(() => {});
  }
  await deleteKeys(bucket, await ownedKeys(db, { photoId: photo.id }, [photo.id]));
  await db.batch([
    db.delete(photos).where(eq(photos.id, photo.id)),
    contentVersionBump(db, photo.albumId),
    auditInsert(db, { ...actor, action: 'photo.deleted', targetType: 'photo', targetId: id, data: { status: photo.status } }),
  ]);
  galleryChanged(photo.albumId);
}
