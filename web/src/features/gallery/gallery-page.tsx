import { useEffect } from 'react';
import { useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { useResource } from '../../lib/use-resource';
import { GalleryHeader } from './gallery-header';
import { GalleryNotFound, LoadError, PageLoading, PageMessage } from './gallery-states';
import { GalleryView } from './gallery-view';

/**
 * The public gallery at `/e/:slug`, for runners on their phones after the race: the album's
 * photos in a justified grid, search by bib or name, a lightbox, and favourites kept locally.
 */
export default function GalleryPage() {
  const { slug = '' } = useParams();
  const { data, error, reload } = useResource(() => api.gallery.album(slug), [slug]);
  useDocumentTitle(data?.album.title);

  if (error) {
    // Private albums answer 404 too: the public cannot tell them from missing ones.
    if (error instanceof ApiError && error.status === 404) return <GalleryNotFound />;
    return (
      <PageMessage>
        <LoadError error={error} onRetry={reload} />
      </PageMessage>
    );
  }
  if (!data) return <PageLoading />;
  return (
    <div className="min-h-dvh">
      <GalleryHeader album={data.album} />
      <GalleryView album={data.album} />
    </div>
  );
}

/** Same title as the Worker puts in the page's <head> for link previews. */
function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    if (!title) return;
    const previous = document.title;
    document.title = `${title} — Vitrine`;
    return () => {
      document.title = previous;
    };
  }, [title]);
}
