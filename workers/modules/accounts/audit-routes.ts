import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, users } from '../../db/schema/index';
import { cursorParam, keysetAfter, pageOf } from '../../core/db/cursor';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, router } from '../../core/http/route';
import { pageQuery } from '../../shared/schemas/pagination';

const entryView = z
  .object({
    id: z.string(),
    action: z.string().meta({ example: 'member.role_changed' }),
    actor: z.object({ userId: z.string().nullable(), name: z.string().nullable(), apiKeyId: z.string().nullable() }),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.string().meta({ description: 'ISO 8601' }),
  })
  .meta({ id: 'AuditEntry' });

/** The workspace's audit log, for its owners: role changes, invitations, keys, verifications, newest first. */
export const auditRoutes = router().openapi(
  defineRoute({
    method: 'get', path: '/audit-log', tags: ['Members'], summary: "The workspace's audit log, newest first, paged (owners)", access: access.owner,
    request: { query: pageQuery },
    responses: { 200: json(z.object({ entries: z.array(entryView), nextCursor: z.string().nullable() }).meta({ id: 'AuditLog' })) },
  }),
  async (c) => {
    const { cursor, limit } = c.req.valid('query');
    const after = keysetAfter(cursorParam(cursor), auditLog.createdAt, auditLog.id, 'desc');
    const rows = await c
      .get('db')
      .select({ entry: auditLog, name: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(eq(auditLog.workspaceId, c.get('principal').workspaceId), after))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(limit + 1);
    const { items, nextCursor } = pageOf(rows.map((r) => ({ ...r.entry, name: r.name })), limit, (r) => r.createdAt);
    const entries = items.map((e) => ({
      id: e.id, action: e.action, actor: { userId: e.actorUserId, name: e.name, apiKeyId: e.actorApiKeyId },
      targetType: e.targetType, targetId: e.targetId, data: e.data ?? null, createdAt: e.createdAt.toISOString(),
    }));
    return c.json({ entries, nextCursor }, 200);
  },
);
