/**
 * Emails the pipeline sends to the workspace owner: "processing finished" when an album has no
 * photo left in the pipeline, "credits low" when reading runs short. Each is deduplicated by a
 * key that names the situation, so redelivered jobs and concurrent last photos send one email.
 */
import { and, count, desc, eq, gt, inArray } from 'drizzle-orm';
import { loadConfig } from '../../core/config';
import { creditBalance } from '../billing/credit-ledger';
import { albums, creditLedger, memberships, photos, users } from '../../db/schema/index';
import { queueEmail } from './outbox';
import type { Db } from '../../core/db/client';


/** Under this many credits the owner hears about it (once per top-up). */
export const LOW_CREDITS = 10;

/** The address of the workspace's first owner: who hears about its albums, credits and sales. */
export async function ownerEmail(db: Db, workspaceId: string) {
  const row = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')))
    .orderBy(memberships.createdAt)
    .get();
  return row?.email ?? null;
}

export async function notifyIfAlbumFinished(env: Env, db: Db, albumId: string, workspaceId: string) {
  const counts = await db.select({ status: photos.status, n: count() }).from(photos).where(eq(photos.albumId, albumId)).groupBy(photos.status);
  const n = (statuses: string[]) => counts.filter((c) => statuses.includes(c.status)).reduce((sum, c) => sum + c.n, 0);
  if (n(['uploaded', 'processing']) > 0) return;
  const [album, to] = await Promise.all([db.select({ title: albums.title }).from(albums).where(eq(albums.id, albumId)).get(), ownerEmail(db, workspaceId)]);
  if (!album || !to) return;
  const done = n(['ready', 'rejected', 'failed']);
  const albumUrl = `${loadConfig(env).publicOrigin}/albums/${albumId}`;
  const email = { template: 'processing_finished' as const, albumTitle: album.title, ready: n(['ready']), rejected: n(['rejected', 'failed']), albumUrl };
  await queueEmail(db, env.EMAIL_QUEUE, `processing-finished:${albumId}:${done}`, to, email);
}

/** After a reservation (or a refusal): below LOW_CREDITS, one email per top-up. */
export async function notifyIfCreditsLow(env: Env, db: Db, workspaceId: string) {
  const balance = await creditBalance(db, workspaceId);
  if (balance >= LOW_CREDITS) return;
  const lastGrant = await db
    .select({ id: creditLedger.id })
    .from(creditLedger)
    .where(and(eq(creditLedger.workspaceId, workspaceId), inArray(creditLedger.reason, ['starter', 'purchase', 'subscription', 'adjustment']), gt(creditLedger.delta, 0)))
    .orderBy(desc(creditLedger.createdAt), desc(creditLedger.id))
    .get();
  const waiting = await db
    .select({ n: count() })
    .from(photos)
    .where(and(eq(photos.workspaceId, workspaceId), eq(photos.recognition, 'awaiting_credits')))
    .get();
  const to = await ownerEmail(db, workspaceId);
  if (!to) return;
  const billingUrl = `${loadConfig(env).publicOrigin}/billing`;
  const email = { template: 'credits_low' as const, balance, awaiting: waiting?.n ?? 0, billingUrl };
  await queueEmail(db, env.EMAIL_QUEUE, `credits-low:${workspaceId}:${lastGrant?.id ?? 'none'}`, to, email);
}
