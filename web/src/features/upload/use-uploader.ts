import { useEffect, useMemo, useRef, useState } from 'react';
import { createUploader, rejectedFiles, type UploadFile, type Uploader } from './uploader';

/** `failed` can be retried (network, server busy); `rejected` is final (empty, not a photo, refused by the API). */
export type FileRow = {
  id: string;
  name: string;
  size: number;
  fraction: number;
  phase: 'waiting' | 'uploading' | 'finishing' | 'done' | 'failed' | 'rejected';
  error?: string;
};
export type UploadSummary = {
  rows: FileRow[];
  total: number;
  done: number;
  failed: number;
  rejected: number;
  /** Bytes of the files being or to be sent (rejected ones are not). */
  bytesTotal: number;
  bytesSent: number;
  /** Bytes per second over the last few seconds. */
  speed: number;
  secondsLeft: number;
  active: boolean;
  /** The browser says it has no network: uploads wait and retry when it is back. */
  offline: boolean;
};

const SPEED_WINDOW_MS = 5000;

function phaseOf(file: UploadFile): FileRow['phase'] {
  if (file.error) return 'failed';
  if (file.progress.postprocess) return 'finishing';
  if (file.progress.uploadComplete) return 'done';
  if (file.progress.uploadStarted) return 'uploading';
  return 'waiting';
}

/** One Uppy per album screen, and a summary of it that re-renders at most ~4 times a second. */
export function useUploader(albumId: string): { uppy: Uploader; summary: UploadSummary } {
  const uppy = useMemo(() => createUploader(albumId), [albumId]);
  useEffect(() => () => uppy.destroy(), [uppy]);
  const samples = useRef<{ at: number; bytes: number }[]>([]);
  const [summary, setSummary] = useState<UploadSummary>(() => summarise(uppy, samples.current));
  useEffect(() => {
    let scheduled = 0;
    const update = () => {
      scheduled = 0;
      setSummary(summarise(uppy, samples.current));
    };
    const onChange = () => {
      if (!scheduled) scheduled = window.setTimeout(update, 250);
    };
    uppy.on('state-update', onChange);
    window.addEventListener('online', onChange);
    window.addEventListener('offline', onChange);
    return () => {
      uppy.off('state-update', onChange);
      window.removeEventListener('online', onChange);
      window.removeEventListener('offline', onChange);
      clearTimeout(scheduled);
    };
  }, [uppy]);
  return { uppy, summary };
}

function summarise(uppy: Uploader, samples: { at: number; bytes: number }[]): UploadSummary {
  const rejected = rejectedFiles(uppy);
  // A file refused a moment ago is still in Uppy until its handlers are done with it.
  const files = uppy.getFiles().filter((f) => !rejected.some((r) => r.id === f.id));
  const sending: FileRow[] = files.map((f) => ({
    id: f.id,
    name: f.name ?? 'photo',
    size: f.size ?? 0,
    fraction: f.progress.uploadComplete ? 1 : (f.progress.bytesUploaded || 0) / (f.size || 1),
    phase: phaseOf(f),
    error: f.error ?? undefined,
  }));
  const rows = [...sending, ...rejected.map((r): FileRow => ({ ...r, fraction: 0, phase: 'rejected', error: r.reason }))];
  const bytesTotal = sending.reduce((n, r) => n + r.size, 0);
  const bytesSent = sending.reduce((n, r) => n + r.size * r.fraction, 0);
  const now = performance.now();
  samples.push({ at: now, bytes: bytesSent });
  while (samples.length > 2 && now - samples[0].at > SPEED_WINDOW_MS) samples.shift();
  const first = samples[0];
  // Never below zero: a retried or removed file takes its bytes back.
  const speed = now - first.at > 500 ? Math.max(0, ((bytesSent - first.bytes) * 1000) / (now - first.at)) : 0;
  const done = rows.filter((r) => r.phase === 'done').length;
  const failed = rows.filter((r) => r.phase === 'failed').length;
  return {
    rows,
    total: rows.length,
    done,
    failed,
    rejected: rejected.length,
    bytesTotal,
    bytesSent,
    speed,
    secondsLeft: speed > 0 ? (bytesTotal - bytesSent) / speed : Number.POSITIVE_INFINITY,
    active: rows.some((r) => r.phase === 'waiting' || r.phase === 'uploading' || r.phase === 'finishing'),
    offline: !navigator.onLine,
  };
}
