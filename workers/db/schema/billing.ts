/** Credits (an append-only ledger) and the Stripe events already applied. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LEDGER_REASONS } from '../../shared/enums';
import { workspaces } from './accounts';
import { createdAt } from './columns';

/**
 * Every credit change is a row, with the balance it left. `reference` ties a row to what caused
 * it (a Checkout Session, an invoice, `recognise:<photoId>`); the unique index makes each
 * (reason, reference) happen once, which is what makes grants, reservations and refunds idempotent.
 */
export const creditLedger = sqliteTable(
  'credit_ledger',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    delta: integer('delta').notNull(),
    reason: text('reason', { enum: LEDGER_REASONS }).notNull(),
    reference: text('reference').notNull(),
    balanceAfter: integer('balance_after').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('credit_ledger_once_idx').on(t.workspaceId, t.reason, t.reference),
    index('credit_ledger_workspace_idx').on(t.workspaceId, t.createdAt),
  ],
);

/** Stripe events already handled: Stripe delivers at least once, sometimes twice, sometimes late. */
export const stripeEvents = sqliteTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  createdAt: createdAt(),
});
