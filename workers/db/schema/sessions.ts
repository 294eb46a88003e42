/** Sign-in sessions (each session token names one, so it can be ended) and password resets. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { createdAt } from './columns';

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** The browser or client that signed in (its User-Agent, cut short), to tell sessions apart. */
    userAgent: text('user_agent'),
    /** When a request last used it, to the nearest few minutes (not written on every request). */
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    /** Same as the token's `exp`: a session outlives no token of its own. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    /** Signed out, ended from another session, or by a password change or reset. */
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const passwordResets = sqliteTable(
  'password_resets',
  {
    /** SHA-256 (hex) of the emailed token: the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    /** Set once, by the reset that used it (or when another reset of the user made it void). */
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

export type Session = typeof sessions.$inferSelect;
