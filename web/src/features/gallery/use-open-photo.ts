import { useEffect, useRef, useState } from 'react';
import type { PublicPhoto } from '../../api/types';
import type { GalleryPhotos } from './use-gallery-photos';

type Options = {
  photoId: string | null;
  list: PublicPhoto[];
  /** Whether `list` is the paged album (or search) rather than the favourites. */
  paged: boolean;
  results: GalleryPhotos;
  showPhoto: (id: string, how: 'open' | 'move') => void;
  closePhoto: () => void;
};

/**
 * Where the photo named in the URL sits in the list shown, or -1. A shared link can name a photo
 * many pages in: pages are loaded until it turns up, and the link is dropped if it never does
 * (the photo was removed). Also hands back the photo to focus once the lightbox has closed.
 */
export function useOpenPhoto({ photoId, list, paged, results, showPhoto, closePhoto }: Options) {
  const index = photoId ? list.findIndex((p) => p.id === photoId) : -1;
  const lastIndex = useRef(-1);
  const lastOpen = useRef<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ id: string; seq: number } | null>(null);

  useEffect(() => {
    if (!photoId || index >= 0) return;
    if (paged) {
      if (results.hasMore && !results.loading && !results.error) results.loadMore();
      else if (!results.hasMore && !results.loading && !results.initial) closePhoto();
      return;
    }
    // Un-favourited from inside the favourites lightbox: show the one that took its place.
    const neighbour = list[Math.min(lastIndex.current, list.length - 1)];
    if (neighbour) showPhoto(neighbour.id, 'move');
    else closePhoto();
  }, [photoId, index, paged, list, results, showPhoto, closePhoto]);

  // Focus goes back to the thumbnail only once the modal is gone (nothing behind it is focusable).
  useEffect(() => {
    if (index >= 0) {
      lastIndex.current = index;
      lastOpen.current = list[index].id;
    } else if (lastOpen.current && !photoId) {
      const id = lastOpen.current;
      lastOpen.current = null;
      setFocusRequest((r) => ({ id, seq: (r?.seq ?? 0) + 1 }));
    }
  }, [index, list, photoId]);

  return { index, focusRequest };
}
