/**
 * Bulk upload on Uppy (core + aws-s3, headless: the UI is ours). Uppy brings the queue, the
 * concurrency limit, per-file and per-part retries with backoff, progress and cancel; this file
 * plugs it into Vitrine's upload API: each file is registered with the album (which answers
 * signed URLs straight to storage), bytes go to those URLs, and `complete` hands the photo to the
 * pipeline. Files >= 16 MB go multipart (8 MB parts, each retried on its own) and can resume
 * after a reload (resume-store.ts).
 */
import AwsS3 from '@uppy/aws-s3';
import Uppy, { type UppyFile } from '@uppy/core';
import { ACCEPTED_TYPES, MAX_PHOTO_BYTES, MULTIPART_THRESHOLD, PART_SIZE } from '../../../../workers/shared/constants';
import { api } from '../../api/client';
import type { UploadInstructions } from '../../api/types';
import { fingerprint, findUnfinished, forgetUnfinished, rememberUnfinished } from './resume-store';

type Meta = Record<string, never>;
type Body = Record<string, unknown>;
export type UploadFile = UppyFile<Meta, Body>;
export type Uploader = Uppy<Meta, Body>;

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
  const completed = new Set<string>();

  const register = async (file: UploadFile): Promise<UploadInstructions> => {
    const { uploads } = await api.albums.createUploads(albumId, [asUploadFile(file)]);
    photoOf.set(file.id, uploads[0].photoId);
    return uploads[0];
  };

  const uppy: Uploader = new Uppy<Meta, Body>({
    autoProceed: true,
    restrictions: { allowedFileTypes: [...ACCEPTED_TYPES], maxFileSize: MAX_PHOTO_BYTES },
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
        await withRetries(() => api.photos.complete(photoId));
        completed.add(id);
        uppy.emit('postprocess-complete', uppy.getFile(id));
      }),
    );
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

async function withRetries<T>(action: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await action();
    } catch (err) {
      if (attempt >= RETRY_DELAYS.length - 1 || ((err as { status?: number }).status ?? 0) >= 400) throw err;
      await new Promise((r) => setTimeout(r, RETRY_DELAYS[attempt + 1]));
    }
  }
}
