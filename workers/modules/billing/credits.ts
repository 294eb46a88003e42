import { and, count, eq } from 'drizzle-orm';
import { CREDIT_PACKS, CREDIT_PRICES, PLANS, type PaidWork, type PlanId } from '../../shared/billing/catalogue';
import { creditBalance, ledgerRows } from './credit-ledger';
import { photos, workspaces } from '../../db/schema/index';
import type { Db } from '../../core/db/client';

/** A plan id as the pro knows it, from the catalogue (nulls for a plan it no longer sells). */
function planOf(plan: string | null) {
  const known = plan && Object.hasOwn(PLANS, plan) ? PLANS[plan as PlanId] : null;
  return { name: known?.name ?? null, amountCents: known?.amountCents ?? null, credits: known?.credits ?? null };
}

/** The balance, what each kind of work costs (shown before anything starts), what waits, and the ledger. */
export async function creditsOverview(db: Db, workspaceId: string) {
  const [balance, waiting, ledger, subscription] = await Promise.all([
    creditBalance(db, workspaceId),
    db
      .select({ n: count() })
      .from(photos)
      .where(and(eq(photos.workspaceId, workspaceId), eq(photos.recognition, 'awaiting_credits')))
      .get(),
    ledgerRows(db, workspaceId),
    db
      .select({ id: workspaces.subscriptionId, plan: workspaces.subscriptionPlan, status: workspaces.subscriptionStatus })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId))
      .get(),
  ]);
  return {
    balance,
    prices: CREDIT_PRICES,
    awaitingCredits: { photos: waiting?.n ?? 0, creditsNeeded: (waiting?.n ?? 0) * CREDIT_PRICES.recognition },
    packs: Object.entries(CREDIT_PACKS).map(([id, p]) => ({ id, ...p })),
    plans: Object.entries(PLANS).map(([id, p]) => ({ id, ...p })),
    subscription: subscription?.id ? { ...subscription, ...planOf(subscription.plan) } : null,
    ledger,
  };
}

/**
 * What `count` units of paid work would cost, shown before it starts, against the balance: every
 * kind of `CREDIT_PRICES` (`recognition` is bib and plate reading in the pipeline, `plate` a read by `POST /v1/vision/plate`;
 * `cutout`), the same prices core/jobs/paid-work.ts reserves.
 */
export async function estimateCost(db: Db, workspaceId: string, work: PaidWork, count: number) {
  const balance = await creditBalance(db, workspaceId);
  const credits = CREDIT_PRICES[work] * count;
  return { work, count, credits, balance, enough: balance >= credits, missing: Math.max(0, credits - balance) };
}
