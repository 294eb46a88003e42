import { z } from 'zod';
import { loadConfig } from '../../core/config';
import { AppError } from '../../core/errors';
import { access } from '../../core/http/middleware/access';
import { defineRoute, router } from '../../core/http/route';
import { receiveSignedUpload } from './signed-uploads';

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
 * session: the HMAC signature is the credential. The body is declared but not required, so no
 * validator reads it: it streams to R2 untouched.
 */
export const signedUploads = router().openapi(
  defineRoute({
    method: 'put', path: '/{photoId}', tags: ['Uploads'], summary: 'Upload the bytes of a photo (or one part) to its signed URL',
    description: 'Send exactly the headers the upload instructions list, with `Content-Length`. Streams into R2.',
    access: access.public,
    request: {
      query: signedQuery,
      body: { content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) } }, required: false },
    },
    errors: ['VALIDATION_ERROR', 'UPLOAD_SIGNATURE_INVALID', 'UPLOAD_EXPIRED', 'UPLOAD_CONTENT_TYPE_MISMATCH', 'FILE_TOO_LARGE', 'UPLOAD_SIZE_MISMATCH', 'UPLOAD_NOT_PENDING', 'UPLOAD_INTERRUPTED'],
    responses: { 200: { description: 'Stored', headers: z.object({ ETag: z.string().meta({ description: "The object's (or part's) ETag, quoted" }) }) } },
  }),
  async (c) => {
    const length = Number(c.req.header('Content-Length'));
    if (!c.req.raw.body || !Number.isInteger(length) || length <= 0) throw new AppError('VALIDATION_ERROR', 'Send the file as the request body with a Content-Length header');
    const { signingSecret: secret } = loadConfig(c.env).uploads;
    const upload = { db: c.get('db'), bucket: c.env.PHOTOS, secret, photoId: c.req.param('photoId'), query: c.req.valid('query') };
    const result = await receiveSignedUpload({ ...upload, contentType: c.req.header('Content-Type') ?? '', contentLength: length, body: c.req.raw.body });
    c.header('ETag', `"${result.etag}"`);
    return c.body(null, 200);
  },
);
