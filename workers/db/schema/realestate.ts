/** Real-estate workspaces: an album is a property, and its photos get transformations (paid work). */
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { PROPERTY_TYPES, ROOM_TYPES, STAGING_STYLES, TRANSFORMATION_KINDS, TRANSFORMATION_STATUSES } from '../../shared/enums';
import { workspaces } from './accounts';
import { albums, photos } from './albums';
import { createdAt, updatedAt } from './columns';

/** A property's record (one row per album, made on first save). */
export const properties = sqliteTable(
  'properties',
  {
    albumId: text('album_id').primaryKey().references(() => albums.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    address: text('address'),
    propertyType: text('property_type', { enum: PROPERTY_TYPES }),
    surfaceM2: real('surface_m2'),
    rooms: integer('rooms'),
    bedrooms: integer('bedrooms'),
    /** Integer cents, like every amount in the database. */
    priceCents: integer('price_cents'),
    /** The agency's own listing reference (its mandate number). */
    reference: text('reference'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('properties_workspace_idx').on(t.workspaceId)],
);

/**
 * One transformation asked for on one photo: paid work with its own job (`photo.transform`,
 * ledger reference `trf:<id>`). The original is never touched; the result is stored under
 * `transformationKeys(photoId, id)`. `batchId` groups the photos of one request (one email when
 * the last of them finishes).
 */
export const transformations = sqliteTable(
  'transformations',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    albumId: text('album_id').notNull().references(() => albums.id, { onDelete: 'cascade' }),
    photoId: text('photo_id').notNull().references(() => photos.id, { onDelete: 'cascade' }),
    batchId: text('batch_id').notNull(),
    kind: text('kind', { enum: TRANSFORMATION_KINDS }).notNull(),
    style: text('style', { enum: STAGING_STYLES }),
    roomType: text('room_type', { enum: ROOM_TYPES }),
    /** The generative engines' seed: one per property and style, so staged rooms look like one home. */
    seed: integer('seed').notNull(),
    status: text('status', { enum: TRANSFORMATION_STATUSES }).notNull().default('queued'),
    /** Why it failed, in words the agent can act on. */
    reason: text('reason'),
    credits: integer('credits').notNull(),
    /** What made it: `classic` or the Workers AI model id. */
    engine: text('engine'),
    /** True when the disclosure label was stamped on the result. */
    labelled: integer('labelled', { mode: 'boolean' }).notNull().default(false),
    width: integer('width'),
    height: integer('height'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('transformations_photo_idx').on(t.photoId, t.createdAt),
    index('transformations_album_idx').on(t.albumId, t.createdAt),
    index('transformations_batch_idx').on(t.batchId),
    // Only the ones under way: what the cron looks through for lost jobs.
    index('transformations_unfinished_idx')
      .on(t.updatedAt)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
);

export type Property = typeof properties.$inferSelect;
export type Transformation = typeof transformations.$inferSelect;
