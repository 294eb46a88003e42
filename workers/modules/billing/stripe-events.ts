/**
 * `POST /v1/webhooks/stripe`. The signature is checked with `constructEventAsync` (WebCrypto),
 * then each event becomes one D1 batch: its effects plus the row recording `event.id`, so an
 * event is either fully applied and remembered or not at all (and Stripe retries it). Effects are
 * conditional anyway (an order goes `pending -> paid` once, a grant and an email exist once per
 * reference), so a duplicate racing its twin, or events arriving out of order, change nothing twice.
 */
import { and, eq } from 'drizzle-orm';
import { PLANS, type PlanId } from '../../shared/billing/catalogue';
import { grantStatements } from './credit-ledger';
import { albums, orders, stripeEvents, workspaces, type Order } from '../../db/schema/index';
import { outboxInsert, sendQueued } from '../notifications/outbox';
import { ownerEmail } from '../notifications/pipeline-emails';
import type { EmailSend } from '../notifications/jobs';
import type { CreditsGranted } from '../recognition/jobs/index';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { webCryptoProvider, type Stripe } from '../../integrations/stripe/client';
import { downloadLink } from '../sales/downloads';
import { accountUpdatedStatement } from '../sales/payouts';
import { orderPhotoIds } from '../sales/checkout';
import { payoutOf } from '../sales/orders';

/** `origin` is PUBLIC_ORIGIN: the download link goes out in an email, never built on the webhook request's host. */
type Deps = { db: Db; readingQueue: Queue<CreditsGranted>; emailQueue: Queue<EmailSend>; signingSecret: string; origin: string };
type BatchItem = Parameters<Db['batch']>[0][number];
/** What an event does: statements for the batch, and what to do once it committed (queue sends). */
type Effect = { statements: BatchItem[]; after?: (results: { meta: { changes: number } }[]) => Promise<void> };
const NONE: Effect = { statements: [] };

/** Checks `Stripe-Signature` against each endpoint secret (the platform's, then the Connect endpoint's). */
export async function verifyStripeEvent(stripe: Stripe, secrets: string[], payload: string, signature: string | undefined) {
  if (!signature) throw new AppError('WEBHOOK_SIGNATURE_INVALID', 'Missing Stripe-Signature header');
  let reason = 'no webhook secret is configured';
  for (const secret of secrets) {
    try {
      return await stripe.webhooks.constructEventAsync(payload, signature, secret, undefined, webCryptoProvider);
    } catch (err) {
      reason = (err as Error).message;
    }
  }
  throw new AppError('WEBHOOK_SIGNATURE_INVALID', `Webhook signature check failed: ${reason}`);
}

/** A paid order: `pending -> paid` and its email with the download link, in one batch. */
async function orderPaid(deps: Deps, session: Stripe.Checkout.Session): Promise<Effect> {
  const orderId = session.metadata?.orderId;
  if (!orderId || session.payment_status !== 'paid') return NONE; // SEPA: wait for async_payment_succeeded
  const row = await deps.db
    .select({ order: orders, albumTitle: albums.title })
    .from(orders)
    .innerJoin(albums, eq(albums.id, orders.albumId))
    .where(eq(orders.id, orderId))
    .get();
  if (!row || row.order.stripeSessionId !== session.id) return NONE;
  const link = await downloadLink(deps.signingSecret, deps.origin, orderId);
  const photoCount = (await orderPhotoIds(deps.db, orderId)).length;
  const email = outboxInsert(deps.db, `order-paid:${orderId}`, row.order.email, {
    ...{ template: 'order_paid', albumTitle: row.albumTitle, photoCount, downloadUrl: link.url, expiresAt: link.expiresAt },
    ...{ totalCents: row.order.totalCents, currency: row.order.currency },
  });
  const sale = await saleEmail(deps, row.order, row.albumTitle, photoCount);
  const intent = typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null);
  return {
    statements: [
      deps.db.update(orders).set({ status: 'paid', paidAt: new Date(), stripePaymentIntentId: intent }).where(and(eq(orders.id, orderId), eq(orders.status, 'pending'))),
      email.statement,
      ...(sale ? [sale.statement] : []),
    ],
    after: async (results) => {
      await sendQueued(deps.emailQueue, email.id, results[1]!);
      if (sale) await sendQueued(deps.emailQueue, sale.id, results[2]!);
    },
  };
}

/** The photographer's "you sold" email: what they receive and a link to their Sales screen (none without an owner). */
async function saleEmail(deps: Deps, order: Order, albumTitle: string, photoCount: number) {
  const to = await ownerEmail(deps.db, order.workspaceId);
  if (!to) return null;
  return outboxInsert(deps.db, `sale:${order.id}`, to, {
    ...{ template: 'sale_made', albumTitle, photoCount, payoutCents: payoutOf(order), currency: order.currency },
    salesUrl: `${deps.origin}/payouts`,
  });
}

const resumeAfterGrant = (deps: Deps, workspaceId: string) => async (results: { meta: { changes: number } }[]) => {
  if (results[0]!.meta.changes === 1) await deps.readingQueue.send({ type: 'credits.granted', workspaceId });
};

function creditsPaid(deps: Deps, session: Stripe.Checkout.Session): Effect {
  const { workspaceId, credits } = session.metadata ?? {};
  if (!workspaceId || !credits || session.payment_status !== 'paid') return NONE;
  return { statements: [...grantStatements(deps.db, workspaceId, Number(credits), 'purchase', session.id)], after: resumeAfterGrant(deps, workspaceId) };
}

async function workspaceOfCustomer(db: Db, customer: string | { id: string } | null) {
  const id = typeof customer === 'string' ? customer : customer?.id;
  if (!id) return null;
  return (await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.stripeCustomerId, id)).get())?.id ?? null;
}

/** A paid subscription invoice grants the plan's credits, once per invoice, whatever arrives first. */
async function invoicePaid(deps: Deps, invoice: Stripe.Invoice): Promise<Effect> {
  const plan = invoice.parent?.subscription_details?.metadata?.plan as PlanId | undefined;
  const workspaceId = await workspaceOfCustomer(deps.db, invoice.customer);
  if (!plan || !PLANS[plan] || !workspaceId || !invoice.id) return NONE;
  return { statements: [...grantStatements(deps.db, workspaceId, PLANS[plan].credits, 'subscription', invoice.id)], after: resumeAfterGrant(deps, workspaceId) };
}

async function subscriptionChanged(deps: Deps, subscription: Stripe.Subscription): Promise<Effect> {
  const workspaceId = await workspaceOfCustomer(deps.db, subscription.customer);
  if (!workspaceId) return NONE;
  const current = { subscriptionId: subscription.id, subscriptionPlan: subscription.metadata?.plan ?? null, subscriptionStatus: subscription.status };
  return { statements: [deps.db.update(workspaces).set(current).where(eq(workspaces.id, workspaceId))] };
}

function orderExpired(deps: Deps, session: Stripe.Checkout.Session): Effect {
  const orderId = session.metadata?.orderId;
  if (!orderId) return NONE;
  return { statements: [deps.db.update(orders).set({ status: 'expired' }).where(and(eq(orders.id, orderId), eq(orders.status, 'pending')))] };
}

async function effectOf(deps: Deps, event: Stripe.Event): Promise<Effect> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      if (session.metadata?.kind === 'order') return orderPaid(deps, session);
      if (session.metadata?.kind === 'credits') return creditsPaid(deps, session);
      return NONE; // subscriptions: credits come with invoice.paid
    }
    case 'checkout.session.expired':
    case 'checkout.session.async_payment_failed':
      return orderExpired(deps, event.data.object);
    case 'invoice.paid':
      return invoicePaid(deps, event.data.object);
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return subscriptionChanged(deps, event.data.object);
    case 'account.updated':
      return { statements: [accountUpdatedStatement(deps.db, event.data.object, event.created)] };
    default:
      return NONE;
  }
}

/** Applies one verified event once; answers whether it was new. */
export async function applyStripeEvent(deps: Deps, event: Stripe.Event) {
  const seen = await deps.db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, event.id)).get();
  if (seen) return { received: true, duplicate: true };
  const effect = await effectOf(deps, event);
  const record = deps.db.insert(stripeEvents).values({ id: event.id, type: event.type }).onConflictDoNothing();
  const results = (await deps.db.batch([record, ...effect.statements] as [BatchItem, ...BatchItem[]])) as { meta: { changes: number } }[];
  if (results[0]!.meta.changes === 1) await effect.after?.(results.slice(1));
  return { received: true, duplicate: results[0]!.meta.changes === 0 };
}
