/** What the upload routes answer (zod only, so web/ can import the types). */
import { z } from 'zod';
import { PHOTO_STATUSES } from '../../shared/enums';

const signedPut = z.object({
  method: z.literal('PUT'),
  url: z.string().meta({ description: 'PUT the bytes here; no credentials but the URL' }),
  headers: z.record(z.string(), z.string()).meta({ description: 'Send exactly these headers' }),
});

const upload = { photoId: z.string(), name: z.string(), expiresAt: z.string() };

/** One PUT for a small file; a multipart upload (over 16 MiB) has one signed PUT per part instead. */
export const uploadInstructionsView = z
  .union([
    signedPut.extend(upload),
    z.object({
      ...upload,
      method: z.literal('PUT'),
      multipart: z.object({
        uploadId: z.string(),
        partSize: z.number(),
        partCount: z.number(),
        parts: z.array(signedPut.extend({ partNumber: z.number(), size: z.number() })),
      }),
    }),
  ])
  .meta({ id: 'UploadInstructions' });

export const uploadStateView = z
  .object({
    photoId: z.string(),
    status: z.enum(PHOTO_STATUSES),
    multipart: z
      .object({
        uploadId: z.string(),
        partSize: z.number(),
        partCount: z.number(),
        partsKnown: z.boolean().meta({ description: 'False with presigned R2 URLs: only R2 knows which parts arrived' }),
        uploadedParts: z.array(z.object({ partNumber: z.number(), etag: z.string(), size: z.number() })),
      })
      .nullable(),
  })
  .meta({ id: 'UploadState' });

export type UploadInstructionsView = z.infer<typeof uploadInstructionsView>;
export type UploadStateView = z.infer<typeof uploadStateView>;
