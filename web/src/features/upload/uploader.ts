/**
 * Bulk upload on Uppy (core + aws-s3, headless: the UI is ours). Uppy brings the queue, the
 * concurrency limit, per-file and per-part retries with backoff, progress and cancel; this file
 * plugs it into Vitrine's upload API: each file is registered with the album (which answers
 * signed URLs straight to storage), bytes go to those URLs, and `complete` hands the photo to the
 * pipeline. Files >= 16 MB go multipart (8 MB parts, each retried on its own) and can resume
 * after a reload (resume-store.ts). A file refused for good (by our checks or the API) leaves Uppy
 * for the `rejected` list, so no retry sends it again.
 */
import AwsS3 from '@uppy/aws-s3';
import Uppy, { type UppyFile } from '@uppy/core';
import { MULTIPART_THRESHOLD, PART_SIZE } from '../../../../workers/shared/constants';
import { api } from '../../api/client';
import type { UploadInstructions } from '../../api/types';
import { inspectFile, isFinalRefusal, reasonOf } from './file-checks';
import { fingerprint, findUnfinished, forgetUnfinished, rememberUnfinished } from './resume-store';

type Meta = Record<string, never>;
type Body = Record<string, unknown>;
export type UploadFile = UppyFile<Meta, Body>;
export type Uploader = Uppy<Meta, Body>;
/** A file that will not be uploaded, and why (a sentence). */
export type RejectedFile = { id: string; name: string; size: number; reason: string };

/** A few uploads at once: enough to fill a link, few enough to keep each one moving. */
const PARALLEL_UPLOADS = 4;
/** Backoff for a failed request (register, part, complete); then `back-online` retries the rest. */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000];

const asUploadFile = (file: UploadFile) => ({ name: file.name ?? 'photo', size: file.size ?? 0, type: file.type || 'application/octet-stream' });
const lastModified = (file: UploadFile) => (file.data instanceof File ? file.data.lastModified : 0);
const printOf = (albumId: string, file: UploadFile) => fingerprint(albumId, { name: file.name ?? '', size: file.size ?? 0, lastModified: lastModified(file) });

export function createUploader(albumId: string): Uploader {
  /** What the API answered per Uppy file: the photo id, and signed part URLs not used yet. */
  const photoOf = new Map<string, string>();
  const signedParts = new Map<string, Map<number, { url: string; headers: Record<string, string> }>>();
  /** Files whose photo is settled server-side (uploaded, or rejected there): never deleted on removal. */
  const completed = new Set<string>();

  const register = async (file: UploadFile): Promise<UploadInstructions> => {
    // A retry after a failed `complete` starts over: the photo it left pending goes.
    const stale = photoOf.get(file.id);
    if (stale && !completed.has(file.id)) void api.photos.remove(stale).catch(() => undefined);
    const { uploads } = await api.albums.createUploads(albumId, [asUploadFile(file)]);
    photoOf.set(file.id, uploads[0].photoId);
    return uploads[0];
  };

  const uppy: Uploader = new Uppy<Meta, Body>({
    autoProceed: true,
    // Types and sizes are checked before adding (file-checks.ts), so a refused file gets a row.
    // Dropping the same file twice is a mistake, not a second photo.
    onBeforeFileAdded: (file, files) => !Object.values(files).some((f) => f.name === file.name && f.size === file.size),
  });

  uppy.use(AwsS3<Meta, Body>, {
    limit: PARALLEL_UPLOADS,
    retryDelays: RETRY_DELAYS,
    shouldUseMultipart: (file) => (file.size ?? 0) >= MULTIPART_THRESHOLD,
    getChunkSize: () => PART_SIZE,
    async getUploadParameters(file) {
      const upload = await register(file);
      if ('multipart' in upload) throw new Error(`${file.name ?? 'This file'}: the server asked for a multipart upload`);
      return { method: 'PUT', url: upload.url, headers: upload.headers };
    },
    async createMultipartUpload(file) {
      const upload = await register(file);
      if (!('multipart' in upload)) throw new Error(`${file.name ?? 'This file'}: the server asked for a single upload`);
      const { multipart } = upload;
      signedParts.set(upload.photoId, new Map(multipart.parts.map((p) => [p.partNumber, { url: p.url, headers: p.headers }])));
      rememberUnfinished(printOf(albumId, file), { photoId: upload.photoId, uploadId: multipart.uploadId, albumId, name: file.name ?? '', size: file.size ?? 0 });
      return { uploadId: multipart.uploadId, key: upload.photoId };
    },
    async signPart(_file, { key: photoId, partNumber }) {
      const cached = signedParts.get(photoId)?.get(partNumber);
      // A URL is used once: a retried part (or a resumed upload) asks for a fresh one.
      signedParts.get(photoId)?.delete(partNumber);
      if (cached) return { method: 'PUT', ...cached };
      const { upload } = await api.photos.renewUpload(photoId, [partNumber]);
      const part = 'multipart' in upload ? upload.multipart.parts[0] : undefined;
      if (!part) throw new Error(`No signed URL came back for part ${partNumber}`);
      return { method: 'PUT', url: part.url, headers: part.headers };
    },
    async listParts(file, { key: photoId }) {
      photoOf.set(file.id, photoId);
      const { upload } = await api.photos.uploadState(photoId);
      return (upload.multipart?.uploadedParts ?? []).map((p) => ({ PartNumber: p.partNumber, ETag: p.etag, Size: p.size }));
    },
    async completeMultipartUpload(file, { key: photoId, parts }) {
      await api.photos.complete(photoId, { parts: parts.map((p) => ({ partNumber: p.PartNumber!, etag: p.ETag! })) });
      completed.add(file.id);
      forgetUnfinished(printOf(albumId, file));
      return { location: photoId };
    },
    async abortMultipartUpload(file, { key: photoId }) {
      forgetUnfinished(printOf(albumId, file));
      await api.photos.remove(photoId).catch(() => undefined);
    },
  });

  // A file picked again after a reload continues its multipart upload instead of starting over.
  uppy.on('file-added', (file) => {
    const unfinished = findUnfinished(printOf(albumId, file));
    if (unfinished) uppy.setFileState(file.id, { s3Multipart: { uploadId: unfinished.uploadId, key: unfinished.photoId } } as Partial<UploadFile>);
  });

  // Single-PUT files are handed to the pipeline once their bytes are in (multipart ones already are).
  uppy.addPostProcessor(async (fileIDs) => {
    await Promise.all(
      fileIDs.map(async (id) => {
        const photoId = photoOf.get(id);
        if (!photoId || completed.has(id)) return;
        const file = uppy.getFile(id);
        uppy.emit('postprocess-progress', file, { mode: 'indeterminate', message: 'Finishing…' });
        try {
          await withRetries(() => api.photos.complete(photoId));
          completed.add(id);
          uppy.emit('postprocess-complete', uppy.getFile(id));
        } catch (err) {
          // One refused file must not leave the others (or itself) "finishing" for ever.
          uppy.emit('postprocess-complete', uppy.getFile(id));
          if (isFinalRefusal(err)) completed.add(id);
          uppy.emit('upload-error', uppy.getFile(id), err as Error);
        }
      }),
    );
  });

  // Every error in our words (Uppy appends an error's `details`, an API error's object included);
  // a final refusal moves the file to the rejected list.
  uppy.on('upload-error', (file, err) => {
    if (!file || !uppy.getFile(file.id)) return;
    const reason = reasonOf(err);
    if (!isFinalRefusal(err)) return uppy.setFileState(file.id, { error: reason });
    addRejected(uppy, { id: file.id, name: file.name ?? 'photo', size: file.size ?? 0, reason });
    // After Uppy's own handlers for this error have run.
    setTimeout(() => uppy.getFile(file.id) && uppy.removeFile(file.id));
  });

  // Uploads that ran out of retries while the network was down start again when it is back.
  uppy.on('back-online', () => void uppy.retryAll());

  // A file removed before it finished: its pending photo is deleted server-side too.
  uppy.on('file-removed', (file) => {
    const photoId = photoOf.get(file.id);
    if (photoId && !completed.has(file.id)) {
      forgetUnfinished(printOf(albumId, file));
      void api.photos.remove(photoId).catch(() => undefined);
    }
  });
  return uppy;
}

/**
 * Adds picked or dropped files: each one that cannot be a photo gets a rejected row with the
 * reason; the others start uploading. Answers what could not be listed at all (duplicates).
 */
export async function addFiles(uppy: Uploader, files: FileList | File[]): Promise<string[]> {
  // .DS_Store and friends from a dropped folder are not the photographer's files.
  const picked = Array.from(files).filter((file) => !file.name.startsWith('.'));
  const verdicts = await Promise.all(picked.map(inspectFile));
  const problems: string[] = [];
  for (const [i, file] of picked.entries()) {
    const verdict = verdicts[i]!;
    if (!verdict.ok) {
      addRejected(uppy, { id: crypto.randomUUID(), name: file.name, size: file.size, reason: verdict.reason });
      continue;
    }
    try {
      // The type read from the bytes, not the one guessed from the name.
      uppy.addFile({ name: file.name, type: verdict.type, data: file, source: 'local' });
    } catch (err) {
      // Uppy refuses a duplicate through onBeforeFileAdded, with a message meant for developers.
      const duplicate = (err as { isUserFacing?: boolean }).isUserFacing === false;
      problems.push(`${file.name}: ${duplicate ? 'already in the list.' : (err as Error).message}`);
    }
  }
  return problems;
}

/** The files refused for good, in the order they were refused. */
export const rejectedFiles = (uppy: Uploader): RejectedFile[] => (uppy.getState().rejected as RejectedFile[] | undefined) ?? [];

/** Kept in Uppy's state so the panel re-renders on it like on any upload change. */
export function addRejected(uppy: Uploader, file: RejectedFile) {
  uppy.setState({ rejected: [...rejectedFiles(uppy), file] });
}

/** Empties the list: finished uploads and rejected files. */
export function clearUploads(uppy: Uploader) {
  uppy.clear();
  uppy.setState({ rejected: [] });
}

/** Retries what may pass later (network, 5xx such as a queue that could not take the photo, 408, 429); a refusal is final. */
async function withRetries<T>(action: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await action();
    } catch (err) {
      if (attempt >= RETRY_DELAYS.length - 1 || isFinalRefusal(err)) throw err;
      await new Promise((r) => setTimeout(r, RETRY_DELAYS[attempt + 1]));
    }
  }
}
