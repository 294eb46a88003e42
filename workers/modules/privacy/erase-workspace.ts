/**
 * Erasing a workspace (asked for by its owner, or with the account of its only member): every R2
 * object its photos own, the Stripe customer, the emails about its orders, leads and albums, and
 * every row (D1 cascades from `workspaces`). Paid orders leave their accounting minimum. Each step
 * can run again: a retried job finds less to do, never an error.
 */
import { and, count, eq, gte, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { albums, apiKeys, auditLog, emailOutbox, invitations, leads, memberships, orders, workspaces } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { createDb } from '../../core/db/client';
import { auditInsert } from '../../core/audit';
import { loadConfig } from '../../core/config';
import { stripeClient } from '../../integrations/stripe/client';
import { AppError } from '../../core/errors';
import { enqueue } from '../../jobs';
import { confirmIdentity } from '../accounts/two-factor';
import { removeAlbum } from '../albums/albums';

const CHUNK = 90;

/** The statements that close workspaces for erasure: marked, no members, API keys revoked. */
export function closeWorkspaces(db: Db, ids: string[]): BatchItem<'sqlite'>[] {
  if (!ids.length) return [];
  const now = new Date();
  return [
    db.update(workspaces).set({ deletingSince: now }).where(inArray(workspaces.id, ids)),
    db.delete(memberships).where(inArray(memberships.workspaceId, ids)),
    db.update(apiKeys).set({ revokedAt: now }).where(and(inArray(apiKeys.workspaceId, ids), isNull(apiKeys.revokedAt))),
  ];
}

/**
 * An owner deletes the workspace they are in, after the password and the second factor. Not their
 * only one: an account always has a workspace (delete the account instead).
 */
export async function requestWorkspaceDeletion(env: Env, masterSecret: string, actor: { userId: string; workspaceId: string }, input: { password: string; code?: string }, requestId: string) {
  const db = createDb(env.DB);
  await confirmIdentity(db, masterSecret, actor.userId, input);
  const [mine] = await db.select({ n: count() }).from(memberships).where(eq(memberships.userId, actor.userId));
  if (mine!.n <= 1) throw new AppError('LAST_WORKSPACE', 'This is your only workspace: create another one first, or delete your account instead');
  const members = await db.select({ n: count() }).from(memberships).where(eq(memberships.workspaceId, actor.workspaceId));
  await db.batch([
    auditInsert(db, { workspaceId: null, actorUserId: actor.userId, action: 'workspace.deletion_requested', targetType: 'workspace', targetId: actor.workspaceId, data: { members: members[0]!.n }, requestId }),
    ...closeWorkspaces(db, [actor.workspaceId]),
  ]);
  await enqueue(env, { type: 'workspace.erase', workspaceId: actor.workspaceId, requestId });
}

/** Dedupe keys that start with `prefix` (ending in ':'), as a range: D1 refuses LIKE patterns over 50 bytes. */
const keyStartsWith = (prefix: string) => and(gte(emailOutbox.dedupeKey, prefix), lt(emailOutbox.dedupeKey, `${prefix.slice(0, -1)};`));

/** The outbox rows about this workspace (they hold buyers' addresses and download links). */
async function forgetEmails(db: Db, workspaceId: string) {
  const [orderIds, leadIds, invitationIds, albumIds] = await Promise.all([
    db.select({ id: orders.id }).from(orders).where(eq(orders.workspaceId, workspaceId)),
    db.select({ id: leads.id }).from(leads).where(eq(leads.workspaceId, workspaceId)),
    db.select({ id: invitations.id }).from(invitations).where(eq(invitations.workspaceId, workspaceId)),
    db.select({ id: albums.id }).from(albums).where(eq(albums.workspaceId, workspaceId)),
  ]);
  const keys = [
    ...orderIds.flatMap((o) => [`order-paid:${o.id}`, `sale:${o.id}`]),
    ...leadIds.map((l) => `lead:${l.id}`),
    ...invitationIds.map((i) => `invitation:${i.id}`),
  ];
  for (let i = 0; i < keys.length; i += CHUNK) await db.delete(emailOutbox).where(inArray(emailOutbox.dedupeKey, keys.slice(i, i + CHUNK)));
  for (const a of albumIds) await db.delete(emailOutbox).where(keyStartsWith(`processing-finished:${a.id}:`));
  await db.delete(emailOutbox).where(keyStartsWith(`credits-low:${workspaceId}:`));
}

/** Stripe deletes the customer (and cancels its subscriptions); one already gone is fine. */
async function deleteStripeCustomer(env: Env, customerId: string | null) {
  const stripe = loadConfig(env).stripe;
  if (!stripe || !customerId) return;
  try {
    await stripeClient(stripe).customers.del(customerId);
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode !== 404) throw err;
  }
}

/** The job: erases a workspace marked for deletion (`deleting_since`); a workspace not marked is left alone. */
export async function eraseWorkspace(env: Env, workspaceId: string, requestId: string) {
  const db = createDb(env.DB);
  const workspace = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  if (!workspace?.deletingSince) return;
  await forgetEmails(db, workspaceId);
  const albumIds = await db.select({ id: albums.id }).from(albums).where(eq(albums.workspaceId, workspaceId));
  for (const a of albumIds) await removeAlbum(db, env.PHOTOS, a.id);
  await deleteStripeCustomer(env, workspace.stripeCustomerId);
  await db.batch([
    db.delete(auditLog).where(eq(auditLog.workspaceId, workspaceId)),
    db.delete(workspaces).where(and(eq(workspaces.id, workspaceId), isNotNull(workspaces.deletingSince))),
    auditInsert(db, { workspaceId: null, actorUserId: null, action: 'workspace.erased', targetType: 'workspace', targetId: workspaceId, data: { albums: albumIds.length }, requestId }),
  ]);
}

/** Workspaces marked for deletion over ten minutes ago: their job was lost or gave up (for the cron). */
export async function workspacesLeftToErase(db: Db) {
  return db.select({ id: workspaces.id }).from(workspaces).where(lt(workspaces.deletingSince, new Date(Date.now() - 600_000))).limit(20);
}
