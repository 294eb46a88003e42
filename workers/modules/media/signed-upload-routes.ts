import { Hono } from 'hono';
import { z } from 'zod';
import { loadConfig } from '../../core/config';
import type { AppEnv } from '../../core/http/app-env';
import { AppError } from '../../core/errors';
import { receiveSignedUpload } from './signed-uploads';
import { validate } from '../../core/http/validate';

const signedQuery = z.object({
  size: z.coerce.number().int().positive(),
  type: z.string().min(1),
  expires: z.coerce.number().int().positive(),
  sig: z.string().min(1),
  uploadId: z.string().min(1).optional(),
  partNumber: z.coerce.number().int().min(1).max(10_000).optional(),
});

/**
 * `PUT /v1/uploads/:photoId?...&sig=` — the target of URLs from the Worker-route signer. No
 * session: the HMAC signature is the credential, so this router is mounted before `authenticate`.
 */
export const signedUploads = new Hono<AppEnv>().put('/:photoId', validate('query', signedQuery), async (c) => {
  const q = c.req.valid('query');
  const length = Number(c.req.header('Content-Length'));
  if (!c.req.raw.body || !Number.isInteger(length) || length <= 0) {
    throw new AppError('VALIDATION_ERROR', 'Send the file as the request body with a Content-Length header');
  }
  const result = await receiveSignedUpload({
    db: c.get('db'),
    bucket: c.env.PHOTOS,
    secret: loadConfig(c.env).uploads.signingSecret,
    photoId: c.req.param('photoId'),
    query: q,
    contentType: c.req.header('Content-Type') ?? '',
    contentLength: length,
    body: c.req.raw.body,
  });
  c.header('ETag', `"${result.etag}"`);
  return c.body(null, 200);
});
