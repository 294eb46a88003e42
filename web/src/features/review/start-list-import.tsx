import { Download, FileSpreadsheet } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { api, type ApiError } from '../../api/client';
import type { StartListImport as ImportResult, StartListInfo } from '../../api/types';
import { Button } from '../../components/button';
import { formatDateTime, plural } from '../../lib/format';
import { saveFile } from '../../lib/save-file';

const PREVIEW_ROWS = 5;

/** Start list CSV (bib, name, category): a preview of the first rows, then the import's row errors. */
export function StartListImport({ albumId, onImported }: { albumId: string; onImported: () => void }) {
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [info, setInfo] = useState<StartListInfo | null>(null);
  const refresh = useCallback(() => api.albums.startList(albumId).then(setInfo), [albumId]);
  useEffect(() => void refresh().catch(() => undefined), [refresh]);
  const preview = csv?.text.split(/\r?\n/).filter(Boolean).slice(0, PREVIEW_ROWS).map((line) => line.split(/[,;\t]/));

  const submit = async () => {
    if (!csv) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api.albums.importStartList(albumId, csv.text));
      setCsv(null);
      onImported();
      await refresh();
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="start-list-title" className="h-fit rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="start-list-title" className="flex items-center gap-2 font-semibold"><FileSpreadsheet className="size-5" aria-hidden /> Start list</h2>
      <p className="mt-1 text-sm text-slate-600">A CSV with bib, name and category lets runners search by name, and makes bib reads surer.</p>
      {info && info.runners > 0 && <CurrentList albumId={albumId} info={info} onError={setError} />}
      <label className="mt-3 block text-sm font-medium" htmlFor="start-list-file">{info?.runners ? 'Replace it with a new CSV file' : 'CSV file'}</label>
      <input
        id="start-list-file"
        type="file"
        accept=".csv,text/csv,text/plain"
        className="mt-1 block w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          setResult(null);
          setCsv(file ? { name: file.name, text: await file.text() } : null);
        }}
      />
      {preview && (
        <>
          <table className="mt-3 w-full text-left text-xs">
            <caption className="mb-1 text-left text-slate-500">First rows of {csv!.name}</caption>
            <tbody>
              {preview.map((cells, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed preview of the file's first rows: the position is the row
                <tr key={i} className="border-t border-slate-100">{cells.map((c, j) => <td key={j} className="py-1 pr-2">{c}</td>)}</tr>
              ))}
            </tbody>
          </table>
          <Button className="mt-3 w-full" busy={busy} onClick={submit}>{info?.runners ? 'Replace start list' : 'Import start list'}</Button>
        </>
      )}
      {error && <p role="alert" className="mt-3 text-sm text-red-700">{error}</p>}
      {result && (
        <div role="status" className="mt-3 text-sm">
          <p className="font-medium text-emerald-700">{result.imported} runners imported from {result.lines} lines</p>
          {result.errorCount > 0 && (
            <ul className="mt-2 space-y-1 text-red-700">
              {result.errors.slice(0, 20).map((e) => <li key={e.line}>Line {e.line}: {e.message}</li>)}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/** What the album's start list holds now, and the file itself to download. */
function CurrentList({ albumId, info, onError }: { albumId: string; info: StartListInfo; onError: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      saveFile(await api.albums.startListCsv(albumId), 'start-list.csv');
    } catch (err) {
      onError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div role="status" aria-label="Current start list" className="mt-3 rounded-lg bg-slate-50 p-3 text-sm">
      <p className="font-medium">{plural(info.runners, 'runner')} on the start list</p>
      {info.importedAt && <p className="text-slate-600">Imported {formatDateTime(info.importedAt)}</p>}
      <Button variant="secondary" className="mt-2" busy={busy} onClick={download} icon={<Download className="size-4" aria-hidden />}>Download CSV</Button>
    </div>
  );
}
