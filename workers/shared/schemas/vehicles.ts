import { z } from 'zod';
import { GEARBOXES, VEHICLE_CONDITIONS, VEHICLE_FUELS, VEHICLE_STATUSES } from '../enums';

const isoDate = z.iso.date({ message: 'Use YYYY-MM-DD' });
const notFuture = (date: string) => date <= new Date().toISOString().slice(0, 10);
const pastDate = isoDate.refine(notFuture, 'Cannot be in the future');
const text = (max: number) => z.string().trim().min(1).max(max);
const count = (min: number, max: number) => z.int().min(min).max(max);
/** Up to one million euros, in integer cents like every amount of the API. */
const cents = z.int().min(1).max(100_000_000);

/**
 * The plate as typed: French SIV/FNI plates are normalised by the Worker (`ab123cd` -> `AB-123-CD`),
 * anything else is kept as upper-case text (a foreign or collector plate).
 */
const plate = z
  .string()
  .trim()
  .toUpperCase()
  .min(2)
  .max(16)
  .regex(/^[A-Z0-9][A-Z0-9 -]*$/, 'Letters, digits, spaces and dashes');

/**
 * A vehicle's record, replaced as a whole by `PUT` (a field left out is cleared). `plate: null`
 * hands the plate back to the photos' reading. `soldPriceCents` and `soldAt` go with `status: sold` only.
 */
export const vehicleBody = z
  .object({
    plate: plate.nullish(),
    make: text(60).nullish(),
    model: text(60).nullish(),
    version: text(120).nullish(),
    year: z
      .int()
      .min(1900)
      .refine((y) => y <= new Date().getUTCFullYear() + 1, 'Cannot be after next year')
      .nullish(),
    firstRegistration: pastDate.nullish(),
    mileageKm: count(0, 2_000_000).nullish(),
    fuel: z.enum(VEHICLE_FUELS).nullish(),
    gearbox: z.enum(GEARBOXES).nullish(),
    powerHp: count(1, 2000).nullish(),
    colour: text(40).nullish(),
    doors: count(1, 7).nullish(),
    seats: count(1, 12).nullish(),
    condition: z.enum(VEHICLE_CONDITIONS).nullish(),
    equipment: z
      .array(text(80))
      .max(100)
      .default([])
      .transform((items) => [...new Set(items)]),
    newPriceCents: cents.nullish(),
    askingPriceCents: cents.nullish(),
    status: z.enum(VEHICLE_STATUSES).default('draft'),
    soldPriceCents: cents.nullish(),
    soldAt: pastDate.nullish(),
  })
  .superRefine((body, ctx) => {
    const sold = body.status === 'sold';
    for (const field of ['soldPriceCents', 'soldAt'] as const) {
      const given = body[field] != null;
      if (sold && !given) ctx.addIssue({ code: 'custom', path: [field], message: 'Required when the status is sold' });
      if (!sold && given) ctx.addIssue({ code: 'custom', path: [field], message: 'Only for a sold vehicle (status sold)' });
    }
    if (body.year != null && body.firstRegistration && Number(body.firstRegistration.slice(0, 4)) < body.year - 1) {
      ctx.addIssue({ code: 'custom', path: ['firstRegistration'], message: 'Before the model year' });
    }
  });

export type VehicleBody = z.infer<typeof vehicleBody>;
