/** The vehicle's photos as a row of thumbnails to choose the one shown before/after (and "Apply to this photo"), each with its studio status. */
import { CircleAlert, CircleCheck, LoaderCircle, TriangleAlert } from 'lucide-react';
import { apiUrl } from '../../api/client';
import type { StudioPhoto } from '../../api/types';
import { PhotoImage } from '../../components/photo-image';
import { studioUnderWay } from '../albums/use-album-photos';
import { studioWords } from './studio-state';
import { useAuthedImage } from '../../lib/use-authed-image';

/** Radios (arrow keys move between photos), labelled with each photo's name and studio state. */
export function StudioStrip({ photos, selectedId, onSelect }: { photos: StudioPhoto[]; selectedId: string | null; onSelect: (id: string) => void }) {
  return (
    <fieldset>
      <legend className="sr-only">Photo shown before and after</legend>
      <div className="flex gap-2 overflow-x-auto pb-1">
        {photos.map((p) => (
          <label key={p.id} className="relative w-28 shrink-0 cursor-pointer" data-studio={p.studio?.status ?? 'none'}>
            <input
              type="radio"
              name="studio-photo"
              value={p.id}
              checked={p.id === selectedId}
              onChange={() => onSelect(p.id)}
              aria-label={`${p.name}: ${studioWords(p.studio)}`}
              className="peer sr-only"
            />
            <Thumb photo={p} />
            <StatusIcon photo={p} />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The studio thumbnail once there is one, else the photo's own. */
function Thumb({ photo }: { photo: StudioPhoto }) {
  const studio = useAuthedImage(photo.studio?.thumbUrl ?? null);
  const own = photo.variants ? apiUrl(photo.variants.thumb.url) : undefined;
  return (
    <PhotoImage
      placeholder={photo.placeholder}
      src={studio.src ?? own}
      alt=""
      className="aspect-[4/3] w-full rounded-lg object-cover ring-1 ring-slate-200 peer-checked:ring-3 peer-checked:ring-brand-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500"
    />
  );
}

function StatusIcon({ photo }: { photo: StudioPhoto }) {
  const studio = photo.studio;
  if (!studio) return null;
  const shape = 'absolute top-1 right-1 size-5 rounded-full bg-white p-0.5 shadow';
  if (studioUnderWay(photo)) return <LoaderCircle className={`${shape} animate-spin text-brand-600`} aria-hidden />;
  if (studio.status === 'failed') return <CircleAlert className={`${shape} text-red-600`} aria-hidden />;
  if (studio.doubtful) return <TriangleAlert className={`${shape} text-amber-600`} aria-hidden />;
  return <CircleCheck className={`${shape} text-emerald-600`} aria-hidden />;
}
