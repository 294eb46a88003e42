/** The listing routes' request bodies and limits, shared with the SPA (zod only). */
import { z } from 'zod';
import { LISTING_LANGS } from '../enums';

/** How a generated listing sounds: a sober dealer's ad, a warmer one, or an upmarket one. */
export const LISTING_TONES = ['professional', 'friendly', 'premium'] as const;
export type ListingTone = (typeof LISTING_TONES)[number];

/** Who wrote a draft: the template engine (local default, and the fallback) or a Workers AI text model. */
export const LISTING_ENGINES = ['template', 'workers-ai'] as const;
export type ListingEngine = (typeof LISTING_ENGINES)[number];

/** Kept short enough for classifieds forms (title 100 characters, text 4000); not checked against each site's own limit. */
export const LISTING_TITLE_MAX = 100;
export const LISTING_TEXT_MAX = 4000;

/** `POST /v1/albums/:id/vehicle/listing`: what to write (the record gives the facts). */
export const listingRequestBody = z.object({
  lang: z.enum(LISTING_LANGS),
  tone: z.enum(LISTING_TONES).default('professional'),
});

/** `PUT /v1/albums/:id/vehicle/listing`: the dealer's edited listing, saved as it is published. */
export const listingBody = z.object({
  title: z.string().trim().min(1).max(LISTING_TITLE_MAX),
  text: z.string().trim().min(1).max(LISTING_TEXT_MAX),
  lang: z.enum(LISTING_LANGS),
});

export type ListingRequestBody = z.infer<typeof listingRequestBody>;
export type ListingBody = z.infer<typeof listingBody>;
