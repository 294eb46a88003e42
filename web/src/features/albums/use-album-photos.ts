import { useCallback, useEffect, useRef, useState } from 'react';
import type { PhotoStatus } from '../../../../workers/shared/enums';
import { api } from '../../api/client';
import type { Photo, PhotoCounts, PhotoTagChip, StudioPhoto } from '../../api/types';

type Page = { cursor: string | null; photos: Photo[]; next: string | null };

/** Statuses the pipeline is done with: a page holding only these, read or not to be read, needs no refresh. */
const FINAL = new Set<PhotoStatus>(['ready', 'rejected', 'failed']);
/** A studio image still being made (vehicles): its photo will change. */
export const studioUnderWay = (p: StudioPhoto) => p.studio?.status === 'queued' || p.studio?.status === 'running';
const isSettled = (page: Page) => page.photos.every((p) => FINAL.has(p.status) && p.recognition?.status !== 'queued' && !studioUnderWay(p));

/**
 * Every photo of an album in upload order, loaded page by page, kept fresh while the pipeline
 * works: a refresh re-reads from the first page that still holds an unfinished photo, so with
 * 5,000 ready photos and 20 new ones only the last page or two are fetched again.
 */
export function useAlbumPhotos(albumId: string, counts: PhotoCounts | undefined) {
  const pages = useRef<Page[]>([]);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [loading, setLoading] = useState(true);
  const running = useRef<Promise<void> | null>(null);

  /** `all`: every page again (work was just asked for on photos whose pages looked settled). */
  const refresh = useCallback(async function again(all = false): Promise<void> {
    // One refresh at a time; a change during it is picked up by the next poll (a full one waits its turn).
    if (running.current) return all ? running.current.then(() => again(true)) : running.current;
    running.current = (async () => {
      const firstOpen = all ? 0 : pages.current.findIndex((p) => !isSettled(p) || !p.next);
      const keep = firstOpen === -1 ? pages.current : pages.current.slice(0, firstOpen);
      let cursor = firstOpen === -1 ? (pages.current.at(-1)?.next ?? null) : (pages.current[firstOpen]?.cursor ?? null);
      const fresh: Page[] = [];
      do {
        const result = await api.albums.photos(albumId, { cursor });
        fresh.push({ cursor, photos: result.photos, next: result.nextCursor });
        cursor = result.nextCursor;
        // Paint the first pages while the rest load.
        if (fresh.length % 5 === 1) setPhotos([...keep, ...fresh].flatMap((p) => p.photos));
      } while (cursor);
      pages.current = [...keep, ...fresh];
      setPhotos(pages.current.flatMap((p) => p.photos));
    })().finally(() => {
      running.current = null;
      setLoading(false);
    });
    return running.current;
  }, [albumId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: counts changing is the signal to refresh
  useEffect(() => {
    void refresh().catch(() => undefined);
  }, [refresh, JSON.stringify(counts)]);

  const forget = (photoId: string) => {
    pages.current = pages.current.map((p) => ({ ...p, photos: p.photos.filter((x) => x.id !== photoId) }));
    setPhotos((list) => list.filter((p) => p.id !== photoId));
  };
  /** Settled pages are not fetched again, so a change made here is patched into them. */
  const patch = (photoId: string, change: (p: Photo) => Photo) => {
    const apply = (p: Photo) => (p.id === photoId ? change(p) : p);
    pages.current = pages.current.map((page) => ({ ...page, photos: page.photos.map(apply) }));
    setPhotos((list) => list.map(apply));
  };
  /** A photo's bibs changed (in its dialog). */
  const retag = (photoId: string, tags: PhotoTagChip[]) => patch(photoId, (p) => ({ ...p, tags }));
  /** A photo the API just answered with (a studio image asked for). */
  const replace = (photo: Photo) => patch(photo.id, () => photo);
  return { photos, loading, forget, retag, replace, refresh };
}
