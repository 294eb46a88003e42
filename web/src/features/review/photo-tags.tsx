import { Plus, X } from 'lucide-react';
import { useState } from 'react';
import type { TagKind } from '../../../../workers/shared/enums';
import { api, type ApiError } from '../../api/client';
import type { PhotoTagChip, TagChange } from '../../api/types';
import { Button } from '../../components/button';

export const TAG_WORD: Record<TagKind, string> = { bib: 'bib', plate: 'plate' };

type Props = {
  photoId: string;
  kind: TagKind;
  tags: PhotoTagChip[];
  onChanged: (tags: PhotoTagChip[], change: TagChange) => void;
};

/**
 * A photo's bibs (or plates): each can be removed and one more added. Every change goes through
 * the tags API, so it lands in the review screen's history and can be undone there.
 */
export function PhotoTags({ photoId, kind, tags, onChanged }: Props) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const word = TAG_WORD[kind];
  const run = async (action: Parameters<typeof api.photos.tag>[1]) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.photos.tag(photoId, action);
      onChanged(result.tags, result.change);
      return true;
    } catch (err) {
      setError((err as ApiError).message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    const typed = value;
    // Cleared only if unchanged: what was typed while the request ran stays.
    if (await run({ action: 'add', kind, value: typed })) setValue((now) => (now === typed ? '' : now));
  };
  const shown = tags.filter((t) => t.kind === kind);
  return (
    <div>
      <ul aria-label={`${word}s on this photo`} className="flex flex-wrap gap-2">
        {shown.length === 0 && <li className="text-sm text-slate-500">No {word} on this photo yet.</li>}
        {shown.map((t) => (
          <li key={t.id} className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-1 pr-1 pl-3 text-sm font-semibold">
            {t.value}
            {t.status !== 'confirmed' && <span className="font-normal text-slate-600">({t.status})</span>}
            <button type="button" disabled={busy} aria-label={`Remove ${word} ${t.value}`} onClick={() => run({ action: 'delete', tagId: t.id })} className="rounded-full p-1 hover:bg-slate-200">
              <X className="size-3.5" aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="mt-2 flex items-end gap-2">
        <label className="text-sm font-medium">
          Add a {word}
          <input value={value} onChange={(e) => setValue(e.target.value)} className="mt-1 block w-32 rounded-lg px-3 py-2 ring-1 ring-slate-300" />
        </label>
        <Button type="submit" variant="secondary" busy={busy} disabled={!value.trim()} icon={<Plus className="size-4" aria-hidden />}>Add</Button>
      </form>
      {error && <p role="alert" className="mt-2 text-sm text-red-700">{error}</p>}
    </div>
  );
}
