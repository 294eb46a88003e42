/** Who did what, in which workspace and request. */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id'),
    actorUserId: text('actor_user_id'),
    actorApiKeyId: text('actor_api_key_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
    requestId: text('request_id'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_workspace_idx').on(t.workspaceId, t.createdAt)],
);
