import { AwsClient } from 'aws4fetch';
import type { Config } from '../../core/config';
import { hmacSign, hmacVerify } from '../../core/crypto/hmac';

/** One PUT the client makes with no credentials but the URL itself. */
export type SignedPut = { method: 'PUT'; url: string; headers: Record<string, string> };

/** What a signature binds: one object (or one part of it), an exact byte count, a type, a deadline. */
export type UploadGrant = {
  photoId: string;
  key: string;
  size: number;
  contentType: string;
  expiresAt: number; // unix seconds
  part?: { uploadId: string; partNumber: number };
};

export interface UploadSigner {
  sign(grant: UploadGrant): Promise<SignedPut>;
}

/** Parts carry no type; a whole-file PUT must send exactly the signed one. */
const contentTypeHeader = (g: UploadGrant): Record<string, string> => (g.part ? {} : { 'Content-Type': g.contentType });

const canonical = (g: UploadGrant) =>
  ['PUT', g.photoId, g.key, g.size, g.contentType, g.expiresAt, g.part?.uploadId ?? '', g.part?.partNumber ?? ''].join('\n');

/**
 * The local path (and a valid production path without R2 credentials): URLs point at this
 * Worker's `PUT /v1/uploads/:photoId`, which checks an HMAC over the grant and streams the body
 * into R2 through the binding.
 */
export function workerRouteSigner(secret: string, origin: string): UploadSigner {
  return {
    async sign(grant) {
      const query = new URLSearchParams({
        size: String(grant.size),
        type: grant.contentType,
        expires: String(grant.expiresAt),
      });
      if (grant.part) {
        query.set('uploadId', grant.part.uploadId);
        query.set('partNumber', String(grant.part.partNumber));
      }
      query.set('sig', await hmacSign(secret, canonical(grant)));
      return {
        method: 'PUT',
        url: `${origin}/v1/uploads/${grant.photoId}?${query}`,
        headers: contentTypeHeader(grant),
      };
    },
  };
}

export const verifyWorkerRouteGrant = (secret: string, grant: UploadGrant, signature: string) =>
  hmacVerify(secret, canonical(grant), signature);

/**
 * Production: S3 SigV4 presigned URLs against R2's S3 endpoint, so bytes never touch the Worker.
 * Content-Type is a signed header, so another type fails R2's signature check.
 */
export function r2PresignSigner(r2: NonNullable<Config['uploads']['r2Presign']>): UploadSigner {
  const client = new AwsClient({ accessKeyId: r2.accessKeyId, secretAccessKey: r2.secretAccessKey, service: 's3', region: 'auto' });
  return {
    async sign(grant) {
      const url = new URL(`https://${r2.accountId}.r2.cloudflarestorage.com/${r2.bucket}/${grant.key}`);
      url.searchParams.set('X-Amz-Expires', String(Math.max(1, grant.expiresAt - Math.floor(Date.now() / 1000))));
      if (grant.part) {
        url.searchParams.set('partNumber', String(grant.part.partNumber));
        url.searchParams.set('uploadId', grant.part.uploadId);
      }
      const headers = contentTypeHeader(grant);
      const signed = await client.sign(new Request(url, { method: 'PUT', headers }), { aws: { signQuery: true, allHeaders: true } });
      return { method: 'PUT', url: signed.url, headers };
    },
  };
}

/** Presigned R2 URLs when credentials are configured, the Worker route otherwise. */
export function uploadSigner(config: Config, origin: string): UploadSigner {
  const presign = config.uploads.r2Presign;
  return presign ? r2PresignSigner(presign) : workerRouteSigner(config.uploads.signingSecret, origin);
}
