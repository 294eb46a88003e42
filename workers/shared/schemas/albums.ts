import { z } from 'zod';
import { ALBUM_TITLE_MAX, WATERMARK_POSITIONS } from '../constants';
import { ALBUM_VISIBILITIES } from '../enums';
import { cutAtWord } from '../text';
import { bibRules } from './tags';

export const watermark = z.object({
  text: z.string().trim().min(1).max(80),
  position: z.enum(WATERMARK_POSITIONS).default('bottom-right'),
  opacity: z.number().min(0.05).max(1).default(0.5),
});

export const slug = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and single dashes');

/** Past what anyone types: a pasted paragraph is cut (at a word); anything longer is refused. */
const TITLE_INPUT_MAX = 1000;
/** A title too long for the gallery's heading is cut at a word boundary, never mid-word. */
const title = z
  .string()
  .trim()
  .min(1)
  .max(TITLE_INPUT_MAX)
  .transform((text) => cutAtWord(text, ALBUM_TITLE_MAX));

const isoDate = z.iso.date({ message: 'Use YYYY-MM-DD' });

export const createAlbumBody = z.object({
  title,
  slug: slug.optional(),
  visibility: z.enum(ALBUM_VISIBILITIES).default('private'),
  date: isoDate.nullish(),
  location: z.string().trim().max(160).nullish(),
  watermark: watermark.nullish(),
  /** Which numbers can be bibs (events): digit count, range, numbers to ignore (distance, year...). */
  bibRules: bibRules.nullish(),
});

export const updateAlbumBody = z
  .object({
    title,
    slug,
    visibility: z.enum(ALBUM_VISIBILITIES),
    date: isoDate.nullable(),
    location: z.string().trim().max(160).nullable(),
    watermark: watermark.nullable(),
    bibRules: bibRules.nullable(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'Nothing to update');

export type CreateAlbumBody = z.infer<typeof createAlbumBody>;
export type UpdateAlbumBody = z.infer<typeof updateAlbumBody>;
