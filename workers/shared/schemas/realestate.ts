import { z } from 'zod';
import { PROPERTY_TYPES, ROOM_TYPES, STAGING_STYLES, TRANSFORMATION_KINDS } from '../enums';

const text = (max: number) => z.string().trim().min(1).max(max);

/** A property's record, replaced as a whole by `PUT /v1/albums/:id/property` (a field left out is cleared). */
export const propertyBody = z.object({
  address: text(300).nullish(),
  propertyType: z.enum(PROPERTY_TYPES).nullish(),
  surfaceM2: z.number().positive().max(100_000).nullish(),
  rooms: z.int().min(1).max(200).nullish(),
  bedrooms: z.int().min(0).max(100).nullish(),
  /** Integer cents; up to 1 billion euros. */
  priceCents: z.int().min(1).max(100_000_000_000).nullish(),
  reference: text(60).nullish(),
});
export type PropertyBody = z.output<typeof propertyBody>;

/** `PATCH /v1/photos/:id/room`: the room a photo shows (null clears it). */
export const photoRoomBody = z.object({ room: z.enum(ROOM_TYPES).nullable() });

/**
 * One transformation of one photo. `style` is required for `stage` (and refused for the others);
 * `roomType` defaults to the photo's room.
 */
export const transformationBody = z
  .object({
    kind: z.enum(TRANSFORMATION_KINDS),
    style: z.enum(STAGING_STYLES).optional(),
    roomType: z.enum(ROOM_TYPES).optional(),
  })
  .refine((b) => (b.kind === 'stage') === (b.style !== undefined), { path: ['style'], message: 'A style goes with `stage`, and only with it' });
export type TransformationBody = z.output<typeof transformationBody>;

/** `POST /v1/albums/:id/transformations`: several photos of one property at once, all reserved or none. */
export const albumTransformationsBody = z.object({
  items: z
    .array(z.object({ photoId: z.string().min(1), kind: z.enum(TRANSFORMATION_KINDS), style: z.enum(STAGING_STYLES).optional(), roomType: z.enum(ROOM_TYPES).optional() }))
    .min(1)
    .max(100),
});
export type AlbumTransformationsBody = z.output<typeof albumTransformationsBody>;

/** `PUT /v1/photos/:id/shown-version`: the version the public gallery shows (null = the original). */
export const shownVersionBody = z.object({ transformationId: z.string().min(1).nullable() });
