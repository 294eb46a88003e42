/**
 * Which version of a photo the public gallery shows: the original's variants, or one done
 * transformation of that photo (labelled when its kind says so). The transformation is served at
 * an immutable URL that names it, and only while it is the shown one: choosing another version
 * (or the original) makes the old URL a 404, so an immutable URL never shows two images.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { albums, photos, transformations } from '../../db/schema/index';
import { transformationKeys } from '../../shared/r2-keys';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { auditInsert, type Actor } from '../../core/audit';
import { contentVersionBump } from '../albums/content-version';
import { galleryChanged } from '../albums/gallery-pointer';
import { getPhoto } from '../albums/photos';
import { propertyAlbum } from './properties';

export const SHOWN_FILES = { 'web.webp': 'web', 'thumb.webp': 'thumb' } as const;

/** Shows `transformationId` (done, of this photo) in the public gallery, or the original again (null). */
export async function setShownVersion(db: Db, actor: Actor, photoId: string, transformationId: string | null) {
  const photo = await getPhoto(db, actor.workspaceId, photoId);
  await propertyAlbum(db, actor.workspaceId, photo.albumId);
  if (transformationId) {
    const row = await db.select({ status: transformations.status }).from(transformations)
      .where(and(eq(transformations.id, transformationId), eq(transformations.photoId, photo.id))).get();
    if (row?.status !== 'done') throw new AppError('TRANSFORMATION_NOT_DONE', 'Only a done transformation of this photo can be shown');
  }
  const [updated] = await db.batch([
    db.update(photos).set({ shownTransformationId: transformationId, updatedAt: new Date() }).where(eq(photos.id, photo.id)).returning(),
    contentVersionBump(db, photo.albumId), // the gallery's pages are cached by the album's content version
    auditInsert(db, { ...actor, action: 'photo.shown_version', targetType: 'photo', targetId: photo.id, data: { transformationId } }),
  ]);
  galleryChanged(photo.albumId);
  return updated[0]!;
}

/** The R2 key of a shown transformation's public image, or 404 exactly like a missing one. */
export async function shownKey(db: Db, photoId: string, transformationId: string, file: string): Promise<string> {
  const row = await db
    .select({ id: photos.id })
    .from(photos)
    .innerJoin(albums, eq(albums.id, photos.albumId))
    .where(and(eq(photos.id, photoId), eq(photos.status, 'ready'), eq(photos.shownTransformationId, transformationId), inArray(albums.visibility, ['public', 'unlisted'])))
    .get();
  if (!row || !Object.hasOwn(SHOWN_FILES, file)) throw new AppError('NOT_FOUND', 'No such public image');
  return transformationKeys(photoId, transformationId)[SHOWN_FILES[file as keyof typeof SHOWN_FILES]];
}
