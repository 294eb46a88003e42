import { z } from 'zod';

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
