/** Invitations to join a workspace: an emailed single-use link, stored as its hash. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { INVITED_ROLES } from '../../shared/enums';
import { users, workspaces } from './accounts';
import { createdAt } from './columns';

export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The address invited (lower case): only an account with this email can accept. */
    email: text('email').notNull(),
    role: text('role', { enum: INVITED_ROLES }).notNull(),
    /** SHA-256 (hex) of the emailed token: the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
    acceptedBy: text('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    /** Cancelled by an admin, or replaced by a newer invitation of the same address. */
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('invitations_workspace_idx').on(t.workspaceId, t.email)],
);

export type Invitation = typeof invitations.$inferSelect;
