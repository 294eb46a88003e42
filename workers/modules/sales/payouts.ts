/**
 * Connect Express onboarding for photographers: one connected account per workspace, a
 * single-use account link to Stripe's hosted onboarding, and `account.updated` deciding when the
 * workspace is payable (can take charges and receive payouts). Albums sell only when it is.
 */
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { workspaces } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import type { Stripe } from '../../integrations/stripe/client';

async function workspaceRow(db: Db, workspaceId: string) {
  const row = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  if (!row) throw new AppError('NOT_FOUND', 'No such workspace');
  return row;
}

export async function payoutStatus(db: Db, workspaceId: string) {
  const row = await workspaceRow(db, workspaceId);
  return { accountId: row.stripeAccountId, payable: row.payable };
}

/** Creates the connected account on first use, then a fresh onboarding link (links are single-use and short-lived). */
export async function startOnboarding(db: Db, stripe: Stripe, workspaceId: string, urls: { returnUrl: string; refreshUrl: string }) {
  const row = await workspaceRow(db, workspaceId);
  let accountId = row.stripeAccountId;
  if (!accountId) {
    const account = await stripe.accounts.create(
      { type: 'express', country: 'FR', capabilities: { card_payments: { requested: true }, transfers: { requested: true } }, metadata: { workspaceId } },
      { idempotencyKey: `connect-account:${workspaceId}` },
    );
    accountId = account.id;
    // Only the first writer keeps its id; the idempotency key made both calls return the same account anyway.
    await db.update(workspaces).set({ stripeAccountId: accountId }).where(and(eq(workspaces.id, workspaceId), isNull(workspaces.stripeAccountId)));
  }
  const link = await stripe.accountLinks.create({ account: accountId, type: 'account_onboarding', return_url: urls.returnUrl, refresh_url: urls.refreshUrl });
  return { accountId, url: link.url, expiresAt: link.expires_at };
}

/** `account.updated`: applied unless a newer update was already applied (events can arrive out of order). */
export function accountUpdatedStatement(db: Db, account: Stripe.Account, eventCreated: number) {
  const payable = Boolean(account.charges_enabled && account.payouts_enabled);
  return db
    .update(workspaces)
    .set({ payable, stripeAccountEventAt: eventCreated })
    .where(and(eq(workspaces.stripeAccountId, account.id), or(isNull(workspaces.stripeAccountEventAt), lte(workspaces.stripeAccountEventAt, eventCreated))));
}
