import { z } from 'zod';

/** Originals we accept: what the pipeline can decode. HEIC must be exported as JPEG first. */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 100 * 1024 * 1024;
/** Above this, uploads go multipart so a flaky connection only re-sends one part. */
export const MULTIPART_THRESHOLD = 16 * 1024 * 1024;
/** R2 needs equal part sizes (except the last) of at least 5 MiB. */
export const PART_SIZE = 8 * 1024 * 1024;
export const MAX_BATCH = 500;

export const uploadFile = z.object({
  name: z.string().trim().min(1).max(255),
  size: z.number().int().nonnegative(),
  type: z.string().trim().toLowerCase().max(100),
});

export const createUploadsBody = z.object({
  files: z.array(uploadFile).min(1),
});

export const refreshPartsBody = z.object({
  partNumbers: z.array(z.number().int().min(1).max(10_000)).min(1).max(10_000),
});

export const completeUploadBody = z
  .object({
    parts: z.array(z.object({ partNumber: z.number().int().min(1).max(10_000), etag: z.string().min(1).max(200) })).min(1),
  })
  .partial();

export type UploadFile = z.infer<typeof uploadFile>;
