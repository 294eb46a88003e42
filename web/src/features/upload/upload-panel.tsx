import { Ban, CheckCircle2, CircleAlert, FolderUp, ImageUp, RotateCcw, X } from 'lucide-react';
import { type DragEvent, useRef, useState } from 'react';
import { Button } from '../../components/button';
import { ProgressBar } from '../../components/progress-bar';
import { formatBytes, formatDuration, formatSpeed, plural } from '../../lib/format';
import { unfinishedInAlbum } from './resume-store';
import type { FileRow, UploadSummary } from './use-uploader';
import { addFiles, clearUploads, type Uploader } from './uploader';

/** Rows listed at once: thousands of files would only slow the page; the totals tell the rest. */
const MAX_ROWS = 60;
const ACCEPT = 'image/jpeg,image/png,image/webp';

/** Drop zone, file and folder pickers, overall and per-file progress, retry and cancel. */
export function UploadPanel({ albumId, uppy, summary }: { albumId: string; uppy: Uploader; summary: UploadSummary }) {
  const [refused, setRefused] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const unfinished = unfinishedInAlbum(albumId).filter((u) => !summary.rows.some((r) => r.name === u.name && r.size === u.size));

  const add = async (files: FileList | File[]) => setRefused(await addFiles(uppy, files));
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void add(e.dataTransfer.files);
  };

  return (
    <section aria-labelledby="upload-title" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="upload-title" className="sr-only">Upload photos</h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the file and folder pickers inside are the keyboard path */}
      <div
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center gap-3 rounded-xl border-2 border-dashed px-4 py-8 text-center transition ${dragging ? 'border-brand-500 bg-brand-50' : 'border-slate-300'}`}
      >
        <ImageUp className="size-9 text-slate-400" aria-hidden />
        <p className="text-sm text-slate-600">
          Drop photos or a folder here — JPEG, PNG or WebP up to {formatBytes(100 * 1024 * 1024)} each
        </p>
        <div className="flex flex-wrap justify-center gap-2">
          <FilePicker label="Choose photos" icon={<ImageUp className="size-4" aria-hidden />} onFiles={(files) => void add(files)} />
          <FilePicker label="Choose a folder" icon={<FolderUp className="size-4" aria-hidden />} onFiles={(files) => void add(files)} folder />
        </div>
      </div>
      {unfinished.length > 0 && (
        <p className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {plural(unfinished.length, 'upload')} stopped before finishing ({unfinished.slice(0, 3).map((u) => u.name).join(', ')}
          {unfinished.length > 3 ? '…' : ''}). Choose the same files again: they continue where they stopped.
        </p>
      )}
      {refused.length > 0 && (
        <div role="alert" className="mt-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          <p className="font-medium">{plural(refused.length, 'file')} not added:</p>
          <ul className="mt-1 list-inside list-disc">
            {refused.slice(0, 10).map((r) => <li key={r}>{r}</li>)}
          </ul>
        </div>
      )}
      {summary.total > 0 && <UploadProgress uppy={uppy} summary={summary} />}
    </section>
  );
}

function FilePicker({ label, icon, onFiles, folder }: { label: string; icon: React.ReactNode; onFiles: (files: FileList) => void; folder?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const folderProps = folder ? ({ webkitdirectory: '', directory: '' } as Record<string, string>) : {};
  return (
    <>
      <Button variant={folder ? 'secondary' : 'primary'} icon={icon} onClick={() => input.current?.click()}>{label}</Button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        aria-label={label}
        className="sr-only"
        tabIndex={-1}
        onChange={(e) => {
          if (e.target.files) onFiles(e.target.files);
          e.target.value = '';
        }}
        {...folderProps}
      />
    </>
  );
}

/** "13 photos: 11 uploaded, 2 rejected" once the batch is over; "Uploading 4 of 13 photos · 40%" before. */
function headline(summary: UploadSummary, fraction: number): string {
  const { total, done, failed, rejected } = summary;
  if (summary.active) return `Uploading ${done} of ${plural(total, 'photo')} · ${Math.floor(fraction * 100)}%${rejected ? ` · ${rejected} rejected` : ''}`;
  return `${plural(total, 'photo')}: ${done} uploaded${rejected ? `, ${rejected} rejected` : ''}${failed ? `, ${failed} failed` : ''}`;
}

function UploadProgress({ uppy, summary }: { uppy: Uploader; summary: UploadSummary }) {
  // Only rejected files: nothing was sent, nothing is missing.
  const fraction = summary.bytesTotal ? summary.bytesSent / summary.bytesTotal : summary.active ? 0 : 1;
  const finished = !summary.active;
  const shown = [...summary.rows.filter((r) => r.phase !== 'done'), ...summary.rows.filter((r) => r.phase === 'done')].slice(0, MAX_ROWS);
  return (
    <div className="mt-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <p className="font-medium" aria-live="polite">
          {headline(summary, fraction)}
        </p>
        {!finished && (
          <p className="text-slate-600">
            {formatBytes(summary.bytesSent)} of {formatBytes(summary.bytesTotal)} · {formatSpeed(summary.speed)} · {formatDuration(summary.secondsLeft)} left
          </p>
        )}
      </div>
      {summary.offline && (
        <p role="status" className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          You are offline. Uploads pause and continue by themselves when the connection is back.
        </p>
      )}
      <ProgressBar className="mt-2" value={fraction} label="Overall upload progress" tone={finished ? (summary.failed ? 'red' : 'green') : 'brand'} />
      <div className="mt-3 flex flex-wrap gap-2">
        {summary.failed > 0 && (
          <Button variant="secondary" icon={<RotateCcw className="size-4" aria-hidden />} onClick={() => void uppy.retryAll()}>
            Retry failed
          </Button>
        )}
        {summary.active ? (
          <Button variant="secondary" icon={<X className="size-4" aria-hidden />} onClick={() => uppy.cancelAll()}>Cancel uploads</Button>
        ) : (
          <Button variant="ghost" onClick={() => clearUploads(uppy)}>Clear list</Button>
        )}
      </div>
      <ul className="mt-4 max-h-80 divide-y divide-slate-100 overflow-y-auto" aria-label="Files">
        {shown.map((row) => <FileLine key={row.id} row={row} onRemove={() => uppy.removeFile(row.id)} />)}
      </ul>
      {summary.total > shown.length && <p className="mt-2 text-xs text-slate-500">and {plural(summary.total - shown.length, 'more file')}</p>}
    </div>
  );
}

const FINAL_PHASES: FileRow['phase'][] = ['done', 'failed', 'rejected'];

function PhaseIcon({ phase }: { phase: FileRow['phase'] }) {
  if (phase === 'done') return <CheckCircle2 className="size-4 shrink-0 text-emerald-600" aria-label="Uploaded" />;
  if (phase === 'failed') return <CircleAlert className="size-4 shrink-0 text-red-600" aria-label="Failed" />;
  if (phase === 'rejected') return <Ban className="size-4 shrink-0 text-red-600" aria-label="Rejected" />;
  return <span className="size-4 shrink-0" />;
}

/** A file's row: its final state once settled (never a progress bar), its progress before. */
function FileLine({ row, onRemove }: { row: FileRow; onRemove: () => void }) {
  const settled = FINAL_PHASES.includes(row.phase);
  return (
    <li className="flex items-center gap-3 py-2 text-sm">
      <PhaseIcon phase={row.phase} />
      <div className="min-w-0 flex-1">
        <p className="truncate">{row.name} <span className="text-slate-500">· {formatBytes(row.size)}</span></p>
        {row.error ? (
          <p className="text-xs text-red-700">{row.error}</p>
        ) : !settled ? (
          <ProgressBar className="mt-1" value={row.fraction} label={`Upload of ${row.name}`} />
        ) : null}
      </div>
      {row.phase !== 'done' && row.phase !== 'rejected' && (
        <button type="button" onClick={onRemove} className="rounded p-1 text-slate-500 hover:bg-slate-100" aria-label={`Cancel ${row.name}`}>
          <X className="size-4" aria-hidden />
        </button>
      )}
    </li>
  );
}
