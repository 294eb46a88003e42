/** What the real-estate routes answer (zod only, so web/ can import the types). */
import { z } from 'zod';
import { PROPERTY_TYPES, ROOM_TYPES, STAGING_STYLES, TRANSFORMATION_KINDS, TRANSFORMATION_STATUSES } from '../../shared/enums';
import type { Transformation } from '../../db/schema/index';

const timestamp = z.string().meta({ description: 'ISO 8601' });

export const propertyView = z
  .object({
    albumId: z.string(),
    address: z.string().nullable(),
    propertyType: z.enum(PROPERTY_TYPES).nullable(),
    surfaceM2: z.number().nullable(),
    rooms: z.number().nullable(),
    bedrooms: z.number().nullable(),
    priceCents: z.number().nullable(),
    reference: z.string().nullable(),
    updatedAt: timestamp.nullable(),
  })
  .meta({ id: 'Property' });

export const propertySummaryView = z.object({
  albumId: z.string(),
  title: z.string(),
  slug: z.string(),
  property: propertyView,
  photoCount: z.number(),
  coverThumbUrl: z.string().nullable(),
  transformations: z.object({ done: z.number(), underWay: z.number() }),
});

export const transformationView = z
  .object({
    id: z.string().meta({ example: 'trf_01hx3kb2c4d5e6f7' }),
    photoId: z.string(),
    albumId: z.string(),
    batchId: z.string(),
    kind: z.enum(TRANSFORMATION_KINDS),
    style: z.enum(STAGING_STYLES).nullable(),
    roomType: z.enum(ROOM_TYPES).nullable(),
    status: z.enum(TRANSFORMATION_STATUSES),
    reason: z.string().nullable(),
    credits: z.number(),
    engine: z.string().nullable(),
    labelled: z.boolean(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    createdAt: timestamp,
    finishedAt: timestamp.nullable(),
    urls: z.object({ web: z.string(), thumb: z.string() }).nullable().meta({ description: "Once done: the owner's images (authenticated)" }),
  })
  .meta({ id: 'Transformation' });

/** A row as the API shows it; the image URLs only once it is done. */
export const transformationOf = (t: Transformation) => ({
  id: t.id, photoId: t.photoId, albumId: t.albumId, batchId: t.batchId, kind: t.kind, style: t.style, roomType: t.roomType,
  status: t.status, reason: t.reason, credits: t.credits, engine: t.engine, labelled: t.labelled, width: t.width, height: t.height,
  createdAt: t.createdAt.toISOString(), finishedAt: t.finishedAt?.toISOString() ?? null,
  urls: t.status === 'done' ? { web: `/v1/transformations/${t.id}/web.webp`, thumb: `/v1/transformations/${t.id}/thumb.webp` } : null,
});

export type PropertyView = z.infer<typeof propertyView>;
export type PropertySummaryView = z.infer<typeof propertySummaryView>;
export type TransformationView = z.infer<typeof transformationView>;
