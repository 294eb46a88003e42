import { eq } from 'drizzle-orm';
import { photos, uploadParts } from '../../db/schema/index';
import { photoKeys } from '../../shared/r2-keys';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { verifyWorkerRouteGrant, type UploadGrant } from './upload-signer';

type SignedUpload = {
  db: Db;
  bucket: R2Bucket;
  secret: string;
  photoId: string;
  query: { size: number; type: string; expires: number; sig: string; uploadId?: string; partNumber?: number };
  contentType: string;
  contentLength: number;
  body: ReadableStream<Uint8Array>;
};

/**
 * Checks everything the signature binds before a byte is written, then streams the body into R2
 * (never buffered: a 50 MB original passes through in chunks). R2 writes are atomic, so a body
 * that ends early leaves nothing behind.
 */
export async function receiveSignedUpload(input: SignedUpload): Promise<{ etag: string }> {
  const { query, bucket } = input;
  const part = query.uploadId && query.partNumber ? { uploadId: query.uploadId, partNumber: query.partNumber } : undefined;
  const grant: UploadGrant = {
    photoId: input.photoId,
    key: photoKeys(input.photoId).original,
    size: query.size,
    contentType: query.type,
    expiresAt: query.expires,
    part,
  };
  if (!(await verifyWorkerRouteGrant(input.secret, grant, query.sig))) {
    throw new AppError('UPLOAD_SIGNATURE_INVALID', 'The upload URL signature is invalid; request a new URL');
  }
  if (grant.expiresAt * 1000 < Date.now()) throw new AppError('UPLOAD_EXPIRED', 'The upload URL has expired; request a new one');
  if (!part && input.contentType.toLowerCase() !== grant.contentType) {
    throw new AppError('UPLOAD_CONTENT_TYPE_MISMATCH', `This URL accepts Content-Type ${grant.contentType} only`);
  }
  if (input.contentLength > grant.size) throw new AppError('FILE_TOO_LARGE', `This URL accepts exactly ${grant.size} bytes`);
  if (input.contentLength !== grant.size) {
    throw new AppError('UPLOAD_SIZE_MISMATCH', `This URL accepts exactly ${grant.size} bytes, got ${input.contentLength}`);
  }

  const photo = await input.db
    .select({ status: photos.status, uploadId: photos.multipartUploadId })
    .from(photos)
    .where(eq(photos.id, input.photoId))
    .get();
  if (photo?.status !== 'pending' || (part && photo.uploadId !== part.uploadId)) {
    throw new AppError('UPLOAD_NOT_PENDING', 'This upload is finished or cancelled; nothing was written');
  }

  const body = input.body.pipeThrough(new FixedLengthStream(input.contentLength));
  try {
    if (part) {
      const uploaded = await bucket.resumeMultipartUpload(grant.key, part.uploadId).uploadPart(part.partNumber, body);
      // Remembered so a client resuming after a reload can ask which parts are already in.
      await input.db
        .insert(uploadParts)
        .values({ photoId: input.photoId, partNumber: part.partNumber, etag: uploaded.etag, size: input.contentLength })
        .onConflictDoUpdate({ target: [uploadParts.photoId, uploadParts.partNumber], set: { etag: uploaded.etag, size: input.contentLength } });
      return { etag: uploaded.etag };
    }
    const object = await bucket.put(grant.key, body, { httpMetadata: { contentType: grant.contentType } });
    return { etag: object.etag };
  } catch (err) {
    console.error(JSON.stringify({ photoId: input.photoId, uploadError: String(err) }));
    throw new AppError('UPLOAD_INTERRUPTED', 'The upload ended before all bytes arrived; nothing was stored, retry it');
  }
}
