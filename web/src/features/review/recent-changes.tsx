import { History, Undo2 } from 'lucide-react';
import type { TagChangeAction } from '../../../../workers/shared/enums';
import type { TagChange } from '../../api/types';
import { Button } from '../../components/button';
import { TAG_WORD } from './photo-tags';

const VERB: Record<TagChangeAction, string> = { confirmed: 'Confirmed', corrected: 'Corrected', deleted: 'Rejected', added: 'Added' };

const describe = (c: TagChange) =>
  `${VERB[c.action]} ${TAG_WORD[c.kind]} ${c.action === 'corrected' ? `${c.previousValue} → ${c.value}` : c.value}`;

/** The album's latest changes, newest first (from the API, so a reload keeps them), each undoable once. */
export function RecentChanges({ changes, busy, error, onUndo }: { changes: TagChange[]; busy: string | null; error: string | null; onUndo: (id: string) => void }) {
  if (!changes.length) return null;
  return (
    <section aria-labelledby="recent-changes-title" className="h-fit rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="recent-changes-title" className="flex items-center gap-2 font-semibold"><History className="size-5" aria-hidden /> Recent changes</h2>
      <ul className="mt-2 divide-y divide-slate-100 text-sm">
        {changes.map((c) => (
          <li key={c.id} className="flex items-center justify-between gap-2 py-1.5">
            <span className={c.undoneAt ? 'text-slate-500 line-through' : ''}>{describe(c)}</span>
            {c.undoneAt ? (
              <span className="text-xs text-slate-500">undone</span>
            ) : (
              <Button variant="ghost" className="min-h-8 px-2 py-1" busy={busy === c.id} onClick={() => onUndo(c.id)} aria-label={`Undo: ${describe(c)}`} icon={<Undo2 className="size-4" aria-hidden />}>
                Undo
              </Button>
            )}
          </li>
        ))}
      </ul>
      {error && <p role="alert" className="mt-2 text-sm text-red-700">{error}</p>}
    </section>
  );
}
