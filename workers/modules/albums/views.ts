/**
 * What the albums routes answer: the response schemas of the OpenAPI document and the types the
 * SPA reads (zod only, so web/ can import them).
 */
import { z } from 'zod';
import { ALBUM_VISIBILITIES, BACKDROP_IDS, PHOTO_STATUSES, PLATE_TREATMENTS, RECOGNITION_STATUSES, ROOM_TYPES, STUDIO_STATUSES, TAG_KINDS, TAG_STATUSES } from '../../shared/enums';
import { WATERMARK_POSITIONS } from '../../shared/constants';

const timestamp = z.string().meta({ description: 'ISO 8601', example: '2026-04-12T08:30:00.000Z' });
export const nextCursor = z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page' });

export const albumView = z
  .object({
    id: z.string().meta({ example: 'alb_01hx3k9d0w5v7q8r' }),
    title: z.string().meta({ example: 'Paris Half Marathon 2026' }),
    slug: z.string().meta({ example: 'paris-half-marathon-2026' }),
    visibility: z.enum(ALBUM_VISIBILITIES),
    date: z.string().nullable(),
    location: z.string().nullable(),
    watermark: z.object({ text: z.string(), position: z.enum(WATERMARK_POSITIONS).or(z.string()), opacity: z.number() }).nullable(),
    bibRules: z
      .object({ minDigits: z.number(), maxDigits: z.number(), min: z.number().nullish(), max: z.number().nullish(), exclude: z.array(z.string()) })
      .nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Album' });

export const photoCountsView = z
  .partialRecord(z.enum([...PHOTO_STATUSES, 'reading']), z.number())
  .meta({ description: 'Photos by status; `reading`: photos whose bibs or plate are still being read' });

const variant = z.object({ url: z.string(), width: z.number().nullable(), height: z.number().nullable() });

const studioOptions = z.object({
  backdrop: z.enum(BACKDROP_IDS),
  scale: z.number(),
  positionX: z.number(),
  positionY: z.number(),
  autoCentre: z.boolean(),
  shadow: z.boolean(),
  reflection: z.boolean(),
  plate: z.enum(PLATE_TREATMENTS),
});

export const studioView = z
  .object({
    status: z.enum(STUDIO_STATUSES),
    options: studioOptions.nullable().meta({ description: 'The look asked for last (being made while queued or running)' }),
    doubtful: z.boolean().meta({ description: 'The stored image is doubtful (the cutout\'s checks, a plate that could not be hidden): shown to the dealer, never published' }),
    reasons: z.array(z.string()),
    note: z.string().nullable().meta({ description: 'Why the last job failed' }),
    url: z.string().nullable().meta({ description: 'The stored image (1600 px WebP), authenticated like cutout.png; null until one is made' }),
    thumbUrl: z.string().nullable(),
  })
  .meta({ id: 'StudioImage' });

export const photoView = z
  .object({
    id: z.string().meta({ example: 'pho_01hx3kb2c4d5e6f7' }),
    albumId: z.string(),
    status: z.enum(PHOTO_STATUSES),
    name: z.string(),
    type: z.string(),
    size: z.number(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    sha256: z.string().nullable(),
    takenAt: timestamp.nullable(),
    camera: z.string().nullable(),
    quality: z.object({ phash: z.string(), blurScore: z.number().nullable(), isBlurry: z.boolean().nullable() }).nullable(),
    duplicateOf: z.string().nullable(),
    nearDuplicateOf: z.string().nullable(),
    placeholder: z.string().nullable(),
    variants: z.object({ web: variant, thumb: variant }).nullable().meta({ description: 'Once ready; owner URLs carry a short-lived grant' }),
    recognition: z.object({ status: z.enum(RECOGNITION_STATUSES), note: z.string().nullable() }).nullable(),
    cutout: z
      .object({ subjectArea: z.number(), touchesBorder: z.boolean(), doubtful: z.boolean(), reasons: z.array(z.string()), createdAt: z.string(), url: z.string() })
      .nullable(),
    studio: studioView.nullable().meta({ description: 'Vehicles: the photo on a studio backdrop (`POST /v1/photos/{id}/studio`)' }),
    room: z.enum(ROOM_TYPES).nullable().meta({ description: 'Real estate: the room the photo shows (`PATCH /v1/photos/{id}/room`)' }),
    shownTransformationId: z.string().nullable().meta({ description: 'Real estate: the transformation the public gallery shows instead of the original (`PUT /v1/photos/{id}/shown-version`)' }),
    processing: z.object({ ms: z.number(), peakWasmBytes: z.number().nullable() }).nullable(),
    error: z.object({ code: z.string(), message: z.string().nullable() }).nullable(),
    createdAt: timestamp,
    uploadedAt: timestamp.nullable(),
    updatedAt: timestamp,
    tags: z
      .array(z.object({ id: z.string(), kind: z.enum(TAG_KINDS), value: z.string(), status: z.enum(TAG_STATUSES) }))
      .optional()
      .meta({ description: "In an album's photo list: the bibs or plates read on the photo (change them with `POST /v1/photos/{id}/tags`)" }),
  })
  .meta({ id: 'Photo' });

export const publicAlbumView = z
  .object({ title: z.string(), slug: z.string(), date: z.string().nullable(), location: z.string().nullable(), photoCount: z.number(), version: z.number() })
  .meta({ id: 'PublicAlbum' });

const sizedVariant = z.object({ url: z.string(), width: z.number().nullable(), height: z.number().nullable() });

export const publicPhotoView = z
  .object({
    id: z.string(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    placeholder: z.string().nullable(),
    takenAt: timestamp.nullable(),
    thumb: sizedVariant,
    web: sizedVariant,
  })
  .meta({ id: 'PublicPhoto' });

export const publicPhotosPage = z.object({
  photos: z.array(publicPhotoView),
  nextCursor,
  runners: z.array(z.object({ bib: z.string(), name: z.string(), category: z.string().nullable() })).optional(),
});

export type AlbumView = z.infer<typeof albumView>;
export type PhotoView = z.infer<typeof photoView>;
export type PhotoCounts = z.infer<typeof photoCountsView>;
export type PublicAlbumView = z.infer<typeof publicAlbumView>;
export type PublicPhotoView = z.infer<typeof publicPhotoView>;
export type PublicPhotosPage = z.infer<typeof publicPhotosPage>;
