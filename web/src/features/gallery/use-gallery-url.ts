import { useCallback } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

/** Marks a history entry pushed by opening a photo, so closing it can simply go back. */
type LightboxState = { lightbox?: true } | null;

/**
 * The gallery's state that belongs in a link: the search (`?q=`) and the open photo (`?photo=`).
 * Opening a photo pushes an entry, so the phone's back button closes the lightbox; moving
 * between photos replaces it, so back does not step through every photo seen.
 */
export function useGalleryUrl() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const query = params.get('q') ?? '';
  const photoId = params.get('photo');
  const openedHere = Boolean((location.state as LightboxState)?.lightbox);

  const setQuery = useCallback(
    (q: string) =>
      setParams(
        (p) => {
          if (q) p.set('q', q);
          else p.delete('q');
          p.delete('photo');
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );

  const showPhoto = useCallback(
    (id: string, how: 'open' | 'move') =>
      setParams(
        (p) => {
          p.set('photo', id);
          return p;
        },
        { replace: how === 'move', state: how === 'open' ? { lightbox: true } : location.state, preventScrollReset: true },
      ),
    [setParams, location.state],
  );

  const closePhoto = useCallback(() => {
    if (openedHere) {
      navigate(-1);
      return;
    }
    setParams(
      (p) => {
        p.delete('photo');
        return p;
      },
      { replace: true, preventScrollReset: true },
    );
  }, [openedHere, navigate, setParams]);

  return { query, photoId, setQuery, showPhoto, closePhoto };
}
