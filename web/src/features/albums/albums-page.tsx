import { CalendarDays, Globe, Images, Link2, Lock, MapPin, Plus } from 'lucide-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AlbumVisibility } from '../../../../workers/shared/enums';
import { api } from '../../api/client';
import type { Album } from '../../api/types';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { Spinner } from '../../components/spinner';
import { formatDate } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { AlbumForm } from './album-form';

export const VISIBILITY: Record<AlbumVisibility, { label: string; icon: typeof Globe; hint: string }> = {
  public: { label: 'Public', icon: Globe, hint: 'Anyone can find and browse the gallery' },
  unlisted: { label: 'Unlisted', icon: Link2, hint: 'Only people with the link' },
  private: { label: 'Private', icon: Lock, hint: 'Only your workspace' },
};

/** The workspace's albums, newest first, with the way to create one. */
export function AlbumsPage() {
  const [albums, setAlbums] = useState<Album[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState<string | null>(null);
  const page = useResource(async () => {
    const result = await api.albums.list(cursor ?? undefined);
    setAlbums((list) => (cursor ? [...list, ...result.albums] : result.albums));
    setMore(result.nextCursor);
    return result;
  }, [cursor]);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();

  const newButton = (
    <Button onClick={() => setCreating(true)} icon={<Plus className="size-4" aria-hidden />}>
      New album
    </Button>
  );
  return (
    <>
      <div className="mb-6 flex items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Albums</h1>
        {albums.length > 0 && newButton}
      </div>
      {page.error && <p role="alert" className="text-red-700">{page.error.message}</p>}
      {page.loading && albums.length === 0 ? (
        <Spinner label="Loading albums…" />
      ) : albums.length === 0 && !page.error ? (
        <EmptyState icon={Images} title="No albums yet" action={newButton}>
          An album holds the photos of one race, one car or one property. Create one, then drop your photos in it:
          they are processed, watermarked and ready to share in seconds.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {albums.map((album) => (
            <li key={album.id}>
              <AlbumCard album={album} />
            </li>
          ))}
        </ul>
      )}
      {more && (
        <div className="mt-6 text-center">
          <Button variant="secondary" busy={page.loading} onClick={() => setCursor(more)}>Load more albums</Button>
        </div>
      )}
      <Dialog open={creating} onClose={() => setCreating(false)} title="New album">
        <AlbumForm
          submitLabel="Create album"
          onCancel={() => setCreating(false)}
          onSubmit={async (body) => {
            const { album } = await api.albums.create(body);
            navigate(`/albums/${album.id}`);
          }}
        />
      </Dialog>
    </>
  );
}

function AlbumCard({ album }: { album: Album }) {
  const visibility = VISIBILITY[album.visibility];
  return (
    <Link
      to={`/albums/${album.id}`}
      className="block rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 transition hover:shadow-md hover:ring-brand-500"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 className="font-semibold text-slate-900">{album.title}</h2>
        <span className="inline-flex shrink-0 items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
          <visibility.icon className="size-3" aria-hidden /> {visibility.label}
        </span>
      </div>
      <div className="mt-3 space-y-1 text-sm text-slate-600">
        {album.date && (
          <p className="flex items-center gap-1"><CalendarDays className="size-4" aria-hidden /> {formatDate(album.date)}</p>
        )}
        {album.location && (
          <p className="flex items-center gap-1"><MapPin className="size-4" aria-hidden /> {album.location}</p>
        )}
      </div>
    </Link>
  );
}
