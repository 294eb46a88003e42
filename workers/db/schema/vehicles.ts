/** Vehicles workspaces: an album is a vehicle, and this is its record (one row per album, made on first save). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { GEARBOXES, LEAD_STATUSES, LISTING_LANGS, PLATE_FORMATS, VEHICLE_CONDITIONS, VEHICLE_FUELS, VEHICLE_STATUSES } from '../../shared/enums';
import { workspaces } from './accounts';
import { albums } from './albums';
import { createdAt, updatedAt } from './columns';

export const vehicles = sqliteTable(
  'vehicles',
  {
    albumId: text('album_id').primaryKey().references(() => albums.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The plate the dealer typed, normalised; null = the record shows the best read from the photos. */
    plate: text('plate'),
    plateFormat: text('plate_format', { enum: PLATE_FORMATS }),
    make: text('make'),
    model: text('model'),
    version: text('version'),
    year: integer('year'),
    /** YYYY-MM-DD, the French "date de première mise en circulation". */
    firstRegistration: text('first_registration'),
    mileageKm: integer('mileage_km'),
    fuel: text('fuel', { enum: VEHICLE_FUELS }),
    gearbox: text('gearbox', { enum: GEARBOXES }),
    powerHp: integer('power_hp'),
    colour: text('colour'),
    doors: integer('doors'),
    seats: integer('seats'),
    condition: text('condition', { enum: VEHICLE_CONDITIONS }),
    equipment: text('equipment', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Integer cents, like every amount in the database. `newPriceCents` is the base of the estimate. */
    newPriceCents: integer('new_price_cents'),
    askingPriceCents: integer('asking_price_cents'),
    status: text('status', { enum: VEHICLE_STATUSES }).notNull().default('draft'),
    /** Both set exactly when `status` is `sold`: the workspace's own sales feed its estimates. */
    soldPriceCents: integer('sold_price_cents'),
    soldAt: text('sold_at'),
    /** The listing the dealer publishes: generated (`POST .../vehicle/listing`), then edited. */
    listingTitle: text('listing_title'),
    listingText: text('listing_text'),
    listingLang: text('listing_lang', { enum: LISTING_LANGS }),
    /** When the status last became `published` (the feed's order). */
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('vehicles_workspace_status_idx').on(t.workspaceId, t.status)],
);

/** A visitor's contact request from a public vehicle page, and the dealer's follow-up of it. */
export const leads = sqliteTable(
  'leads',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    albumId: text('album_id').notNull().references(() => albums.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    message: text('message').notNull(),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('new'),
    notes: text('notes'),
    /** YYYY-MM-DD: when the dealer means to follow up. */
    remindOn: text('remind_on'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('leads_workspace_idx').on(t.workspaceId, t.createdAt, t.id), index('leads_album_idx').on(t.albumId, t.createdAt)],
);

export type Vehicle = typeof vehicles.$inferSelect;
export type Lead = typeof leads.$inferSelect;
