import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { CircleAlert, ImageOff, LoaderCircle, Trash2 } from 'lucide-react';
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import type { TagKind } from '../../../../workers/shared/enums';
import { api, apiUrl } from '../../api/client';
import type { Photo, PhotoTagChip } from '../../api/types';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { PhotoImage } from '../../components/photo-image';
import { Spinner } from '../../components/spinner';
import { formatBytes } from '../../lib/format';
import { PhotoTags, TAG_WORD } from '../review/photo-tags';

const MIN_CELL = 150;
const GAP = 8;

type GridProps = {
  photos: Photo[];
  loading: boolean;
  /** What is read on this workspace's photos (bibs, plates), shown and edited on each; null: nothing. */
  tagKind: TagKind | null;
  onDeleted: (id: string) => void;
  onRetagged: (id: string, tags: PhotoTagChip[]) => void;
};

/** Square thumbnails in a virtualised grid: only the rows on screen exist in the DOM (5,000 photos stay smooth). */
export function PhotoGrid({ photos, loading, tagKind, onDeleted, onRetagged }: GridProps) {
  const container = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [offset, setOffset] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  // By id: the dialog follows the list, so a bib changed in it shows on the tile too.
  const open = photos.find((p) => p.id === openId) ?? null;
  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // What sits above the grid (the upload list, the status card) changes height: follow it after every render.
  useLayoutEffect(() => {
    const top = (container.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
    if (Math.abs(top - offset) > 1) setOffset(top);
  });
  const columns = Math.max(2, Math.floor((width + GAP) / (MIN_CELL + GAP)));
  const cell = width ? (width - GAP * (columns - 1)) / columns : MIN_CELL;
  const rows = Math.ceil(photos.length / columns);
  const virtualizer = useWindowVirtualizer({ count: rows, estimateSize: () => cell + GAP, overscan: 4, scrollMargin: offset });
  // Cells change size with the window: measure again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new cell size is the reason to measure
  useLayoutEffect(() => virtualizer.measure(), [cell, virtualizer]);

  // The container is always rendered: the size observer must see it from the first photo on.
  return (
    <section aria-label={`Photos (${photos.length})`}>
      {!loading && photos.length === 0 && (
        <p className="py-10 text-center text-sm text-slate-500">No photos yet: drop some above and watch them appear here.</p>
      )}
      <div ref={container} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            className="absolute left-0 grid w-full"
            style={{ top: row.start - offset, gridTemplateColumns: `repeat(${columns}, 1fr)`, gap: GAP, height: cell }}
          >
            {photos.slice(row.index * columns, row.index * columns + columns).map((photo) => (
              <PhotoCell key={photo.id} photo={photo} tagKind={tagKind} onOpen={() => setOpenId(photo.id)} />
            ))}
          </div>
        ))}
      </div>
      {loading && <Spinner label="Loading photos…" />}
      <PhotoDialog
        photo={open}
        tagKind={tagKind}
        onClose={() => setOpenId(null)}
        onDeleted={(id) => { setOpenId(null); onDeleted(id); }}
        onRetagged={onRetagged}
      />
    </section>
  );
}

const MAX_CHIPS = 3;

/** The tile's bibs (or plates), a few at most: the dialog lists them all. */
function TagChips({ tags, kind }: { tags: PhotoTagChip[]; kind: TagKind }) {
  const shown = tags.filter((t) => t.kind === kind);
  if (!shown.length) return null;
  const more = shown.length - MAX_CHIPS;
  return (
    <span className="absolute inset-x-1 bottom-1 flex flex-wrap gap-1" aria-hidden>
      {shown.slice(0, MAX_CHIPS).map((t) => (
        <span key={t.id} className={`rounded px-1.5 py-0.5 text-xs font-bold shadow ${t.status === 'unsure' ? 'bg-amber-300 text-slate-900' : 'bg-white/90 text-slate-900'}`}>{t.value}</span>
      ))}
      {more > 0 && <span className="rounded bg-white/90 px-1.5 py-0.5 text-xs shadow">+{more}</span>}
    </span>
  );
}

function PhotoCell({ photo, tagKind, onOpen }: { photo: Photo; tagKind: TagKind | null; onOpen: () => void }) {
  const values = tagKind ? (photo.tags ?? []).filter((t) => t.kind === tagKind).map((t) => t.value) : [];
  const word = tagKind && (values.length === 1 ? TAG_WORD[tagKind] : `${TAG_WORD[tagKind]}s`);
  const label = `${photo.name} — ${photo.status}${values.length ? ` — ${word} ${values.join(', ')}` : ''}`;
  return (
    <button type="button" onClick={onOpen} aria-label={label} data-status={photo.status} className="group relative overflow-hidden rounded-lg bg-slate-200 focus-visible:ring-2">
      {photo.variants ? (
        <PhotoImage placeholder={photo.placeholder} src={apiUrl(photo.variants.thumb.url)} alt="" className="size-full object-cover transition group-hover:scale-105" />
      ) : (
        <div className="flex size-full flex-col items-center justify-center gap-1 p-2 text-xs text-slate-600">
          {photo.status === 'rejected' || photo.status === 'failed' ? (
            <><CircleAlert className="size-5 text-red-600" aria-hidden /> {photo.error?.message ?? photo.status}</>
          ) : photo.status === 'pending' ? (
            <><ImageOff className="size-5" aria-hidden /> Not uploaded</>
          ) : (
            <><LoaderCircle className="size-5 animate-spin" aria-hidden /> Processing…</>
          )}
        </div>
      )}
      {tagKind && <TagChips tags={photo.tags ?? []} kind={tagKind} />}
    </button>
  );
}

type DialogProps = Pick<GridProps, 'tagKind' | 'onDeleted' | 'onRetagged'> & {
  photo: Photo | null;
  onClose: () => void;
  /** What a trade shows of the photo instead of the plain image (a property photo's versions); Delete and Close stay. */
  children?: ReactNode;
};

/** A photo opened: the image (or what `children` show of it), its size and state, its bibs or plates, Delete and Close. */
export function PhotoDialog({ photo, tagKind, onClose, onDeleted, onRetagged, children }: DialogProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    if (!photo) return;
    setBusy(true);
    try {
      await api.photos.remove(photo.id);
      onDeleted(photo.id);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <Dialog open={Boolean(photo)} onClose={() => { setConfirming(false); onClose(); }} title={photo?.name ?? ''} wide={Boolean(children)}>
      {photo && (
        <div className="space-y-3">
          {children ?? (photo.variants && (
            <PhotoImage placeholder={photo.placeholder} src={apiUrl(photo.variants.web.url)} alt={photo.name} className="max-h-[60vh] w-full rounded-lg object-contain" loading="eager" />
          ))}
          <p className="text-sm text-slate-600">
            {photo.status} · {formatBytes(photo.size)}{photo.width ? ` · ${photo.width}×${photo.height}` : ''}
            {photo.error ? ` · ${photo.error.message}` : ''}
          </p>
          {tagKind && (
            <PhotoTags photoId={photo.id} kind={tagKind} tags={photo.tags ?? []} onChanged={(tags) => onRetagged(photo.id, tags.map(({ id, kind, value, status }) => ({ id, kind, value, status })))} />
          )}
          <div className="flex justify-end gap-2">
            {confirming ? (
              <>
                <span className="self-center text-sm">Delete this photo for good?</span>
                <Button variant="secondary" onClick={() => setConfirming(false)}>Keep</Button>
                <Button variant="danger" busy={busy} onClick={remove}>Delete</Button>
              </>
            ) : (
              <>
                <Button variant="secondary" icon={<Trash2 className="size-4" aria-hidden />} onClick={() => setConfirming(true)}>Delete photo</Button>
                <Button onClick={onClose}>Close</Button>
              </>
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}
