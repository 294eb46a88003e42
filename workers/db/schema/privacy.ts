/**
 * GDPR: data exports (a ZIP in R2 behind an expiring signed link) and the accounting minimum an
 * erased workspace leaves behind (orders are bookkeeping records the law keeps for years).
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { EXPORT_STATUSES } from '../../shared/enums';
import { users } from './accounts';
import { createdAt } from './columns';

export const dataExports = sqliteTable(
  'data_exports',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: EXPORT_STATUSES }).notNull().default('queued'),
    /** The ZIP's R2 key once written (`exports/<userId>/<exportId>.zip`). */
    objectKey: text('object_key'),
    bytes: integer('bytes'),
    /** How many files the ZIP holds (JSON documents and originals). */
    files: integer('files'),
    error: text('error'),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
    /** The link and the ZIP end together: the cron deletes the object after this. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('data_exports_user_idx').on(t.userId, t.createdAt)],
);

export type DataExport = typeof dataExports.$inferSelect;

/**
 * What an order leaves when its album or workspace is deleted: amounts, dates and the payment's
 * reference for the books, no buyer, no photo. No foreign keys: it outlives what it came from.
 */
export const retainedOrders = sqliteTable(
  'retained_orders',
  {
    orderId: text('order_id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    status: text('status').notNull(),
    subtotalCents: integer('subtotal_cents').notNull(),
    feeCents: integer('fee_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    currency: text('currency').notNull(),
    stripePaymentIntentId: text('stripe_payment_intent_id'),
    paidAt: integer('paid_at', { mode: 'timestamp_ms' }),
    orderedAt: integer('ordered_at', { mode: 'timestamp_ms' }).notNull(),
    retainedAt: createdAt(),
  },
  (t) => [index('retained_orders_workspace_idx').on(t.workspaceId)],
);
