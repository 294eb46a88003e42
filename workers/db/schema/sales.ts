/** Selling photos to runners: price packs, orders, their lines and the photos they unlock. */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DOWNLOAD_SIZES, ORDER_STATUSES, PACK_SCOPES } from '../../shared/enums';
import { workspaces } from './accounts';
import { albums, photos } from './albums';
import { createdAt } from './columns';

/** What a photographer sells from an album: one photo, all photos of a bib, or the whole album, at a size. */
export const pricePacks = sqliteTable(
  'price_packs',
  {
    id: text('id').primaryKey(),
    albumId: text('album_id').notNull().references(() => albums.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scope: text('scope', { enum: PACK_SCOPES }).notNull(),
    size: text('size', { enum: DOWNLOAD_SIZES }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull().default('eur'),
    createdAt: createdAt(),
  },
  (t) => [index('price_packs_album_idx').on(t.albumId)],
);

/** A runner's purchase (guest checkout: an email, no account). Downloads exist only once `paid`. */
export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    albumId: text('album_id').notNull().references(() => albums.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('pending'),
    /** The largest size bought: a web-size pack never unlocks originals. */
    size: text('size', { enum: DOWNLOAD_SIZES }).notNull(),
    subtotalCents: integer('subtotal_cents').notNull(),
    feeCents: integer('fee_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    currency: text('currency').notNull(),
    stripeSessionId: text('stripe_session_id'),
    stripePaymentIntentId: text('stripe_payment_intent_id'),
    paidAt: integer('paid_at', { mode: 'timestamp_ms' }),
    /** The guest's address was blanked by the retention sweep (kept N months, see config). */
    emailErasedAt: integer('email_erased_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('orders_session_idx').on(t.stripeSessionId), index('orders_workspace_idx').on(t.workspaceId, t.createdAt)],
);

/** The cart lines (pack + what it applies to) and their prices at checkout time. */
export const orderItems = sqliteTable(
  'order_items',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
    packId: text('pack_id').notNull(),
    photoId: text('photo_id'),
    bib: text('bib'),
    amountCents: integer('amount_cents').notNull(),
  },
  (t) => [index('order_items_order_idx').on(t.orderId)],
);

/** The photos an order unlocks, resolved at checkout (what the buyer saw is what they get). */
export const orderPhotos = sqliteTable(
  'order_photos',
  {
    orderId: text('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
    photoId: text('photo_id').notNull().references(() => photos.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.photoId] })],
);

export type PricePack = typeof pricePacks.$inferSelect;
export type Order = typeof orders.$inferSelect;
