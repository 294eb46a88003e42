import { z } from 'zod';
import { TAG_KINDS, TAG_STATUSES, type TagKind } from '../enums';

/** What may be typed depends on the tag's kind (a correction's kind is the tag's): see tagValueProblem. */
const tagValue = z.string().trim().toUpperCase().max(20, 'A bib or plate is at most 20 characters').meta({ description: 'Bibs: letters and digits; plates: also spaces and dashes' });

/** Why a typed value cannot be a tag of this kind, in the photographer's words; null when it can. */
export function tagValueProblem(kind: TagKind, value: string): string | null {
  if (kind === 'bib') {
    if (!value) return 'Type the bib number (e.g. 2001)';
    return /^[A-Z0-9]+$/.test(value) ? null : 'A bib number is letters and digits only (e.g. 2001)';
  }
  if (!value) return 'Type the plate (e.g. AB-123-CD)';
  return /^[A-Z0-9 -]+$/.test(value) ? null : 'A plate is letters, digits, spaces and dashes only (e.g. AB-123-CD)';
}

/** What a reviewer does to a photo's tags. */
export const tagAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('confirm'), tagId: z.string() }),
  z.object({ action: z.literal('correct'), tagId: z.string(), value: tagValue }),
  z.object({ action: z.literal('delete'), tagId: z.string() }),
  z.object({ action: z.literal('add'), kind: z.enum(TAG_KINDS).default('bib'), value: tagValue }),
]);
export type TagAction = z.infer<typeof tagAction>;

export const tagChangesQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

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
