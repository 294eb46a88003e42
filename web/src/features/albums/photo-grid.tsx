import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { CircleAlert, ImageOff, LoaderCircle, Trash2 } from 'lucide-react';
import { useLayoutEffect, useRef, useState } from 'react';
import { api, apiUrl } from '../../api/client';
import type { Photo } from '../../api/types';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { PhotoImage } from '../../components/photo-image';
import { Spinner } from '../../components/spinner';
import { formatBytes } from '../../lib/format';

const MIN_CELL = 150;
const GAP = 8;

/** Square thumbnails in a virtualised grid: only the rows on screen exist in the DOM (5,000 photos stay smooth). */
export function PhotoGrid({ photos, loading, onDeleted }: { photos: Photo[]; loading: boolean; onDeleted: (id: string) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<Photo | null>(null);
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
              <PhotoCell key={photo.id} photo={photo} onOpen={() => setOpen(photo)} />
            ))}
          </div>
        ))}
      </div>
      {loading && <Spinner label="Loading photos…" />}
      <PhotoDialog photo={open} onClose={() => setOpen(null)} onDeleted={(id) => { setOpen(null); onDeleted(id); }} />
    </section>
  );
}

function PhotoCell({ photo, onOpen }: { photo: Photo; onOpen: () => void }) {
  const label = `${photo.name} — ${photo.status}`;
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
    </button>
  );
}

function PhotoDialog({ photo, onClose, onDeleted }: { photo: Photo | null; onClose: () => void; onDeleted: (id: string) => void }) {
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
    <Dialog open={Boolean(photo)} onClose={() => { setConfirming(false); onClose(); }} title={photo?.name ?? ''}>
      {photo && (
        <div className="space-y-3">
          {photo.variants && (
            <PhotoImage placeholder={photo.placeholder} src={apiUrl(photo.variants.web.url)} alt={photo.name} className="max-h-[60vh] w-full rounded-lg object-contain" loading="eager" />
          )}
          <p className="text-sm text-slate-600">
            {photo.status} · {formatBytes(photo.size)}{photo.width ? ` · ${photo.width}×${photo.height}` : ''}
            {photo.error ? ` · ${photo.error.message}` : ''}
          </p>
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
