/** Vehicles workspaces: an album is a vehicle, and this is its record (one row per album, made on first save). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { GEARBOXES, PLATE_FORMATS, VEHICLE_CONDITIONS, VEHICLE_FUELS, VEHICLE_STATUSES } from '../../shared/enums';
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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('vehicles_workspace_status_idx').on(t.workspaceId, t.status)],
);

export type Vehicle = typeof vehicles.$inferSelect;
