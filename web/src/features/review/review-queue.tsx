import { Check, SkipForward, Trash2 } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TagStatus } from '../../../../workers/shared/enums';
import { api, apiUrl, type ApiError } from '../../api/client';
import type { PhotoTagChip, ReviewItem, TagChange } from '../../api/types';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { Spinner } from '../../components/spinner';
import { useWorkspaceKind } from '../shell/pro-shell';
import { PhotoTags, TAG_WORD } from './photo-tags';
import { RecentChanges } from './recent-changes';
import { StartListImport } from './start-list-import';

/** Unsure reads first, then the sure ones a person has not confirmed yet. */
const ORDER: TagStatus[] = ['unsure', 'sure'];

/**
 * One read (a bib or a plate) at a time, its box highlighted on the photo; the keyboard does it all:
 * Enter confirms, typing then Enter corrects, Delete removes, → skips, ← goes back, Ctrl+Z undoes.
 * Every change is kept by the API (recent changes), so it can be undone after a reload too.
 */
export function ReviewQueue({ albumId }: { albumId: string }) {
  const kind = useWorkspaceKind();
  const [items, setItems] = useState<ReviewItem[]>([]);
  const [index, setIndex] = useState(0);
  const [counts, setCounts] = useState<Partial<Record<TagStatus, number>>>({});
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    const pages = await Promise.all(ORDER.map((status) => api.albums.review(albumId, status)));
    setItems(pages.flatMap((p) => p.tags));
    setCounts(pages[0].counts);
    setIndex(0);
    setLoading(false);
  }, [albumId]);
  useEffect(() => void load().catch((err: ApiError) => { setError(err.message); setLoading(false); }), [load]);
  const history = useChanges(albumId, load);

  const act = async (action: 'confirm' | 'delete' | 'correct', value?: string) => {
    const item = items[index];
    if (!item) return;
    setError(null);
    try {
      const result = action === 'correct'
        ? await api.photos.tag(item.photo.id, { action, tagId: item.id, value: value! })
        : await api.photos.tag(item.photo.id, { action, tagId: item.id });
      history.record(result.change);
      setItems((list) => list.filter((t) => t.id !== item.id));
      setCounts((c) => ({ ...c, [item.status]: Math.max(0, (c[item.status] ?? 1) - 1), confirmed: (c.confirmed ?? 0) + (action === 'delete' ? 0 : 1) }));
    } catch (err) {
      setError((err as ApiError).message);
    }
  };

  const item = items[Math.min(index, items.length - 1)];
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <section aria-label="Review queue">
        <p className="mb-3 text-sm text-slate-600">
          {counts.unsure ?? 0} unsure · {counts.sure ?? 0} to check · {counts.confirmed ?? 0} confirmed
        </p>
        {loading ? (
          <Spinner label="Loading the review queue…" />
        ) : !item ? (
          <EmptyState icon={Check} title="Nothing to review">
            {kind === 'events'
              ? 'Bib numbers read on the photos appear here, unsure ones first. Import the start list to make reads surer.'
              : 'Plates read on the photos appear here, unsure ones first.'}
          </EmptyState>
        ) : (
          <ReviewCard
            key={item.id}
            item={item}
            position={`${Math.min(index, items.length - 1) + 1} / ${items.length}`}
            error={error}
            onCorrect={(value) => act(value === item.value ? 'confirm' : 'correct', value)}
            onDelete={() => act('delete')}
            onNext={() => setIndex((i) => Math.min(i + 1, items.length - 1))}
            onPrevious={() => setIndex((i) => Math.max(i - 1, 0))}
            onUndo={history.undoLast}
            onPhotoChanged={(change) => {
              history.record(change);
              if (change.action === 'deleted') setItems((list) => list.filter((t) => t.id !== change.tagId));
            }}
          />
        )}
      </section>
      <div className="space-y-6">
        <RecentChanges changes={history.changes} busy={history.busy} error={history.error} onUndo={history.undo} />
        {kind === 'events' && <StartListImport albumId={albumId} onImported={load} />}
      </div>
    </div>
  );
}

type CardProps = {
  item: ReviewItem;
  position: string;
  error: string | null;
  onCorrect: (value: string) => void;
  onDelete: () => void;
  onNext: () => void;
  onPrevious: () => void;
  onUndo: () => void;
  onPhotoChanged: (change: TagChange) => void;
};

function ReviewCard({ item, position, error, onCorrect, onDelete, onNext, onPrevious, onUndo, onPhotoChanged }: CardProps) {
  const [value, setValue] = useState(item.value);
  const [photoTags, setPhotoTags] = useState<PhotoTagChip[]>([]);
  useEffect(() => void api.photos.tags(item.photo.id).then((r) => setPhotoTags(r.tags)).catch(() => undefined), [item.photo.id]);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') { e.preventDefault(); onCorrect(value.trim().toUpperCase()); }
    else if (e.key === 'Delete') { e.preventDefault(); onDelete(); }
    else if (e.key === 'ArrowRight' && value === item.value) { e.preventDefault(); onNext(); }
    else if (e.key === 'ArrowLeft' && value === item.value) { e.preventDefault(); onPrevious(); }
    else if (e.key === 'z' && (e.ctrlKey || e.metaKey) && value === item.value) { e.preventDefault(); onUndo(); }
  };
  const box = item.box;
  return (
    <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="relative mx-auto w-fit overflow-hidden rounded-lg">
        <img src={apiUrl(item.photo.web)} alt={`Read as ${item.kind} ${item.value}`} className="max-h-[60vh] rounded-lg" />
        {box && (
          <div
            aria-hidden
            className="absolute rounded border-[3px] border-amber-400 shadow-[0_0_0_9999px_rgba(15,23,42,0.35)]"
            style={{ left: `${box.x * 100}%`, top: `${box.y * 100}%`, width: `${box.w * 100}%`, height: `${box.h * 100}%` }}
          />
        )}
      </div>
      <div className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="read-value" className="block text-sm font-medium">{item.kind === 'plate' ? 'Plate' : 'Bib number'} <span className="text-slate-500">({item.status}, {position})</span></label>
          <input
            id="read-value"
            ref={input}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={onKeyDown}
            inputMode={item.kind === 'plate' ? 'text' : 'numeric'}
            className="mt-1 w-40 rounded-lg px-3 py-2 text-2xl font-bold tracking-wider ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-500"
          />
        </div>
        <Button icon={<Check className="size-4" aria-hidden />} onClick={() => onCorrect(value.trim().toUpperCase())}>
          {value === item.value ? 'Confirm' : 'Save correction'}
        </Button>
        <Button variant="secondary" icon={<Trash2 className="size-4" aria-hidden />} onClick={onDelete}>Not a {TAG_WORD[item.kind]}</Button>
        <Button variant="ghost" icon={<SkipForward className="size-4" aria-hidden />} onClick={onNext}>Skip</Button>
      </div>
      {error && <p role="alert" className="mt-2 text-sm text-red-700">{error}</p>}
      <p className="mt-3 text-xs text-slate-500">Keyboard: Enter confirms (or saves what you typed) · Delete: not a {TAG_WORD[item.kind]} · → skip · ← back · Ctrl+Z undo</p>
      <div className="mt-4 border-t border-slate-100 pt-3">
        <h3 className="mb-2 text-sm font-semibold">On this photo</h3>
        <PhotoTags photoId={item.photo.id} kind={item.kind} tags={photoTags} onChanged={(tags, change) => { setPhotoTags(tags); onPhotoChanged(change); }} />
      </div>
    </div>
  );
}

/** The album's recent changes and their undo; an undo puts reads back in the queue, so it reloads. */
function useChanges(albumId: string, reloadQueue: () => Promise<void>) {
  const [changes, setChanges] = useState<TagChange[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => api.albums.tagChanges(albumId).then((r) => setChanges(r.changes)), [albumId]);
  useEffect(() => void refresh().catch(() => undefined), [refresh]);
  const undo = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await api.photos.undoTagChange(id);
      await Promise.all([refresh(), reloadQueue()]);
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setBusy(null);
    }
  };
  const record = (change: TagChange) => setChanges((list) => [change, ...list].slice(0, 10));
  const undoLast = () => {
    const last = changes.find((c) => !c.undoneAt);
    if (last) void undo(last.id);
  };
  return { changes, busy, error, undo, undoLast, record };
}
