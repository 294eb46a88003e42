/** Albums, their photos (one row per original, carrying the pipeline's results) and open multipart uploads. */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ALBUM_VISIBILITIES,
  type BibRules,
  type CutoutInfo,
  CUTOUT_STATUSES,
  PHOTO_STATUSES,
  RECOGNITION_STATUSES,
  ROOM_TYPES,
  type StudioInfo,
  type StudioOptions,
  STUDIO_STATUSES,
  type Watermark,
} from '../../shared/enums';
import { workspaces } from './accounts';
import { createdAt, updatedAt } from './columns';

export const albums = sqliteTable(
  'albums',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** Global, because public pages live at /e/:slug. */
    slug: text('slug').notNull(),
    visibility: text('visibility', { enum: ALBUM_VISIBILITIES }).notNull().default('private'),
    date: text('date'),
    location: text('location'),
    watermark: text('watermark', { mode: 'json' }).$type<Watermark | null>(),
    bibRules: text('bib_rules', { mode: 'json' }).$type<BibRules | null>(),
    /** Bumped whenever what the public gallery shows changes: versions its cached JSON. */
    contentVersion: integer('content_version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('albums_slug_idx').on(t.slug), index('albums_workspace_idx').on(t.workspaceId, t.createdAt)],
);

export const photos = sqliteTable(
  'photos',
  {
    id: text('id').primaryKey(),
    albumId: text('album_id').notNull().references(() => albums.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    status: text('status', { enum: PHOTO_STATUSES }).notNull().default('pending'),
    originalName: text('original_name').notNull(),
    /** What the client announced; the upload URL is bound to it. */
    declaredSize: integer('declared_size').notNull(),
    declaredType: text('declared_type').notNull(),
    originalKey: text('original_key').notNull(),
    /** Set while a multipart upload is open (R2 upload id). */
    multipartUploadId: text('multipart_upload_id'),
    /** The real type, sniffed from magic bytes once the bytes landed. */
    contentType: text('content_type'),
    size: integer('size'),
    sha256: text('sha256'),
    width: integer('width'),
    height: integer('height'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** From EXIF: local capture time as written by the camera (no zone), and make + model. */
    takenAt: text('taken_at'),
    camera: text('camera'),
    /** 64-bit DCT perceptual hash, hex; near duplicates are a small Hamming distance apart. */
    phash: text('phash'),
    blurScore: real('blur_score'),
    isBlurry: integer('is_blurry', { mode: 'boolean' }),
    /** ThumbHash (base64) shown while the thumbnail loads. */
    placeholder: text('placeholder'),
    duplicateOf: text('duplicate_of'),
    nearDuplicateOf: text('near_duplicate_of'),
    webWidth: integer('web_width'),
    webHeight: integer('web_height'),
    thumbWidth: integer('thumb_width'),
    thumbHeight: integer('thumb_height'),
    /** The watermark the variants carry (JSON), so a watermark change re-renders exactly once. */
    renderedWith: text('rendered_with'),
    /** Bumped each time variants are (re)written: part of their immutable public URLs. */
    variantsVersion: integer('variants_version').notNull().default(0),
    processingMs: integer('processing_ms'),
    /**
     * Reading bibs/plates after the variants: null (not applicable), queued, done, skipped
     * (duplicate, blurry), failed; `awaiting_credits` when the workspace had no credit left,
     * resumed when credits are granted.
     */
    recognition: text('recognition', { enum: RECOGNITION_STATUSES }),
    recognitionNote: text('recognition_note'),
    cutout: text('cutout', { mode: 'json' }).$type<CutoutInfo | null>(),
    /** The cutout job: `queued` (credits reserved) -> `running` -> `done` | `failed` (refunded); null: never asked. */
    cutoutStatus: text('cutout_status', { enum: CUTOUT_STATUSES }),
    /** The current cutout job's id, part of its ledger reference: each cutout asked for is paid once. */
    cutoutJob: text('cutout_job'),
    /** Why the last cutout failed. */
    cutoutNote: text('cutout_note'),
    /** The studio image (vehicles): the car on a backdrop, made from the cutout; see shared/enums.ts. */
    studio: text('studio', { mode: 'json' }).$type<StudioInfo | null>(),
    studioStatus: text('studio_status', { enum: STUDIO_STATUSES }),
    /**
     * The look asked for last: what a queued or running job makes (the job re-reads it, and the
     * cron re-sends a lost job from it); `studio.options` is the look of the image stored.
     */
    studioRequest: text('studio_request', { mode: 'json' }).$type<StudioOptions | null>(),
    /** The current studio job's id, part of its ledger reference: each studio image asked for is paid once. */
    studioJob: text('studio_job'),
    /** Why the last studio job failed. */
    studioNote: text('studio_note'),
    /** Bumped each time the studio image is written: part of its immutable public URL. */
    studioVersion: integer('studio_version').notNull().default(0),
    /** Real estate: the room the photo shows, given by the agent. */
    room: text('room', { enum: ROOM_TYPES }),
    /**
     * Real estate: the transformation the agent chose to show instead of the original in the
     * public gallery ("use this version"); null = the original. Never set by a job on its own.
     */
    shownTransformationId: text('shown_transformation_id'),
    peakWasmBytes: integer('peak_wasm_bytes'),
    /** Gallery order: capture time when known, else upload time. */
    sortAt: integer('sort_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('photos_album_idx').on(t.albumId, t.createdAt, t.id),
    index('photos_workspace_idx').on(t.workspaceId),
    index('photos_gallery_idx').on(t.albumId, t.status, t.sortAt, t.id),
    index('photos_album_sha_idx').on(t.albumId, t.sha256),
    // Only unfinished photos: what the cron looks through for lost jobs (workers/modules/media/jobs/sweep.ts).
    index('photos_unfinished_idx')
      .on(t.updatedAt)
      .where(sql`${t.status} in ('uploaded', 'processing') or ${t.recognition} = 'queued'`),
    // Only cutouts under way: what the cron looks through for lost cutout jobs (modules/recognition/jobs).
    index('photos_cutout_unfinished_idx')
      .on(t.updatedAt)
      .where(sql`${t.cutoutStatus} in ('queued', 'running')`),
    index('photos_studio_unfinished_idx')
      .on(t.updatedAt)
      .where(sql`${t.studioStatus} in ('queued', 'running')`),
  ],
);

/**
 * Parts of open multipart uploads received by the Worker upload route: the R2 binding cannot
 * list them, and a client resuming after a reload needs to know which parts are already there.
 */
export const uploadParts = sqliteTable(
  'upload_parts',
  {
    photoId: text('photo_id').notNull().references(() => photos.id, { onDelete: 'cascade' }),
    partNumber: integer('part_number').notNull(),
    etag: text('etag').notNull(),
    size: integer('size').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.photoId, t.partNumber] })],
);

export type Album = typeof albums.$inferSelect;
export type Photo = typeof photos.$inferSelect;
