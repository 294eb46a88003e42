import { z } from 'zod';
import { TAG_KINDS, TAG_STATUSES } from '../enums';

const tagValue = z.string().trim().toUpperCase().min(1).max(20).regex(/^[A-Z0-9 -]+$/, 'Letters, digits, spaces and dashes');

/** What a reviewer does to a photo's tags. */
export const tagAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('confirm'), tagId: z.string() }),
  z.object({ action: z.literal('correct'), tagId: z.string(), value: tagValue }),
  z.object({ action: z.literal('delete'), tagId: z.string() }),
  z.object({ action: z.literal('add'), kind: z.enum(TAG_KINDS).default('bib'), value: tagValue }),
]);
export type TagAction = z.infer<typeof tagAction>;

export const reviewQuery = z.object({
  status: z.enum(TAG_STATUSES).default('unsure'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const bibRules = z.object({
  minDigits: z.number().int().min(1).max(8).default(1),
  maxDigits: z.number().int().min(1).max(8).default(5),
  min: z.number().int().min(0).nullish(),
  max: z.number().int().min(0).nullish(),
  exclude: z.array(z.string().regex(/^\d{1,8}$/)).max(200).default([]),
});
