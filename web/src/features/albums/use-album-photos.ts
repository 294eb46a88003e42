import { useCallback, useEffect, useRef, useState } from 'react';
import type { PhotoStatus } from '../../../../workers/shared/enums';
import { api } from '../../api/client';
import type { Photo, PhotoCounts, PhotoTagChip } from '../../api/types';

type Page = { cursor: string | null; photos: Photo[]; next: string | null };

/** Statuses the pipeline is done with: a page holding only these, read or not to be read, needs no refresh. */
const FINAL = new Set<PhotoStatus>(['ready', 'rejected', 'failed']);
const isSettled = (page: Page) => page.photos.every((p) => FINAL.has(p.status) && p.recognition?.status !== 'queued');

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

  const refresh = useCallback(async () => {
    // One refresh at a time; a change during it is picked up by the next poll.
    if (running.current) return running.current;
    running.current = (async () => {
      const firstOpen = pages.current.findIndex((p) => !isSettled(p) || !p.next);
      const keep = firstOpen === -1 ? pages.current : pages.current.slice(0, firstOpen);
      let cursor = firstOpen === -1 ? (pages.current.at(-1)?.next ?? null) : pages.current[firstOpen].cursor;
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
  /** A photo's bibs changed (in its dialog): settled pages are not fetched again, so patch them. */
  const retag = (photoId: string, tags: PhotoTagChip[]) => {
    const patch = (p: Photo) => (p.id === photoId ? { ...p, tags } : p);
    pages.current = pages.current.map((page) => ({ ...page, photos: page.photos.map(patch) }));
    setPhotos((list) => list.map(patch));
  };
  return { photos, loading, forget, retag };
}
