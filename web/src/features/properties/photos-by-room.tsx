/**
 * A property's photos grouped by the room they show: each with its room picker, a box to select it
 * for a transformation, where its latest transformation stands, and the version the gallery shows.
 */
import { CircleAlert, CircleCheck, LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import { ROOM_TYPES } from '../../../../workers/shared/enums';
import { api, type ApiError, apiUrl } from '../../api/client';
import type { Photo, RoomType, Transformation } from '../../api/types';
import { PhotoImage } from '../../components/photo-image';
import { useAuthedImage } from '../../lib/use-authed-image';
import { labelOf, ROOM_LABELS, underWay, versionName } from './property-words';

type Props = {
  photos: Photo[];
  transformations: Transformation[];
  selected: string[];
  onSelect: (ids: string[]) => void;
  onOpen: (photoId: string) => void;
  onChanged: (photo: Photo) => void;
};

const GROUPS: (RoomType | null)[] = [...ROOM_TYPES, null];

export function PhotosByRoom({ photos, transformations, selected, onSelect, onOpen, onChanged }: Props) {
  const toggle = (id: string, on: boolean) => onSelect(on ? [...selected, id] : selected.filter((s) => s !== id));
  const ready = photos.filter((p) => p.status === 'ready');
  return (
    <div className="space-y-6">
      {ready.length > 1 && (
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" checked={selected.length === ready.length} onChange={(e) => onSelect(e.target.checked ? ready.map((p) => p.id) : [])} />
          Select all photos
        </label>
      )}
      {GROUPS.map((room) => {
        const inRoom = photos.filter((p) => (p.room ?? null) === room);
        if (inRoom.length === 0) return null;
        const title = room ? ROOM_LABELS[room] : 'No room given yet';
        return (
          <section key={room ?? 'none'} aria-label={title}>
            <h3 className="mb-2 font-medium text-slate-700">{title} <span className="text-slate-500">({inRoom.length})</span></h3>
            <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
              {inRoom.map((p) => (
                <li key={p.id}>
                  <PhotoCard
                    photo={p}
                    versions={transformations.filter((t) => t.photoId === p.id)}
                    selected={selected.includes(p.id)}
                    onToggle={(on) => toggle(p.id, on)}
                    onOpen={() => onOpen(p.id)}
                    onChanged={onChanged}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

type CardProps = { photo: Photo; versions: Transformation[]; selected: boolean; onToggle: (on: boolean) => void; onOpen: () => void; onChanged: (photo: Photo) => void };

function PhotoCard({ photo, versions, selected, onToggle, onOpen, onChanged }: CardProps) {
  const [error, setError] = useState<string | null>(null);
  const latest = versions[0];
  const shown = versions.find((t) => t.id === photo.shownTransformationId) ?? null;
  const setRoom = async (room: RoomType | null) => {
    setError(null);
    try {
      onChanged((await api.properties.setRoom(photo.id, room)).photo);
    } catch (err) {
      setError((err as ApiError).message);
    }
  };
  return (
    <article aria-label={photo.name} data-transformation={latest?.status ?? 'none'} className="overflow-hidden rounded-xl bg-white ring-1 ring-slate-200">
      <button type="button" onClick={onOpen} aria-label={`Open ${photo.name}`} className="relative block aspect-[3/2] w-full bg-slate-200">
        <Thumb photo={photo} shown={shown} />
        {shown && <span className="absolute bottom-1 left-1 rounded bg-black/60 px-1.5 py-0.5 text-xs text-white">{labelOf(shown) ?? versionName(shown)}</span>}
      </button>
      <div className="space-y-2 p-3 text-sm">
        <div className="flex items-center justify-between gap-2">
          <span className="truncate font-medium" title={photo.name}>{photo.name}</span>
          {photo.status === 'ready' && (
            <label className="inline-flex shrink-0 items-center gap-1 text-slate-600">
              <input type="checkbox" checked={selected} onChange={(e) => onToggle(e.target.checked)} aria-label={`Select ${photo.name}`} /> Select
            </label>
          )}
        </div>
        <select
          aria-label={`Room of ${photo.name}`}
          value={photo.room ?? ''}
          onChange={(e) => void setRoom((e.target.value || null) as RoomType | null)}
          className="block w-full rounded-lg border-0 bg-white px-2 py-1.5 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-500"
        >
          <option value="">No room given</option>
          {ROOM_TYPES.map((r) => <option key={r} value={r}>{ROOM_LABELS[r]}</option>)}
        </select>
        {error && <p role="alert" className="text-red-700">{error}</p>}
        <LatestState photo={photo} latest={latest} />
      </div>
    </article>
  );
}

/** The shown version's thumbnail (private: fetched with the session) once chosen, else the photo's own. */
function Thumb({ photo, shown }: { photo: Photo; shown: Transformation | null }) {
  const version = useAuthedImage(shown?.urls?.thumb ?? null);
  if (!photo.variants) return <span className="grid size-full place-items-center text-xs text-slate-600">{photo.status === 'failed' || photo.status === 'rejected' ? (photo.error?.message ?? 'Could not be processed') : 'Processing…'}</span>;
  return <PhotoImage placeholder={photo.placeholder} src={version.src ?? apiUrl(photo.variants.thumb.url)} alt="" className="size-full object-cover" />;
}

/** Where the photo's latest transformation stands: the per-photo progress while jobs run. */
function LatestState({ photo, latest }: { photo: Photo; latest: Transformation | undefined }) {
  if (!latest) return <p className="text-slate-500">{photo.status === 'ready' ? 'Original' : ''}</p>;
  const name = versionName(latest);
  if (underWay(latest)) {
    return <p className="flex items-center gap-1 text-brand-700"><LoaderCircle className="size-4 animate-spin" aria-hidden /> {name}: {latest.status === 'queued' ? 'waiting' : 'in progress'}…</p>;
  }
  if (latest.status === 'failed') {
    return <p className="flex items-center gap-1 text-red-700"><CircleAlert className="size-4" aria-hidden /> {name} failed, credits refunded</p>;
  }
  return <p className="flex items-center gap-1 text-emerald-700"><CircleCheck className="size-4" aria-hidden /> {name} ready</p>;
}
