/** A property's Photos tab: add photos, the photos by room, the transformation picker with its cost, progress, and each photo's versions. */
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { PhotoDialog } from '../albums/photo-grid';
import { useLiveAlbum } from '../albums/use-live-album';
import { AddPhotos } from '../upload/add-photos';
import { Spinner } from '../../components/spinner';
import { useResource } from '../../lib/use-resource';
import { PhotosByRoom } from './photos-by-room';
import { PhotoVersions } from './photo-versions';
import { TransformationPicker } from './transformation-picker';
import { TransformProgress } from './transform-progress';
import { useTransformations } from './use-transformations';

const heading = 'text-lg font-semibold text-slate-900';

export function PhotosTab({ albumId }: { albumId: string }) {
  const album = useLiveAlbum(albumId);
  // The balance moves when work is reserved and when a failure is refunded: asked again then.
  const credits = useResource(() => api.billing.credits(), []);
  const live = useTransformations(albumId, credits.reload);
  const [selected, setSelected] = useState<string[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const { photos } = album;
  const ready = photos.filter((p) => p.status === 'ready');
  const names = useMemo(() => new Map(photos.map((p) => [p.id, p.name])), [photos]);
  const open = photos.find((p) => p.id === openId) ?? null;

  if (album.album.error && !album.album.data) return <p role="alert" className="text-red-700">{album.album.error.message}</p>;
  return (
    <div className="space-y-8">
      <AddPhotos title="Add photos of the property" albumId={albumId} live={album} photos={photos} />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="rooms-title" className="space-y-4">
          <h2 id="rooms-title" className={heading}>Photos by room</h2>
          <TransformProgress live={live} nameOf={(id) => names.get(id) ?? 'a photo'} />
          {album.loading && photos.length === 0 ? (
            <Spinner label="Loading photos…" />
          ) : photos.length === 0 ? (
            <p className="py-10 text-center text-sm text-slate-500">No photos yet: drop some above, then say which room each shows.</p>
          ) : (
            <PhotosByRoom photos={photos} transformations={live.transformations} selected={selected} onSelect={setSelected} onOpen={setOpenId} onChanged={album.replace} />
          )}
        </section>
        <TransformationPicker
          albumId={albumId}
          photos={ready}
          selected={selected}
          balance={credits.data?.balance}
          onStarted={(made) => { live.track(made); setSelected([]); }}
          onSettled={credits.reload}
        />
      </div>
      <PhotoDialog
        photo={open}
        tagKind={null}
        onClose={() => setOpenId(null)}
        onDeleted={(id) => { setOpenId(null); album.forget(id); }}
        onRetagged={() => undefined}
      >
        {open && <PhotoVersions photo={open} versions={live.transformations.filter((t) => t.photoId === open.id)} onChanged={album.replace} />}
      </PhotoDialog>
    </div>
  );
}
