import type { Db } from '../../core/db/client';
import { publicAlbumBySlug } from './gallery';

/** What names a public album's cached gallery pages: its id and content version. */
export type GalleryPointer = { albumId: string; version: number };

type Known = GalleryPointer & { checkedAt: number };

/**
 * How long an isolate trusts what it read of a slug without asking D1 again. A change made in
 * this isolate forgets it at once (`galleryChanged`); one made elsewhere (the queue consumer's
 * isolate, another location) shows up here within this bound. Short next to the album view's
 * own `max-age=30`, and at 1,000 views a second it is one D1 query per 5 s instead of 5,000.
 */
const TRUSTED_FOR_MS = 5_000;
/** A bound on the map: the slugs read from D1 longest ago go first. */
const MAX_KNOWN = 1_000;

// Per isolate on purpose: it holds only what D1 says of public albums, never request data.
const known = new Map<string, Known>();

/**
 * The pointer of a visible (public or unlisted) album by slug, from this isolate's memory while
 * it is trusted, else from D1; ALBUM_NOT_FOUND for anything else (never remembered, so an album
 * made public shows at once).
 */
export async function galleryPointer(db: Db, slug: string): Promise<GalleryPointer> {
  const now = Date.now();
  const remembered = known.get(slug);
  if (remembered && now - remembered.checkedAt < TRUSTED_FOR_MS) return remembered;
  const album = await publicAlbumBySlug(db, slug);
  const fresh = { albumId: album.id, version: album.contentVersion, checkedAt: now };
  known.delete(slug);
  known.set(slug, fresh);
  if (known.size > MAX_KNOWN) known.delete(known.keys().next().value!);
  return fresh;
}

/**
 * Called once a change to what an album's gallery shows is committed (content version bumped,
 * visibility or slug changed, album deleted): this isolate's next list reads D1 again.
 */
export function galleryChanged(albumId: string): void {
  for (const [slug, pointer] of known) if (pointer.albumId === albumId) known.delete(slug);
}
