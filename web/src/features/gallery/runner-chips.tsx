import { UserRound } from 'lucide-react';
import type { Runner } from './use-gallery-photos';

/**
 * Who a name search found on the start list. Each chip narrows the search to that runner's bib,
 * for when "Martin" matched half the field.
 */
export function RunnerChips({ runners, onPick }: { runners: Runner[]; onPick: (bib: string) => void }) {
  if (!runners.length) return null;
  return (
    <section aria-labelledby="runners-matched" className="mt-3">
      <h2 id="runners-matched" className="text-sm font-medium text-slate-700">
        {runners.length === 1 ? '1 runner matched' : `${runners.length} runners matched`}
      </h2>
      <ul className="mt-1.5 flex flex-wrap gap-2">
        {runners.map((runner) => (
          <li key={runner.bib}>
            <button
              type="button"
              onClick={() => onPick(runner.bib)}
              aria-label={`Show only bib ${runner.bib}, ${runner.name}`}
              className="inline-flex min-h-10 items-center gap-1.5 rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-700 ring-1 ring-brand-100 hover:bg-brand-100"
            >
              <UserRound className="size-4" aria-hidden />
              <span className="font-medium">{runner.name}</span>
              <span className="tabular-nums">#{runner.bib}</span>
              {runner.category && <span className="text-brand-700/80">· {runner.category}</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
