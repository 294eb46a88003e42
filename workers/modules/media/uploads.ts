import { and, eq } from 'drizzle-orm';
import { photos, uploadParts, type Photo } from '../../db/schema/index';
import type { PhotoUploaded } from './jobs/index';
import { photoKeys } from '../../shared/r2-keys';
import { SNIFF_BYTES, sniffImageType } from '../../shared/sniff';
import { ACCEPTED_TYPES, MAX_BATCH, MAX_PHOTO_BYTES, MULTIPART_THRESHOLD, PART_SIZE } from '../../shared/constants';
import type { UploadFile } from '../../shared/schemas/uploads';
import { loadConfig } from '../../core/config';
import type { Db } from '../../core/db/client';
import { AppError, type ErrorCode } from '../../core/errors';
import { newId } from '../../shared/ids';
import { getAlbum } from '../albums/albums';
import { auditInsert, type Actor } from '../../core/audit';
import { getPhoto, publicPhoto } from '../albums/photos';
import { uploadSigner, type UploadGrant, type UploadSigner } from './upload-signer';

type Storage = { db: Db; bucket: R2Bucket; signer: UploadSigner; ttlSeconds: number };

/** Where uploads go and how their URLs are signed, for a request arriving at `origin`. */
export function uploadStorage(env: Env, db: Db, origin: string): Storage {
  const config = loadConfig(env);
  return { db, bucket: env.PHOTOS, signer: uploadSigner(config, origin), ttlSeconds: config.uploads.ttlSeconds };
}

const MB = 1024 * 1024;

/** Why a declared file cannot be uploaded, or null when it can. */
function fileProblem(file: UploadFile): { code: ErrorCode; message: string } | null {
  if (file.size === 0) return { code: 'EMPTY_FILE', message: 'The file is empty (0 bytes).' };
  if (file.size > MAX_PHOTO_BYTES)
    return { code: 'FILE_TOO_LARGE', message: `Photos are limited to ${MAX_PHOTO_BYTES / MB} MB each.` };
  if (!(ACCEPTED_TYPES as readonly string[]).includes(file.type)) {
    const hint = /hei[cf]/.test(file.type) ? ' (export HEIC photos as JPEG)' : '';
    return { code: 'UNSUPPORTED_TYPE', message: `Not a photo we accept: ${file.type || 'no type'}; upload JPEG, PNG or WebP${hint}.` };
  }
  return null;
}

/**
 * Refuses the whole batch, listing every bad file, before anything is written. Messages are
 * sentences a person can read as they are (the SPA shows a file's own one on its row).
 */
function assertBatchAcceptable(files: UploadFile[]) {
  if (files.length > MAX_BATCH) {
    throw new AppError('BATCH_TOO_LARGE', `At most ${MAX_BATCH} files per request; split the batch`);
  }
  const problems = files.flatMap((file, index) => {
    const problem = fileProblem(file);
    return problem ? [{ index, name: file.name, ...problem }] : [];
  });
  if (problems.length) {
    const first = problems[0]!;
    const count = problems.length === 1 ? '1 file' : `${problems.length} files`;
    throw new AppError(first.code, `${count} cannot be uploaded. "${first.name}": ${first.message}`, {
      files: problems,
    });
  }
}

const partCount = (size: number) => Math.ceil(size / PART_SIZE);
const partSize = (size: number, partNumber: number) => Math.min(PART_SIZE, size - (partNumber - 1) * PART_SIZE);

/** The signed request(s) for one pending photo: one PUT, or one per multipart part. */
async function uploadInstructions(photo: Photo, storage: Storage, partNumbers?: number[]) {
  const expiresAt = Math.floor(Date.now() / 1000) + storage.ttlSeconds;
  const grant: UploadGrant = {
    photoId: photo.id,
    key: photo.originalKey,
    size: photo.declaredSize,
    contentType: photo.declaredType,
    expiresAt,
  };
  const base = { photoId: photo.id, name: photo.originalName, expiresAt: new Date(expiresAt * 1000).toISOString() };
  if (!photo.multipartUploadId) return { ...base, ...(await storage.signer.sign(grant)) };

  const uploadId = photo.multipartUploadId;
  const count = partCount(photo.declaredSize);
  const wanted = partNumbers ?? Array.from({ length: count }, (_, i) => i + 1);
  if (wanted.some((n) => n > count)) throw new AppError('INVALID_PARTS', `This upload has ${count} parts`);
  const parts = await Promise.all(
    wanted.map(async (partNumber) => ({
      partNumber,
      size: partSize(photo.declaredSize, partNumber),
      ...(await storage.signer.sign({ ...grant, size: partSize(photo.declaredSize, partNumber), part: { uploadId, partNumber } })),
    })),
  );
  return { ...base, method: 'PUT' as const, multipart: { uploadId, partSize: PART_SIZE, partCount: count, parts } };
}

/** Registers a batch of photos as `pending` and returns one signed upload per file. */
export async function createUploads(storage: Storage, actor: Actor, albumId: string, files: UploadFile[]) {
  const { db, bucket } = storage;
  await getAlbum(db, actor.workspaceId, albumId);
  assertBatchAcceptable(files);

  const rows = await Promise.all(
    files.map(async (file) => {
      const id = newId('pho');
      const originalKey = photoKeys(id).original;
      const multipart =
        file.size > MULTIPART_THRESHOLD
          ? await bucket.createMultipartUpload(originalKey, { httpMetadata: { contentType: file.type } })
          : null;
      return {
        id,
        albumId,
        workspaceId: actor.workspaceId,
        originalName: file.name,
        declaredSize: file.size,
        declaredType: file.type,
        originalKey,
        multipartUploadId: multipart?.uploadId ?? null,
      };
    }),
  );
  // One row per statement: D1 caps bound parameters per statement, not statements per batch.
  await db.batch([
    auditInsert(db, { ...actor, action: 'photos.upload_started', targetType: 'album', targetId: albumId, data: { files: files.length } }),
    ...rows.map((row) => db.insert(photos).values(row)),
  ]);
  const created = rows.map((row) => ({ ...row, status: 'pending' }) as Photo);
  return Promise.all(created.map((photo) => uploadInstructions(photo, storage)));
}

/**
 * Where an unfinished upload stands, for a client resuming after a reload: the parts received
 * so far (through the Worker route; presigned uploads go straight to R2, where only S3's
 * ListParts knows — `partsKnown: false`).
 */
export async function uploadState(db: Db, presigned: boolean, workspaceId: string, photoId: string) {
  const photo = await getPhoto(db, workspaceId, photoId);
  if (photo.status !== 'pending') return { photoId, status: photo.status, multipart: null };
  if (!photo.multipartUploadId) return { photoId, status: photo.status, multipart: null };
  const parts = await db
    .select({ partNumber: uploadParts.partNumber, etag: uploadParts.etag, size: uploadParts.size })
    .from(uploadParts)
    .where(eq(uploadParts.photoId, photoId))
    .orderBy(uploadParts.partNumber);
  return {
    photoId,
    status: photo.status,
    multipart: {
      uploadId: photo.multipartUploadId,
      partSize: PART_SIZE,
      partCount: partCount(photo.declaredSize),
      partsKnown: !presigned,
      uploadedParts: presigned ? [] : parts,
    },
  };
}

/** Fresh URLs for a photo still pending: after expiry, or to resume some parts. */
export async function renewUpload(storage: Storage, workspaceId: string, photoId: string, partNumbers?: number[]) {
  const photo = await getPhoto(storage.db, workspaceId, photoId);
  if (photo.status !== 'pending') throw new AppError('UPLOAD_NOT_PENDING', 'This photo has already been uploaded');
  return uploadInstructions(photo, storage, partNumbers);
}

type CompleteDeps = { db: Db; bucket: R2Bucket; queue: Queue<PhotoUploaded> };
type Part = { partNumber: number; etag: string };

async function finishMultipart(bucket: R2Bucket, photo: Photo, parts: Part[] | undefined) {
  if (!parts?.length) throw new AppError('INVALID_PARTS', 'A multipart upload completes with its parts: [{ partNumber, etag }]');
  try {
    const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber).map((p) => ({ ...p, etag: p.etag.replace(/"/g, '') }));
    await bucket.resumeMultipartUpload(photo.originalKey, photo.multipartUploadId!).complete(sorted);
  } catch (err) {
    // A retry after a completed-but-unrecorded call finds the object already assembled.
    if (await bucket.head(photo.originalKey)) return;
    throw new AppError('INVALID_PARTS', `The parts could not be assembled: ${(err as Error).message}`);
  }
}

async function reject(db: Db, photo: Photo, code: ErrorCode, message: string, bucket: R2Bucket) {
  await bucket.delete(photo.originalKey);
  await db
    .update(photos)
    .set({ status: 'rejected', errorCode: code, errorMessage: message, multipartUploadId: null, updatedAt: new Date() })
    .where(and(eq(photos.id, photo.id), eq(photos.status, 'pending')));
  throw new AppError(code, message, { photoId: photo.id, status: 'rejected' });
}

/**
 * Confirms the bytes landed (size, real type from magic bytes) and hands the photo to the
 * pipeline. Idempotent: only the call that moves `pending -> uploaded` enqueues, so calling it
 * twice sends one message; a later call just returns the photo.
 */
export async function completeUpload(deps: CompleteDeps, workspaceId: string, photoId: string, parts?: Part[]) {
  const { db, bucket, queue } = deps;
  const photo = await getPhoto(db, workspaceId, photoId);
  if (photo.status !== 'pending') return publicPhoto(photo);

  if (photo.multipartUploadId) await finishMultipart(bucket, photo, parts);
  const object = await bucket.get(photo.originalKey, { range: { offset: 0, length: SNIFF_BYTES } });
  if (!object) throw new AppError('UPLOAD_INCOMPLETE', 'The file has not been uploaded yet; PUT it to the signed URL first.');
  const head = new Uint8Array(await object.arrayBuffer());
  if (object.size !== photo.declaredSize) {
    const message = `Received ${object.size} bytes where ${photo.declaredSize} were declared; upload the file again.`;
    await reject(db, photo, 'UPLOAD_SIZE_MISMATCH', message, bucket);
  }
  const type = sniffImageType(head);
  if (!(ACCEPTED_TYPES as readonly string[]).includes(type)) {
    const what = type === 'unknown' ? 'not an image we recognise' : `${type}, which we do not accept`;
    await reject(db, photo, 'UNSUPPORTED_TYPE', `Not a photo: the file is ${what}; upload JPEG, PNG or WebP.`, bucket);
  }

  await db.delete(uploadParts).where(eq(uploadParts.photoId, photo.id));
  const moved = await db
    .update(photos)
    .set({ status: 'uploaded', size: object.size, contentType: type, multipartUploadId: null, uploadedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(photos.id, photo.id), eq(photos.status, 'pending')));
  if (moved.meta.changes === 1) {
    try {
      await queue.send({ type: 'photo.uploaded', photoId: photo.id, workspaceId });
    } catch (err) {
      // Put it back so the client's retry enqueues; never leave an `uploaded` photo with no job.
      await db.update(photos).set({ status: 'pending', multipartUploadId: photo.multipartUploadId }).where(eq(photos.id, photo.id));
      console.error(JSON.stringify({ photoId, enqueueError: String(err) }));
      throw new AppError('SERVICE_UNAVAILABLE', 'Could not queue the photo for processing; retry in a moment');
    }
  }
  return publicPhoto(await getPhoto(db, workspaceId, photoId));
}
