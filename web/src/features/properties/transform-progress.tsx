/** The run under way (a progress bar, done of total) and the in-app notices of what finished: ready, or failed and refunded. */
import { CircleAlert, CircleCheck, X } from 'lucide-react';
import { ProgressBar } from '../../components/progress-bar';
import { plural } from '../../lib/format';
import { type LiveTransformations, progressOf } from './use-transformations';
import { versionName } from './property-words';

export function TransformProgress({ live, nameOf }: { live: LiveTransformations; nameOf: (photoId: string) => string }) {
  const { total, finished } = progressOf(live.transformations);
  return (
    <div className="space-y-2">
      {total > 0 && (
        <div className="space-y-1 rounded-xl bg-white p-3 ring-1 ring-slate-200">
          <ProgressBar value={finished / total} label="Transformations progress" />
          <p className="text-sm text-slate-600" aria-live="polite">Transformations: {finished} of {total} done</p>
        </div>
      )}
      {live.finished.map((f) => (
        <div key={f.key} role="status" className="flex items-start gap-3 rounded-xl bg-white p-3 text-sm ring-1 ring-slate-200">
          <div className="flex-1 space-y-1">
            {f.done.length > 0 && (
              <p className="flex items-center gap-2 text-emerald-800">
                <CircleCheck className="size-4 shrink-0" aria-hidden />
                {f.done.length === 1 ? `${versionName(f.done[0]!)} of ${nameOf(f.done[0]!.photoId)} is ready.` : `${plural(f.done.length, 'transformation')} ready.`} Open a photo to compare and use it.
              </p>
            )}
            {f.failed.map((t) => (
              <p key={t.id} className="flex items-center gap-2 text-red-700">
                <CircleAlert className="size-4 shrink-0" aria-hidden />
                {versionName(t)} of {nameOf(t.photoId)} failed{t.reason ? ` (${t.reason})` : ''}: its {plural(t.credits, 'credit')} {t.credits === 1 ? 'was' : 'were'} refunded.
              </p>
            ))}
          </div>
          <button type="button" aria-label="Dismiss" onClick={() => live.dismiss(f.key)} className="text-slate-500 hover:text-slate-800"><X className="size-4" aria-hidden /></button>
        </div>
      ))}
    </div>
  );
}
