/** Emails to send, written in the same batch as what they announce. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { EMAIL_STATUSES } from '../../shared/enums';
import { createdAt } from './columns';

/**
 * Transactional outbox: an email is a row written in the same batch as what it announces, then
 * sent by the email queue consumer. `dedupeKey` makes "the order-paid email" exist once.
 */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: text('id').primaryKey(),
    dedupeKey: text('dedupe_key').notNull(),
    to: text('to').notNull(),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: EMAIL_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    providerId: text('provider_id'),
    lastError: text('last_error'),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('email_outbox_dedupe_idx').on(t.dedupeKey), index('email_outbox_status_idx').on(t.status, t.createdAt)],
);

export type EmailRow = typeof emailOutbox.$inferSelect;
