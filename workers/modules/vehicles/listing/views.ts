/** What the listing routes answer (zod only: the OpenAPI document and the SPA's types). */
import { z } from 'zod';
import { LISTING_LANGS } from '../../../shared/enums';
import { LISTING_ENGINES } from '../../../shared/schemas/listing';

export const savedListingView = z
  .object({ title: z.string(), text: z.string(), lang: z.enum(LISTING_LANGS) })
  .meta({ id: 'VehicleListing' });

export const writtenListingView = savedListingView
  .extend({ engine: z.enum(LISTING_ENGINES).meta({ description: '`workers-ai`, or `template` (the local default, and the fallback when the AI fails)' }) })
  .meta({ id: 'VehicleListingDraft' });

export type SavedListingView = z.infer<typeof savedListingView>;
export type WrittenListingView = z.infer<typeof writtenListingView>;
