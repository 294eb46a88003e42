import { and, asc, count, eq, gt, inArray, or } from 'drizzle-orm';
import { albums, photos, type Album, type Photo } from '../../shared/db/schema';
import { photoKeys } from '../../shared/r2-keys';
import type { Db } from '../context';
import { AppError } from '../errors';
import { type Cursor, pageOf } from '../lib/cursor';

/** Albums anyone with the link may see; `private` ones do not exist for the public. */
const VISIBLE = ['public', 'unlisted'] as const;

export const PUBLIC_VARIANTS = ['web', 'thumb'] as const;
export type PublicVariant = (typeof PUBLIC_VARIANTS)[number];

/** Variant URLs carry the variants version, so they can be cached as immutable. */
export const variantUrl = (p: Pick<Photo, 'id' | 'variantsVersion'>, variant: PublicVariant) =>
  `/v1/public/photos/${p.id}/${variant}.webp?v=${p.variantsVersion}`;

export async function publicAlbumBySlug(db: Db, slug: string): Promise<Album> {
  const album = await db
    .select()
    .from(albums)
    .where(and(eq(albums.slug, slug), inArray(albums.visibility, VISIBLE)))
    .get();
  if (!album) throw new AppError('ALBUM_NOT_FOUND', 'No such public album');
  return album;
}

export const publicAlbumView = (a: Album, readyPhotos: number) => ({
  title: a.title,
  slug: a.slug,
  date: a.date,
  location: a.location,
  photoCount: readyPhotos,
  version: a.contentVersion,
});

/** Only what a visitor may see of a photo: public variants, placeholder, sizes. Never the original. */
const publicPhotoView = (p: Photo) => ({
  id: p.id,
  width: p.webWidth,
  height: p.webHeight,
  placeholder: p.placeholder,
  takenAt: p.takenAt,
  thumb: { url: variantUrl(p, 'thumb'), width: p.thumbWidth, height: p.thumbHeight },
  web: { url: variantUrl(p, 'web'), width: p.webWidth, height: p.webHeight },
});

/** Ready photos of an album in gallery order (capture time), keyset-paginated. */
export async function listPublicPhotos(db: Db, albumId: string, page: { cursor: Cursor | null; limit: number }) {
  const { cursor } = page;
  const after = cursor
    ? or(gt(photos.sortAt, new Date(cursor.at)), and(eq(photos.sortAt, new Date(cursor.at)), gt(photos.id, cursor.id)))
    : undefined;
  const rows = await db
    .select()
    .from(photos)
    .where(and(eq(photos.albumId, albumId), eq(photos.status, 'ready'), after))
    .orderBy(asc(photos.sortAt), asc(photos.id))
    .limit(page.limit + 1);
  const { items, nextCursor } = pageOf(rows, page.limit, (p) => p.sortAt!);
  return { photos: items.map(publicPhotoView), nextCursor };
}

/** The R2 key of a public variant, if the photo is ready in a visible album. */
export async function publicVariantKey(db: Db, photoId: string, variant: PublicVariant): Promise<string> {
  const row = await db
    .select({ status: photos.status })
    .from(photos)
    .innerJoin(albums, eq(albums.id, photos.albumId))
    .where(and(eq(photos.id, photoId), eq(photos.status, 'ready'), inArray(albums.visibility, VISIBLE)))
    .get();
  if (!row) throw new AppError('PHOTO_NOT_FOUND', 'No such public photo');
  return photoKeys(photoId)[variant];
}

export async function readyPhotoCount(db: Db, albumId: string): Promise<number> {
  const row = await db.select({ n: count() }).from(photos).where(and(eq(photos.albumId, albumId), eq(photos.status, 'ready'))).get();
  return row?.n ?? 0;
}
