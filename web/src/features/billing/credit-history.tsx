import { useState } from 'react';
import type { PaidWork } from '../../../../workers/shared/billing/catalogue';
import type { LedgerReason, WorkspaceKind } from '../../../../workers/shared/enums';
import { api, type ApiError } from '../../api/client';
import type { CreditHistoryEntry } from '../../api/types';
import { Button } from '../../components/button';
import { Spinner } from '../../components/spinner';
import { formatDateTime, formatTime, plural } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useWorkspaceKind } from '../shell/pro-shell';
import { readingLabel } from '../shell/trade-words';

/** Keyed by the Worker's enum, so a new reason cannot go unlabelled (`commit` rows never reach the history). */
const REASONS: Record<LedgerReason, string> = {
  starter: 'Welcome credits',
  purchase: 'Credit pack bought',
  subscription: 'Monthly plan',
  adjustment: 'Adjustment',
  reserve: 'AI work',
  commit: 'AI work done',
  refund: 'Refunded (work failed)',
};

const WORK: Record<PaidWork, (count: number, kind: WorkspaceKind) => string> = {
  recognition: (n, kind) => readingLabel(kind, plural(n, 'photo')),
  plate: (n) => `Reading ${plural(n, 'plate')} on request`,
  cutout: (n) => `Cutting out ${plural(n, 'photo')}`,
  studio: (n) => `Studio backdrop on ${plural(n, 'photo')}`,
  enhance: (n) => `Enhancing ${plural(n, 'photo')}`,
  sky: (n) => `Blue sky on ${plural(n, 'photo')}`,
  declutter: (n) => `Decluttering ${plural(n, 'photo')}`,
  stage: (n) => `Virtual staging of ${plural(n, 'photo')}`,
  twilight: (n) => `Twilight on ${plural(n, 'photo')}`,
};

/** What an entry was, with its count when several same-day changes were grouped. */
function label({ reason, work, count }: CreditHistoryEntry, kind: WorkspaceKind) {
  const base = REASONS[reason] ?? reason;
  if (reason === 'reserve' && work) return WORK[work](count, kind);
  if (reason === 'refund' && work) return `${base}: ${WORK[work](count, kind).toLowerCase()}`;
  return count > 1 ? `${base} ×${count}` : base;
}

/** One moment, or the span of a group (`2 Dec 2026, 09:10–11:45`). */
function when({ createdAt, firstAt }: CreditHistoryEntry) {
  const newest = formatTime(createdAt);
  return formatTime(firstAt) === newest ? formatDateTime(createdAt) : `${formatDateTime(firstAt)}–${newest}`;
}

/** The credit history, newest first, in pages: each balance follows from the row below it. */
export function CreditHistory() {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const kind = useWorkspaceKind();
  const first = useResource(() => api.billing.history(timeZone), [timeZone]);
  const [older, setOlder] = useState<{ entries: CreditHistoryEntry[]; nextCursor: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!first.data) return first.error ? <p role="alert" className="text-sm text-red-700">{first.error.message}</p> : <Spinner label="Loading the history…" />;
  const entries = [...first.data.entries, ...(older?.entries ?? [])];
  const cursor = older ? older.nextCursor : first.data.nextCursor;
  const more = async () => {
    setBusy(true);
    setError(null);
    try {
      const page = await api.billing.history(timeZone, cursor);
      setOlder((o) => ({ entries: [...(o?.entries ?? []), ...page.entries], nextCursor: page.nextCursor }));
    } catch (err) {
      setError((err as ApiError).message);
    }
    setBusy(false);
  };
  return (
    <>
      <table className="w-full text-left text-sm">
        <thead className="text-slate-600"><tr><th className="py-1">When</th><th>What</th><th className="text-right">Change</th><th className="text-right">Balance</th></tr></thead>
        <tbody>
          {entries.map((row) => (
            <tr key={row.id} className="border-t border-slate-100">
              <td className="py-2 pr-2">{when(row)}</td>
              <td className="pr-2">{label(row, kind)}</td>
              <td className={`text-right tabular-nums ${row.delta < 0 ? 'text-slate-700' : 'text-emerald-700'}`}>{row.delta > 0 ? `+${row.delta}` : row.delta}</td>
              <td className="text-right tabular-nums">{row.balanceAfter}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cursor && <Button variant="secondary" className="mt-3" busy={busy} onClick={more}>Show older</Button>}
      {error && <p role="alert" className="mt-2 text-sm text-red-700">{error}</p>}
    </>
  );
}
