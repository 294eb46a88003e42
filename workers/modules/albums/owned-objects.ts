/**
 * The R2 objects a photo owns beyond its fixed keys: its real-estate transformations (two images
 * each, named by the transformation's id), found through their rows, which go with the photo.
 */
import { eq } from 'drizzle-orm';
import { transformations } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { allPhotoKeys, transformationKeys } from '../../shared/r2-keys';

/** R2 deletes at most 1000 keys per call. */
const R2_DELETE_BATCH = 1000;

/** Every key the photos of an album (or one photo) own: variants, cutouts, studio and transformation images. */
export async function ownedKeys(db: Db, scope: { albumId: string } | { photoId: string }, photoIds: string[]): Promise<string[]> {
  const where = 'albumId' in scope ? eq(transformations.albumId, scope.albumId) : eq(transformations.photoId, scope.photoId);
  const made = await db.select({ id: transformations.id, photoId: transformations.photoId }).from(transformations).where(where);
  return [...photoIds.flatMap(allPhotoKeys), ...made.flatMap((t) => Object.values(transformationKeys(t.photoId, t.id)))];
}

export async function deleteKeys(bucket: R2Bucket, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += R2_DELETE_BATCH) await bucket.delete(keys.slice(i, i + R2_DELETE_BATCH));
}
