/**
 * Deleting an account (GDPR art. 17), in two halves. The request, after the password and the
 * second factor, does what must not wait: in one batch the person leaves every workspace, their
 * sessions end, the workspaces only they were in are marked for erasure (with their API keys
 * revoked), and sign-in is refused. A job then erases those workspaces (erase-workspace.ts) and the
 * person: their exports, emails, invitations, their name on other workspaces' audit entries, and
 * their row. A workspace they own together with others is refused until they hand it over.
 */
import { and, count, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { auditLog, creditLedger, dataExports, emailOutbox, invitations, memberships, users, workspaces } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { createDb } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { auditInsert } from '../../core/audit';
import { sha256Hex } from '../../shared/encoding';
import type { WorkspaceKind } from '../../shared/enums';
import { enqueueAll } from '../../jobs';
import { endSessionsStatement } from '../accounts/sessions';
import { confirmIdentity } from '../accounts/two-factor';
import { outboxInsert, sendQueued } from '../notifications/outbox';
import { closeWorkspaces } from './erase-workspace';

/** How an erased person is named where a trace must stay (the deletion's own audit entry). */
export const erasedSubject = async (userId: string) => `sha256:${await sha256Hex(userId)}`;

/** What deleting the account would do: workspaces erased with it, left behind, or in the way. */
export async function deletionPlan(db: Db, userId: string) {
  const mine = await db
    .select({ id: workspaces.id, name: workspaces.name, kind: workspaces.kind, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId));
  const plan = { erased: [] as { id: string; name: string; kind: WorkspaceKind }[], left: [] as { id: string; name: string }[], blocking: [] as { id: string; name: string; members: number }[] };
  for (const w of mine) {
    const others = await db.select({ role: memberships.role, n: count() }).from(memberships).where(and(eq(memberships.workspaceId, w.id), ne(memberships.userId, userId))).groupBy(memberships.role);
    const members = others.reduce((sum, o) => sum + o.n, 0);
    const owners = others.find((o) => o.role === 'owner')?.n ?? 0;
    if (members === 0) plan.erased.push({ id: w.id, name: w.name, kind: w.kind });
    else if (w.role !== 'owner' || owners > 0) plan.left.push({ id: w.id, name: w.name });
    else plan.blocking.push({ id: w.id, name: w.name, members });
  }
  return plan;
}

export async function requestAccountDeletion(env: Env, masterSecret: string, userId: string, input: { password: string; code?: string }, requestId: string) {
  const db = createDb(env.DB);
  await confirmIdentity(db, masterSecret, userId, input);
  const plan = await deletionPlan(db, userId);
  if (plan.blocking.length) {
    const names = plan.blocking.map((w) => `“${w.name}”`).join(', ');
    throw new AppError('OWNERSHIP_TRANSFER_NEEDED', `You are the only owner of ${names}, which other people work in: make one of them owner (Team), then delete your account`, { workspaces: plan.blocking });
  }
  const erased = plan.erased.map((w) => w.id);
  await db.batch([
    db.update(users).set({ deletingSince: new Date() }).where(eq(users.id, userId)),
    endSessionsStatement(db, userId),
    db.delete(memberships).where(eq(memberships.userId, userId)),
    ...closeWorkspaces(db, erased),
    auditInsert(db, { workspaceId: null, actorUserId: userId, action: 'account.deletion_requested', targetType: 'user', targetId: userId, data: { workspaces: erased.length }, requestId }),
  ]);
  await enqueueAll(env, [...erased.map((id) => ({ type: 'workspace.erase' as const, workspaceId: id, requestId })), { type: 'account.erase', userId, workspacesErased: erased.length, requestId }]);
  return { workspacesErased: erased.length };
}

/** The job: the person's own traces, then their row (sessions, 2FA, resets, exports cascade). */
export async function eraseAccount(env: Env, userId: string, workspacesErased: number, requestId: string) {
  const db = createDb(env.DB);
  const user = await db.select().from(users).where(eq(users.id, userId)).get();
  if (!user?.deletingSince) return;
  const exports = await db.select({ key: dataExports.objectKey }).from(dataExports).where(eq(dataExports.userId, userId));
  const keys = exports.map((e) => e.key).filter((k): k is string => k !== null);
  if (keys.length) await env.PHOTOS.delete(keys);
  const subject = await erasedSubject(userId);
  const goodbye = outboxInsert(db, `account-deleted:${subject}`, user.email, { template: 'account_deleted', name: user.name, workspacesErased });
  const [, , , , , , , , sent] = await db.batch([
    // Every email to them but the goodbye below, which the email consumer deletes once sent.
    db.delete(emailOutbox).where(eq(emailOutbox.to, user.email)),
    db.delete(invitations).where(eq(invitations.email, user.email)),
    // Their own account's entries go; on workspaces they leave, the entry stays, without them.
    db.delete(auditLog).where(and(isNull(auditLog.workspaceId), or(eq(auditLog.actorUserId, userId), eq(auditLog.targetId, userId)))),
    db.update(auditLog).set({ actorUserId: null }).where(eq(auditLog.actorUserId, userId)),
    db.update(auditLog).set({ targetId: subject }).where(eq(auditLog.targetId, userId)),
    // instr, not LIKE: D1 refuses LIKE patterns over 50 bytes.
    db.update(auditLog).set({ data: null }).where(sql`instr(${auditLog.data}, ${user.email}) > 0`),
    db.update(creditLedger).set({ reference: `user:${subject}` }).where(eq(creditLedger.reference, `user:${userId}`)),
    db.delete(users).where(eq(users.id, userId)),
    goodbye.statement,
    auditInsert(db, { workspaceId: null, actorUserId: null, action: 'account.erased', targetType: 'user', targetId: subject, data: { workspaces: workspacesErased }, requestId }),
  ]);
  await sendQueued(env.EMAIL_QUEUE, goodbye.id, sent);
}
