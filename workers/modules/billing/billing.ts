/**
 * Pros pay for processing: credit packs (one-off Checkout), monthly plans (Checkout in
 * subscription mode; each paid invoice grants the plan's credits), the Billing Portal and the
 * invoice list. Credits themselves are granted only by webhooks (modules/billing/stripe-events.ts).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { CREDIT_PACKS, PLANS, type CreditPackId, type PlanId } from '../../shared/billing/catalogue';
import { workspaces } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import type { Stripe } from '../../integrations/stripe/client';

/** The workspace's Stripe customer, created on first purchase. */
async function ensureCustomer(db: Db, stripe: Stripe, workspaceId: string) {
  const row = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  if (!row) throw new AppError('NOT_FOUND', 'No such workspace');
  if (row.stripeCustomerId) return row.stripeCustomerId;
  const customer = await stripe.customers.create({ name: row.name, metadata: { workspaceId } }, { idempotencyKey: `customer:${workspaceId}` });
  await db.update(workspaces).set({ stripeCustomerId: customer.id }).where(and(eq(workspaces.id, workspaceId), isNull(workspaces.stripeCustomerId)));
  return customer.id;
}

/** A Checkout Session for the workspace's customer, coming back to the billing page. */
async function billingCheckout(db: Db, stripe: Stripe, workspaceId: string, origin: string, params: Stripe.Checkout.SessionCreateParams) {
  const session = await stripe.checkout.sessions.create({
    ...params,
    customer: await ensureCustomer(db, stripe, workspaceId),
    client_reference_id: workspaceId,
    success_url: `${origin}/billing?checkout=done&session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${origin}/billing?checkout=cancelled`,
  });
  return { checkoutUrl: session.url, sessionId: session.id };
}

export function creditPackCheckout(db: Db, stripe: Stripe, workspaceId: string, packId: CreditPackId, origin: string) {
  const pack = CREDIT_PACKS[packId];
  return billingCheckout(db, stripe, workspaceId, origin, {
    mode: 'payment',
    metadata: { kind: 'credits', workspaceId, pack: packId, credits: String(pack.credits) },
    line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: pack.amountCents, product_data: { name: pack.name } } }],
    invoice_creation: { enabled: true },
  });
}

export function subscriptionCheckout(db: Db, stripe: Stripe, workspaceId: string, planId: PlanId, origin: string) {
  const plan = PLANS[planId];
  return billingCheckout(db, stripe, workspaceId, origin, {
    mode: 'subscription',
    metadata: { kind: 'subscription', workspaceId, plan: planId },
    subscription_data: { metadata: { workspaceId, plan: planId } },
    line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: plan.amountCents, recurring: { interval: 'month' }, product_data: { name: plan.name } } }],
  });
}

export async function portalLink(db: Db, stripe: Stripe, workspaceId: string, origin: string) {
  const customer = await ensureCustomer(db, stripe, workspaceId);
  const session = await stripe.billingPortal.sessions.create({ customer, return_url: `${origin}/billing` });
  return { url: session.url };
}

export async function listInvoices(db: Db, stripe: Stripe, workspaceId: string) {
  const row = await db.select({ customer: workspaces.stripeCustomerId }).from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  if (!row?.customer) return [];
  const invoices = await stripe.invoices.list({ customer: row.customer, limit: 24 });
  return invoices.data.map((i) => ({
    id: i.id,
    number: i.number,
    status: i.status,
    // What was bought (a pack, a plan's month): its lines, as Checkout named them.
    description: i.lines?.data.map((line) => line.description).filter(Boolean).join(', ') || i.description || null,
    amountPaidCents: i.amount_paid,
    currency: i.currency,
    createdAt: new Date(i.created * 1000).toISOString(),
    url: i.hosted_invoice_url,
    pdf: i.invoice_pdf,
  }));
}
