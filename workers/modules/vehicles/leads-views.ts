/**
 * What the public vehicle page and the leads routes answer: the response schemas of the OpenAPI
 * document and the types the SPA reads (zod only).
 */
import { z } from 'zod';
import { LEAD_STATUSES, LISTING_LANGS } from '../../shared/enums';
import { LISTED_STATUSES } from './listed';
import { vehicleSpecs } from './views';

export const publicVehicleView = z
  .object({
    slug: z.string().meta({ example: 'peugeot-208-allure' }),
    title: z.string().meta({ description: "The listing's title, else make, model and version", example: 'Peugeot 208 1.2 PureTech 100 Allure' }),
    ...vehicleSpecs,
    askingPriceCents: z.int().nullable().meta({ description: 'Asking price, in cents' }),
    status: z.enum(LISTED_STATUSES).meta({ description: '`sold` vehicles stay on their page, marked sold, and take no more leads' }),
    listing: z.object({ title: z.string().nullable(), text: z.string().nullable(), lang: z.enum(LISTING_LANGS) }).nullable(),
    photos: z.array(
      z.object({
        id: z.string(),
        url: z.string().meta({ description: 'The studio image when it is done and not doubtful, else the web variant' }),
        thumbUrl: z.string(),
        width: z.int().nullable(),
        height: z.int().nullable(),
        placeholder: z.string().nullable().meta({ description: 'ThumbHash of the web variant (none for a studio image)' }),
        studio: z.boolean(),
      }),
    ),
    dealer: z.object({ name: z.string() }),
  })
  .meta({ id: 'PublicVehicle' });

export const leadView = z
  .object({
    id: z.string().meta({ example: 'led_01hx3k9d0w5v7q8r' }),
    albumId: z.string(),
    vehicle: z.object({ title: z.string(), slug: z.string() }),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    message: z.string(),
    status: z.enum(LEAD_STATUSES),
    notes: z.string().nullable(),
    remindOn: z.string().nullable().meta({ description: 'YYYY-MM-DD: when the dealer means to follow up' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Lead' });

export const leadsPage = z.object({ leads: z.array(leadView), nextCursor: z.string().nullable() });

export type PublicVehicleView = z.infer<typeof publicVehicleView>;
export type LeadView = z.infer<typeof leadView>;
export type LeadsPage = z.infer<typeof leadsPage>;
