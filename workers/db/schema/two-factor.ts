/** Two-factor authentication: a user's TOTP secret, their recovery codes, and wrong codes (for the lockout). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { createdAt } from './columns';

export const twoFactorSecrets = sqliteTable('two_factor_secrets', {
  userId: text('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  /** The TOTP seed sealed with AES-GCM under a key derived from JWT_SECRET (modules/accounts/secret-box.ts). */
  secretBox: text('secret_box').notNull(),
  /** Null while set up but not yet confirmed with a code: sign-in asks for a code only once it is set. */
  enabledAt: integer('enabled_at', { mode: 'timestamp_ms' }),
  /** The last time step whose code was accepted: that code and earlier ones are refused (no replay). */
  lastUsedStep: integer('last_used_step'),
  createdAt: createdAt(),
});

export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    /** SHA-256 (hex) of the code, normalised: the code itself is shown once and never stored. */
    codeHash: text('code_hash').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** One row per wrong code: five within 15 minutes lock the user's code checks until the oldest ages out. */
export const twoFactorFailures = sqliteTable(
  'two_factor_failures',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('two_factor_failures_user_idx').on(t.userId, t.createdAt)],
);

export type TwoFactorSecret = typeof twoFactorSecrets.$inferSelect;
