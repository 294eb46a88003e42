/** A vehicle's Photos tab: add photos, the studio (backdrop, placement, before/after), and the photos with their plates. */
import { useEffect, useState } from 'react';
import { Spinner } from '../../components/spinner';
import { PhotoGrid } from '../albums/photo-grid';
import { useLiveAlbum } from '../albums/use-live-album';
import { AddPhotos } from '../upload/add-photos';
import { BackdropPicker } from './backdrop-picker';
import { BeforeAfter } from './before-after';
import { StudioPanel } from './studio-panel';
import { StudioProgress } from './studio-state';
import { StudioStrip } from './studio-strip';
import { useStudio } from './use-studio';

const heading = 'text-lg font-semibold text-slate-900';

/**
 * `albumId`: the vehicle's album (a vehicles workspace's album is a vehicle). `onPlatesRead`: called
 * each time more photos have been read, so the page can load the record again (its plate comes from them).
 */
export function PhotosTab({ albumId, onPlatesRead }: { albumId: string; onPlatesRead?: () => void }) {
  const live = useLiveAlbum(albumId);
  const studio = useStudio(albumId, live);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { photos } = live;
  const read = photos.filter((p) => p.recognition?.status === 'done').length;
  useEffect(() => {
    if (read > 0) onPlatesRead?.();
  }, [read, onPlatesRead]);
  const shown = photos.filter((p) => p.variants);
  const selected = shown.find((p) => p.id === selectedId) ?? shown[0] ?? null;

  if (live.album.error && !live.album.data) return <p role="alert" className="text-red-700">{live.album.error.message}</p>;
  return (
    <div className="space-y-8">
      <AddPhotos title="Add photos of the vehicle" albumId={albumId} live={live} photos={photos} />

      <section aria-labelledby="studio-title" className="space-y-3">
        <div>
          <h2 id="studio-title" className={heading}>Studio</h2>
          <p className="text-sm text-slate-600">Put the car on a professional backdrop: pick a look, try it on one photo, then apply it to all.</p>
        </div>
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="space-y-3">
            {selected ? (
              <BeforeAfter key={selected.id} photo={selected} />
            ) : (
              <div className="grid aspect-video place-items-center rounded-xl bg-slate-100 p-6 text-center text-sm text-slate-500">
                {live.loading ? <Spinner label="Loading photos…" /> : 'Your photos appear here once processed, ready for the studio.'}
              </div>
            )}
            <StudioProgress photos={photos} />
            {shown.length > 1 && <StudioStrip photos={shown} selectedId={selected?.id ?? null} onSelect={setSelectedId} />}
            <BackdropPicker value={studio.look.backdrop} onChange={(backdrop) => studio.setLook((l) => ({ ...l, backdrop }))} error={studio.fieldErrors.backdrop} />
          </div>
          <StudioPanel studio={studio} photo={selected} />
        </div>
      </section>

      <section aria-labelledby="plates-title" className="space-y-3">
        <h2 id="plates-title" className={heading}>Photos and plates</h2>
        <PhotoGrid photos={photos} loading={live.loading} tagKind="plate" onDeleted={live.forget} onRetagged={live.retag} />
      </section>
    </div>
  );
}
