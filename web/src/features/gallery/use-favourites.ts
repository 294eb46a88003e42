import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PublicPhoto } from '../../api/types';

const storageKey = (slug: string) => `vitrine:favourites:${slug}`;

/**
 * The whole photo is kept, not just its id: the favourites view can then show a photo that sits
 * on page 30 of the album without loading 29 pages first.
 */
function read(slug: string): PublicPhoto[] {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey(slug)) ?? '[]');
    return Array.isArray(stored) ? stored.filter((p) => p && typeof p.id === 'string') : [];
  } catch {
    return [];
  }
}

function write(slug: string, photos: PublicPhoto[]) {
  try {
    localStorage.setItem(storageKey(slug), JSON.stringify(photos));
  } catch {
    // Private mode or a full quota: favourites then last as long as the page.
  }
}

export type Favourites = {
  photos: PublicPhoto[];
  has: (id: string) => boolean;
  toggle: (photo: PublicPhoto) => void;
};

/** A visitor's favourite photos of one album, in this browser only (no account needed). */
export function useFavourites(slug: string): Favourites {
  const [photos, setPhotos] = useState<PublicPhoto[]>(() => read(slug));

  useEffect(() => {
    setPhotos(read(slug));
    // Another tab of the same gallery changed them.
    const onStorage = (e: StorageEvent) => e.key === storageKey(slug) && setPhotos(read(slug));
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [slug]);

  const ids = useMemo(() => new Set(photos.map((p) => p.id)), [photos]);
  const has = useCallback((id: string) => ids.has(id), [ids]);
  const toggle = useCallback(
    (photo: PublicPhoto) =>
      setPhotos((current) => {
        const next = current.some((p) => p.id === photo.id) ? current.filter((p) => p.id !== photo.id) : [...current, photo];
        write(slug, next);
        return next;
      }),
    [slug],
  );
  return { photos, has, toggle };
}
