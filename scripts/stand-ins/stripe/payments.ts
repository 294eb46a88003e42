/**
 * What happens when the tester clicks "Pay" on the hosted checkout page (or completes Connect
 * onboarding, or cancels in the portal): objects change as in Stripe and the same events are
 * sent, in the order Stripe tends to send them (which is not guaranteed — neither here).
 */
import { type Obj, type Store, StripeApiError } from './api';
import { makeEvent, newObjectId, type StripeEvent } from './webhooks';

const now = () => Math.floor(Date.now() / 1000);
type Send = (event: StripeEvent) => void;

function paymentIntentFor(store: Store, session: Obj, method: string) {
  const data = session._payment_intent_data as { application_fee_amount: number | null; destination: string | null };
  return store.put({
    id: newObjectId('pi'),
    object: 'payment_intent',
    created: now(),
    amount: session.amount_total,
    amount_received: session.amount_total,
    currency: session.currency,
    status: 'succeeded',
    payment_method_types: [method],
    application_fee_amount: data.application_fee_amount,
    transfer_data: data.destination ? { destination: data.destination } : null,
    metadata: session.metadata,
  });
}

/** A paid invoice of the customer, numbered in sequence, with its hosted page (a subscription's or a one-off payment's). */
function paidInvoice(store: Store, customer: unknown, amount: number, description: string, fields: Record<string, unknown>) {
  const n = store.where('invoice', (i) => i.customer === customer).length + 1;
  const id = newObjectId('in');
  return store.put({
    id,
    object: 'invoice',
    created: now(),
    customer,
    status: 'paid',
    number: `VT-${String(n).padStart(4, '0')}`,
    currency: 'eur',
    amount_due: amount,
    amount_paid: amount,
    total: amount,
    hosted_invoice_url: `${store.base}/invoices/${id}`,
    invoice_pdf: `${store.base}/invoices/${id}.pdf`,
    lines: { object: 'list', data: [{ id: newObjectId('il'), object: 'line_item', amount, currency: 'eur', description }], has_more: false },
    parent: null,
    ...fields,
  });
}

function invoiceFor(store: Store, subscription: Obj, amount: number, description: string) {
  const first = !store.where('invoice', (i) => i.customer === subscription.customer && i.billing_reason === 'subscription_create').length;
  return paidInvoice(store, subscription.customer, amount, description, {
    billing_reason: first ? 'subscription_create' : 'subscription_cycle',
    period_start: now(),
    period_end: now() + 30 * 24 * 3600,
    parent: { type: 'subscription_details', subscription_details: { subscription: subscription.id, metadata: subscription.metadata } },
  });
}

/** Checkout with `invoice_creation` enabled: Stripe issues a paid invoice for the one-off payment. */
function oneOffInvoice(store: Store, session: Obj) {
  if (!session._invoice_creation) return;
  const description = (store.lineItems.get(session.id) ?? []).map((i) => i.description).join(', ');
  const invoice = paidInvoice(store, session.customer, Number(session.amount_total), description, { billing_reason: 'manual' });
  session.invoice = invoice.id;
}

export function renewSubscription(store: Store, subscriptionId: string, send: Send) {
  const subscription = store.get(subscriptionId, 'subscription');
  const item = (subscription.items as { data: { price: { unit_amount: number } ; description: string }[] }).data[0]!;
  const invoice = invoiceFor(store, subscription, item.price.unit_amount, item.description);
  send(makeEvent('invoice.paid', invoice));
  return invoice;
}

/** "Pay": card payments succeed at once; SEPA Direct Debit completes first and succeeds a moment later. */
export function paySession(store: Store, session: Obj, method: string, send: Send) {
  if (session.status !== 'open') return;
  const email = (session.customer_email as string | null) ?? (session.customer ? (store.get(session.customer as string).email as string | null) : null) ?? 'buyer@example.com';
  Object.assign(session, { status: 'complete', customer_details: { email, name: null }, payment_method_types: [method] });
  if (session.mode === 'subscription') {
    const [item] = store.lineItems.get(session.id)!;
    const subscription = store.put({
      id: newObjectId('sub'),
      object: 'subscription',
      created: now(),
      customer: session.customer,
      status: 'active',
      metadata: session._subscription_metadata as Record<string, string>,
      items: { object: 'list', data: [{ id: newObjectId('si'), object: 'subscription_item', price: (item as Obj).price, description: (item as Obj).description }] },
      current_period_end: now() + 30 * 24 * 3600,
      cancel_at_period_end: false,
    });
    Object.assign(session, { subscription: subscription.id, payment_status: 'paid' });
    send(makeEvent('customer.subscription.created', subscription));
    const invoice = renewSubscription(store, subscription.id, send);
    session.invoice = invoice.id;
    send(makeEvent('checkout.session.completed', session));
    return;
  }
  const intent = paymentIntentFor(store, session, method);
  session.payment_intent = intent.id;
  if (method === 'sepa_debit') {
    send(makeEvent('checkout.session.completed', session)); // payment_status still `unpaid`
    setTimeout(() => {
      session.payment_status = 'paid';
      oneOffInvoice(store, session);
      send(makeEvent('checkout.session.async_payment_succeeded', session));
    }, 500);
    return;
  }
  session.payment_status = 'paid';
  oneOffInvoice(store, session);
  send(makeEvent('checkout.session.completed', session));
}

export function expireSession(session: Obj, send: Send) {
  if (session.status !== 'open') return;
  session.status = 'expired';
  send(makeEvent('checkout.session.expired', session));
}

/** Connect onboarding done: the account can take charges and receive payouts. */
export function completeOnboarding(store: Store, accountId: string, send: Send) {
  const account = store.get(accountId, 'account');
  const previous = { charges_enabled: account.charges_enabled, payouts_enabled: account.payouts_enabled, details_submitted: account.details_submitted };
  Object.assign(account, {
    charges_enabled: true,
    payouts_enabled: true,
    details_submitted: true,
    capabilities: { card_payments: 'active', transfers: 'active' },
    requirements: { currently_due: [], disabled_reason: null },
  });
  send(makeEvent('account.updated', account, previous));
}

export function cancelSubscription(store: Store, subscriptionId: string, send: Send) {
  const subscription = store.get(subscriptionId, 'subscription');
  if (subscription.status === 'canceled') return;
  Object.assign(subscription, { status: 'canceled', canceled_at: now() });
  send(makeEvent('customer.subscription.deleted', subscription));
}

/** Like Stripe: a deleted customer's subscriptions end at once, and the customer reads back as `deleted`. */
export function deleteCustomer(store: Store, customerId: string, send: Send) {
  const customer = store.get(customerId, 'customer');
  if (customer.deleted) throw new StripeApiError(404, `No such customer: '${customerId}'`, 'id');
  for (const sub of store.where('subscription', (s) => s.customer === customerId)) cancelSubscription(store, sub.id, send);
  return store.put({ id: customerId, object: 'customer', deleted: true });
}
