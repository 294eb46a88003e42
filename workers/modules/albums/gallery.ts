import { and, asc, count, eq, inArray, or } from 'drizzle-orm';
import { albums, photos, photoTags, startListEntries, type Album, type Photo } from '../../db/schema/index';
import { nameMatches } from '../recognition/names';
import { isListedVehicle } from '../vehicles/listed';
import { shownUrls } from '../realestate/urls';
import { photoKeys } from '../../shared/r2-keys';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { type Cursor, keysetAfter, pageOf } from '../../core/db/cursor';

/** Albums anyone with the link may see; `private` ones do not exist for the public. */
const VISIBLE = ['public', 'unlisted'] as const;

export const PUBLIC_VARIANTS = ['web', 'thumb'] as const;
export type PublicVariant = (typeof PUBLIC_VARIANTS)[number];

/**
 * Variant URLs carry the variants version, so they can be cached as immutable; an owner's URLs
 * also carry a grant (see variant-grants.ts), which opens private albums.
 */
export const variantUrl = (p: Pick<Photo, 'id' | 'variantsVersion'>, variant: PublicVariant, grant?: string) =>
  `/v1/public/photos/${p.id}/${variant}.webp?v=${p.variantsVersion}${grant ? `&grant=${grant}` : ''}`;

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
  thumb: { url: shown(p)?.thumb ?? variantUrl(p, 'thumb'), width: p.thumbWidth, height: p.thumbHeight },
  web: { url: shown(p)?.web ?? variantUrl(p, 'web'), width: p.webWidth, height: p.webHeight },
});

/** Real estate: the transformation the agent chose to show instead of the original's variants (same size, it is made from them). */
const shown = (p: Photo) => (p.shownTransformationId ? shownUrls(p.id, p.shownTransformationId) : null);

/** Runners named like `query` on the album's start list (case, accents and one typo forgiven). */
async function runnersNamed(db: Db, albumId: string, query: string) {
  const entries = await db.select().from(startListEntries).where(eq(startListEntries.albumId, albumId));
  return entries.filter((e) => nameMatches(query, e.nameKey)).slice(0, MAX_NAME_MATCHES);
}

const MAX_NAME_MATCHES = 50;

export type GallerySearch = { bib?: string; q?: string };

/**
 * The bibs a search stands for: `bib=1234`, a number typed in `q`, or the bibs of the runners
 * whose name matches `q`. Null means no search (the whole album).
 */
async function searchedBibs(db: Db, albumId: string, search: GallerySearch) {
  const typed = search.bib ?? (search.q && /^\d{1,8}$/.test(search.q.trim()) ? search.q.trim() : undefined);
  if (typed) return { bibs: [String(Number(typed))], runners: [] };
  if (!search.q?.trim()) return null;
  const runners = await runnersNamed(db, albumId, search.q);
  return { bibs: runners.map((r) => r.bib), runners: runners.map((r) => ({ bib: r.bib, name: r.name, category: r.category })) };
}

/** Ready photos of an album in gallery order (capture time), keyset-paginated, optionally searched. */
export async function listPublicPhotos(db: Db, albumId: string, page: { cursor: Cursor | null; limit: number }, search: GallerySearch = {}) {
  const { cursor } = page;
  const searched = await searchedBibs(db, albumId, search);
  if (searched && !searched.bibs.length) return { photos: [], nextCursor: null, runners: searched.runners };
  const tagged = searched
    ? inArray(
        photos.id,
        db
          .select({ id: photoTags.photoId })
          .from(photoTags)
          .where(and(eq(photoTags.albumId, albumId), eq(photoTags.kind, 'bib'), inArray(photoTags.value, searched.bibs))),
      )
    : undefined;
  const after = keysetAfter(cursor, photos.sortAt, photos.id);
  const rows = await db
    .select()
    .from(photos)
    .where(and(eq(photos.albumId, albumId), eq(photos.status, 'ready'), after, tagged))
    .orderBy(asc(photos.sortAt), asc(photos.id))
    .limit(page.limit + 1);
  const { items, nextCursor } = pageOf(rows, page.limit, (p) => p.sortAt!);
  return { photos: items.map(publicPhotoView), nextCursor, ...(searched ? { runners: searched.runners } : {}) };
}

/**
 * The R2 key of a variant, if the photo is ready in a visible album or a listed vehicle's (its
 * public page shows them), or in the album a grant opens.
 */
export async function publicVariantKey(db: Db, photoId: string, variant: PublicVariant, grantedAlbumId?: string): Promise<string> {
  const row = await db
    .select({ status: photos.status })
    .from(photos)
    .innerJoin(albums, eq(albums.id, photos.albumId))
    .where(
      and(
        eq(photos.id, photoId),
        eq(photos.status, 'ready'),
        grantedAlbumId ? eq(albums.id, grantedAlbumId) : or(inArray(albums.visibility, VISIBLE), isListedVehicle(albums.id)),
      ),
    )
    .get();
  if (!row) throw new AppError('PHOTO_NOT_FOUND', 'No such public photo');
  return photoKeys(photoId)[variant];
}

export async function readyPhotoCount(db: Db, albumId: string): Promise<number> {
  const row = await db.select({ n: count() }).from(photos).where(and(eq(photos.albumId, albumId), eq(photos.status, 'ready'))).get();
  return row?.n ?? 0;
}
