import { Download, FileArchive } from 'lucide-react';
import type { DataExportView } from '../../../../workers/modules/privacy/views';
import { api } from '../../api/client';
import { Button, buttonClass } from '../../components/button';
import { Spinner } from '../../components/spinner';
import { formatBytes, formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { usePoll } from '../../lib/use-poll';
import { useResource } from '../../lib/use-resource';

const working = (e: DataExportView) => e.status === 'queued' || e.status === 'running';

/** One export in words: what it holds, until when its link works, or why there is none. */
function describe(e: DataExportView): string {
  if (working(e)) return 'Being prepared… you will also get an email with the link.';
  if (e.status === 'failed') return `It could not be made${e.error ? `: ${e.error}` : ''}. Ask for a new one.`;
  if (e.status === 'expired' || !e.downloadUrl) return 'Its link has expired and the file is deleted.';
  return `${e.files ?? 0} files · ${formatBytes(e.bytes ?? 0)} · the link works until ${formatDateTime(e.expiresAt!)}`;
}

/** GDPR access: a ZIP of everything the account holds, made in the background and emailed as a link. */
export function DataExportSection() {
  const exports = useResource(() => api.account.exports(), []);
  const list = exports.data?.exports ?? [];
  usePoll(list.some(working), exports.reload);
  const { busy, error, notice, run } = useAction<'export'>(exports.reload);
  const ask = () => run('export', async () => {
    await api.account.exportData();
    return 'Your export is being prepared: it appears below, and the link is emailed to you when it is ready.';
  });
  return (
    <div className="space-y-3">
      <p className="text-slate-700">
        A ZIP file with your profile, your workspaces and, for those you own, albums, photos' details and originals, tags, orders, invoices, credits and the audit log.
      </p>
      {(error ?? exports.error) && <p role="alert" className="text-red-700">{(error ?? exports.error)!.message}</p>}
      {notice && list.some(working) && <p role="status" className="text-emerald-800">{notice}</p>}
      <Button variant="secondary" busy={busy === 'export'} disabled={list.some(working)} icon={<FileArchive className="size-4" aria-hidden />} onClick={ask}>
        Export my data
      </Button>
      {exports.loading && !exports.data ? (
        <Spinner label="Loading your exports…" />
      ) : (
        list.length > 0 && (
          <ul aria-label="Your exports" className="divide-y divide-slate-100 rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
            {list.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <p className="font-medium">Export of {formatDateTime(e.createdAt)}</p>
                  <p className="text-sm text-slate-600">{describe(e)}</p>
                </div>
                {working(e) && <Spinner label="Preparing" />}
                {e.status === 'done' && e.downloadUrl && (
                  <a href={e.downloadUrl} className={buttonClass()}>
                    <Download className="size-4" aria-hidden /> Download
                  </a>
                )}
              </li>
            ))}
          </ul>
        )
      )}
    </div>
  );
}
