/**
 * What the vehicles routes answer: the response schemas of the OpenAPI document and the types the
 * SPA reads (zod only). Amounts are integer cents, like every amount of the API.
 */
import { z } from 'zod';
import { GEARBOXES, LISTING_LANGS, PLATE_FORMATS, PLATE_SOURCES, VEHICLE_CONDITIONS, VEHICLE_FUELS, VEHICLE_STATUSES } from '../../shared/enums';

const cents = (description: string) => z.int().nullable().meta({ description: `${description}, in cents` });

/** What a vehicle is (make to equipment): the record and the public page show the same facts. */
export const vehicleSpecs = {
  make: z.string().nullable().meta({ example: 'Peugeot' }),
  model: z.string().nullable().meta({ example: '208' }),
  version: z.string().nullable().meta({ example: '1.2 PureTech 100 Allure' }),
  year: z.int().nullable(),
  firstRegistration: z.string().nullable().meta({ description: 'YYYY-MM-DD' }),
  mileageKm: z.int().nullable(),
  fuel: z.enum(VEHICLE_FUELS).nullable(),
  gearbox: z.enum(GEARBOXES).nullable(),
  powerHp: z.int().nullable(),
  colour: z.string().nullable(),
  doors: z.int().nullable(),
  seats: z.int().nullable(),
  condition: z.enum(VEHICLE_CONDITIONS).nullable(),
  equipment: z.array(z.string()),
};

export const vehicleView = z
  .object({
    albumId: z.string().meta({ example: 'alb_01hx3k9d0w5v7q8r' }),
    plate: z.string().nullable().meta({ example: 'AB-123-CD' }),
    plateFormat: z.enum(PLATE_FORMATS).nullable(),
    plateSource: z.enum(PLATE_SOURCES).nullable().meta({ description: '`read` from the photos (follows better reads) or typed by the `dealer` (never replaced)' }),
    plateConfidence: z.number().nullable().meta({ description: "The reading's confidence (0..1) when the plate was read" }),
    ...vehicleSpecs,
    newPriceCents: cents('New price, the base of the estimate'),
    askingPriceCents: cents('Asking price'),
    status: z.enum(VEHICLE_STATUSES),
    soldPriceCents: cents('What it sold for (status sold)'),
    soldAt: z.string().nullable().meta({ description: 'YYYY-MM-DD (status sold)' }),
    updatedAt: z.string().nullable().meta({ description: 'ISO 8601; null until the record is first saved' }),
    listing: z
      .object({ title: z.string(), text: z.string(), lang: z.enum(LISTING_LANGS) })
      .nullable()
      .meta({ description: 'The saved listing (`PUT .../vehicle/listing`); a PUT of the record never clears it' }),
    publishedAt: z.string().nullable().meta({ description: 'ISO 8601: when the status last became published' }),
  })
  .meta({ id: 'Vehicle' });

const amount = (description: string) => z.int().meta({ description: `${description}, in cents, rounded to 100 €` });

export const estimateView = z
  .object({
    low: amount('Low end of the range'),
    mid: amount('The estimate: the sum of the factors'),
    high: amount('High end of the range'),
    currency: z.literal('eur'),
    factors: z.array(
      z.object({
        name: z.enum(['base_value', 'age', 'mileage', 'gearbox', 'condition', 'market']),
        effect: z.int().meta({ description: 'What the factor adds (negative: takes away), in cents, rounded to 1 €', example: -420_000 }),
        explanation: z.string(),
      }),
    ),
  })
  .meta({ id: 'VehicleEstimate' });

export const vehicleSummaryView = z
  .object({
    albumId: z.string().meta({ example: 'alb_01hx3k9d0w5v7q8r' }),
    title: z.string().meta({ example: 'Peugeot 208' }),
    slug: z.string().meta({ example: 'peugeot-208' }),
    plate: z.string().nullable().meta({ description: "The dealer's plate, else the best read from the photos", example: 'AB-123-CD' }),
  make: z.string().nullable(),
  model: z.string().nullable(),
  year: z.int().nullable(),
    askingPriceCents: cents('Asking price'),
    status: z.enum(VEHICLE_STATUSES),
    photoCount: z.int().meta({ description: 'Ready photos' }),
    coverThumbUrl: z.string().nullable().meta({ description: "The first ready photo's thumbnail (carries a short-lived grant); null without photos" }),
  })
  .meta({ id: 'VehicleSummary' });

export type VehicleView = z.infer<typeof vehicleView>;
export type EstimateView = z.infer<typeof estimateView>;
export type VehicleSummaryView = z.infer<typeof vehicleSummaryView>;
