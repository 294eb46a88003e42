import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiKeys, type ApiKey } from '../../db/schema/index';
import type { Scope } from '../../shared/constants';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { safeEqual, sha256Hex } from '../../shared/encoding';
import { displayPrefix, generateApiKey, isWellFormedApiKey } from './api-key-token';
import { newId } from '../../shared/ids';
import { auditInsert, type Actor } from '../../core/audit';

const publicKey = (k: ApiKey) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes,
  createdAt: k.createdAt,
  lastUsedAt: k.lastUsedAt,
});

/** Creates a key; the only time the full key exists outside the caller's hands is this return value. */
export async function createApiKey(db: Db, actor: Actor, input: { name: string; scopes: Scope[] }) {
  const key = generateApiKey();
  const id = newId('key');
  await db.batch([
    db.insert(apiKeys).values({
      id,
      workspaceId: actor.workspaceId,
      createdBy: actor.actorUserId,
      name: input.name,
      prefix: displayPrefix(key),
      hash: await sha256Hex(key),
      scopes: input.scopes,
    }),
    auditInsert(db, { ...actor, action: 'api_key.created', targetType: 'api_key', targetId: id, data: { name: input.name, scopes: input.scopes } }),
  ]);
  const row = await db.select().from(apiKeys).where(eq(apiKeys.id, id)).get();
  return { ...publicKey(row!), key };
}

export async function listApiKeys(db: Db, workspaceId: string) {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(publicKey);
}

export async function revokeApiKey(db: Db, actor: Actor, id: string) {
  const result = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.workspaceId, actor.workspaceId), isNull(apiKeys.revokedAt)));
  if (result.meta.changes === 0) throw new AppError('API_KEY_NOT_FOUND', 'No such API key in this workspace');
  await auditInsert(db, { ...actor, action: 'api_key.revoked', targetType: 'api_key', targetId: id });
}

/** The live key row for a presented key, or an INVALID_API_KEY error. */
export async function authenticateApiKey(db: Db, presented: string): Promise<ApiKey> {
  if (!isWellFormedApiKey(presented)) throw new AppError('INVALID_API_KEY', 'The API key is malformed');
  const hash = await sha256Hex(presented);
  const row = await db.select().from(apiKeys).where(eq(apiKeys.hash, hash)).get();
  if (!row || !safeEqual(row.hash, hash) || row.revokedAt) {
    throw new AppError('INVALID_API_KEY', 'The API key is unknown or revoked');
  }
  return row;
}

/** Records use without slowing the request (called through waitUntil). */
export async function touchApiKey(db: Db, id: string) {
  await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, id));
}
