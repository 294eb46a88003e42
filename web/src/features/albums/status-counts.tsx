import { useState } from 'react';
import type { PhotoStatus } from '../../../../workers/shared/enums';
import type { Photo, PhotoCounts } from '../../api/types';
import { ProgressBar } from '../../components/progress-bar';
import { plural } from '../../lib/format';

const SHOWN: { status: PhotoStatus; label: string; colour: string }[] = [
  { status: 'uploaded', label: 'Waiting', colour: 'bg-slate-400' },
  { status: 'processing', label: 'Processing', colour: 'bg-amber-500' },
  { status: 'ready', label: 'Ready', colour: 'bg-emerald-500' },
  { status: 'rejected', label: 'Rejected', colour: 'bg-orange-500' },
  { status: 'failed', label: 'Failed', colour: 'bg-red-600' },
];

/**
 * On a trade's photos tab the processing card is news while photos upload, process or get read,
 * or when some did not make it (the album screen shows it always).
 */
export const countsAreNews = (counts: PhotoCounts | undefined, uploading: boolean) =>
  uploading || Boolean(counts && (['uploaded', 'processing', 'reading', 'rejected', 'failed'] as const).some((s) => (counts[s] ?? 0) > 0));

/** Live counts by pipeline status, a processing bar, and why photos were rejected or failed. */
export function StatusCounts({ counts, photos }: { counts: PhotoCounts; photos: Photo[] }) {
  const [showProblems, setShowProblems] = useState(false);
  const total = SHOWN.reduce((n, s) => n + (counts[s.status] ?? 0), 0);
  if (total === 0) return null;
  const settled = (counts.ready ?? 0) + (counts.rejected ?? 0) + (counts.failed ?? 0);
  const problems = photos.filter((p) => p.status === 'rejected' || p.status === 'failed');
  return (
    <section aria-label="Processing status" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {SHOWN.map((s) => (
          <div key={s.status} className="rounded-lg bg-slate-50 px-3 py-2" data-status={s.status}>
            <dt className="flex items-center gap-2 text-xs text-slate-600">
              <span className={`size-2 rounded-full ${s.colour}`} aria-hidden /> {s.label}
            </dt>
            <dd className="text-xl font-semibold tabular-nums">{counts[s.status] ?? 0}</dd>
          </div>
        ))}
      </dl>
      <ProgressBar className="mt-4" value={settled / total} label="Processing progress" tone={settled === total ? 'green' : 'brand'} />
      <p className="mt-2 text-sm text-slate-600" aria-live="polite">
        {settled === total ? `Done: ${plural(total, 'photo')} processed` : `${settled} of ${plural(total, 'photo')} processed`}
      </p>
      {problems.length > 0 && (
        <div className="mt-3">
          <button type="button" className="text-sm font-medium text-red-700 underline" onClick={() => setShowProblems((v) => !v)} aria-expanded={showProblems}>
            {showProblems ? 'Hide' : 'Show'} why {problems.length} photo{problems.length === 1 ? '' : 's'} did not make it
          </button>
          {showProblems && (
            <ul className="mt-2 space-y-1 text-sm">
              {problems.map((p) => (
                <li key={p.id}>
                  <span className="font-medium">{p.name}</span>: {p.error?.message ?? p.error?.code ?? p.status}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
