import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { PublicPhoto, PublicPhotosPage } from '../../api/types';

/** A page: a few screenfuls on a phone (where runners browse, often on mobile data), one or two on a desktop. */
const PAGE_SIZE = 48;

export type Runner = NonNullable<PublicPhotosPage['runners']>[number];

type State = {
  photos: PublicPhoto[];
  nextCursor: string | null;
  /** Who the search matched on the start list (first page only: later pages repeat it). */
  runners: Runner[];
  /** True until the first page has answered. */
  initial: boolean;
  loading: boolean;
  error: Error | null;
};

const fresh: State = { photos: [], nextCursor: null, runners: [], initial: true, loading: true, error: null };

export type GalleryPhotos = State & { hasMore: boolean; loadMore: () => void; retry: () => void };

/**
 * The photos of a public album (optionally searched), page after page over the cursor API.
 * A new search starts over and cancels the request of the old one, so a slow answer for "12"
 * never lands on top of the results for "1234".
 */
export function useGalleryPhotos(slug: string, q: string): GalleryPhotos {
  const [state, setState] = useState<State>(fresh);
  const inFlight = useRef<AbortController | null>(null);
  // Read by loadMore, which must stay stable for the observers that call it.
  const latest = useRef(state);
  latest.current = state;

  const fetchPage = useCallback(
    (cursor: string | null) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setState((s) => ({ ...s, loading: true, error: null }));
      api.gallery.photos(slug, { cursor, q: q || undefined, limit: PAGE_SIZE }, controller.signal).then(
        (page) => {
          if (controller.signal.aborted) return;
          setState((s) => {
            const known = cursor ? new Set(s.photos.map((p) => p.id)) : new Set<string>();
            const added = page.photos.filter((p) => !known.has(p.id));
            return {
              photos: cursor ? [...s.photos, ...added] : added,
              nextCursor: page.nextCursor,
              runners: cursor ? s.runners : (page.runners ?? []),
              initial: false,
              loading: false,
              error: null,
            };
          });
        },
        (error: Error) => {
          if (controller.signal.aborted) return;
          setState((s) => ({ ...s, loading: false, error }));
        },
      );
    },
    [slug, q],
  );

  useEffect(() => {
    setState(fresh);
    fetchPage(null);
    return () => inFlight.current?.abort();
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    const { loading, nextCursor, error } = latest.current;
    // After an error, only an explicit retry tries again (no request loop from the observer).
    if (!loading && nextCursor && !error) fetchPage(nextCursor);
  }, [fetchPage]);

  const retry = useCallback(() => {
    const { initial, nextCursor } = latest.current;
    fetchPage(initial ? null : nextCursor);
  }, [fetchPage]);

  return { ...state, hasMore: Boolean(state.nextCursor), loadMore, retry };
}
