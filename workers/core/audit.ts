import { auditLog } from '../db/schema/index';
import type { Db } from './db/client';
import { newId } from '../shared/ids';

export type AuditEntry = {
  workspaceId: string | null;
  actorUserId: string | null;
  actorApiKeyId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
  requestId?: string;
};

/** An audit insert to put in the same `batch()` as the change it records. */
export function auditInsert(db: Db, entry: AuditEntry) {
  return db.insert(auditLog).values({ id: newId('aud'), ...entry });
}

/** Who acts, in which workspace, within which request: what every audited service call takes. */
export type Actor = { workspaceId: string; actorUserId: string | null; actorApiKeyId: string | null; requestId: string };
