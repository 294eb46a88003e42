/** People, the workspaces they work in, and the API keys those workspaces hand out. */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { MEMBER_ROLES, WORKSPACE_KINDS } from '../../shared/enums';
import { createdAt } from './columns';

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** When the address was confirmed from the emailed link: until then the account cannot sell or buy credits. */
  emailVerifiedAt: integer('email_verified_at', { mode: 'timestamp_ms' }),
  isPlatformAdmin: integer('is_platform_admin', { mode: 'boolean' }).notNull().default(false),
  /** Deletion asked for: sign-in refused, sessions ended; the erase job removes the row itself. */
  deletingSince: integer('deleting_since', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});

export const workspaces = sqliteTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: WORKSPACE_KINDS }).notNull(),
  /** Credits left; changed only together with a `credit_ledger` row (workers/modules/billing/credits.ts). */
  creditBalance: integer('credit_balance').notNull().default(0),
  /** The Stripe customer that pays for credits and subscriptions. */
  stripeCustomerId: text('stripe_customer_id'),
  /** The Connect Express account photo sales pay out to; `payable` once Stripe says it can take charges and payouts. */
  stripeAccountId: text('stripe_account_id'),
  payable: integer('payable', { mode: 'boolean' }).notNull().default(false),
  /** `created` (seconds) of the last `account.updated` applied: older events arriving late are ignored. */
  stripeAccountEventAt: integer('stripe_account_event_at'),
  /** The current subscription (id, plan, Stripe status), if any. */
  subscriptionId: text('subscription_id'),
  subscriptionPlan: text('subscription_plan'),
  subscriptionStatus: text('subscription_status'),
  /** The owner asks every member to sign in with two-factor: without it they reach only their own account. */
  requireTwoFactor: integer('require_two_factor', { mode: 'boolean' }).notNull().default(false),
  /** Deletion asked for: no one can open it any more; the erase job removes it and all it owns. */
  deletingSince: integer('deleting_since', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});

export const memberships = sqliteTable(
  'memberships',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: MEMBER_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    /** The first characters of the key, shown in lists so people can tell keys apart. */
    prefix: text('prefix').notNull(),
    /** SHA-256 of the whole key, hex. The key itself is never stored. */
    hash: text('hash').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<string[]>().notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_keys_hash_idx').on(t.hash), index('api_keys_workspace_idx').on(t.workspaceId)],
);

export type User = typeof users.$inferSelect;
export type Workspace = typeof workspaces.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
