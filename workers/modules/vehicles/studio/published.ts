/**
 * Which studio images the public may see: only while the photo's vehicle is published or sold,
 * only an image that is not doubtful, and only at its current version (an older look's URL is
 * gone, so an immutable URL never shows two images). The URLs are built by urls.ts.
 */
import { eq } from 'drizzle-orm';
import { photos, vehicles } from '../../../db/schema/index';
import { photoKeys } from '../../../shared/r2-keys';
import type { Db } from '../../../core/db/client';
import { AppError } from '../../../core/errors';

export const STUDIO_FILES = { 'web.webp': 'studio', 'thumb.webp': 'studioThumb' } as const;
export type StudioFile = keyof typeof STUDIO_FILES;

/** The R2 key of a public studio image, or 404 exactly like a missing one. */
export async function publishedStudioKey(db: Db, photoId: string, version: string, file: string): Promise<string> {
  const row = await db
    .select({ studio: photos.studio, version: photos.studioVersion, status: photos.status, vehicle: vehicles.status })
    .from(photos)
    .innerJoin(vehicles, eq(vehicles.albumId, photos.albumId))
    .where(eq(photos.id, photoId))
    .get();
  const visible = row?.status === 'ready' && (row.vehicle === 'published' || row.vehicle === 'sold') && row.studio && !row.studio.doubtful;
  if (!visible || !Object.hasOwn(STUDIO_FILES, file) || String(row.version) !== version || row.version < 1) {
    throw new AppError('NOT_FOUND', 'No such published studio image');
  }
  return photoKeys(photoId)[STUDIO_FILES[file as StudioFile]];
}
