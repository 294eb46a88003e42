/**
 * The Stripe API endpoints Vitrine uses, in memory, answering in Stripe's object shapes and
 * error format. Test mode only: nothing here moves money.
 */
import { list, num, record, str, type Form } from '../form';
import { newObjectId } from './webhooks';

export type Obj = Record<string, unknown> & { id: string };
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

const now = () => Math.floor(Date.now() / 1000);

/** Everything the stand-in knows, by id. */
export class Store {
  readonly objects = new Map<string, Obj>();
  /** Where the stand-in listens (known once it does). */
  base = '';
  /** Line items of each Checkout Session (Stripe keeps them apart from the session too). */
  readonly lineItems = new Map<string, Obj[]>();

  put<T extends Obj>(object: T): T {
    this.objects.set(object.id, object);
    return object;
  }

  get(id: string, object?: string): Obj {
    const found = this.objects.get(id);
    if (!found || (object && found.object !== object)) throw new StripeApiError(404, `No such ${object ?? 'object'}: '${id}'`, 'id');
    return found;
  }

  where(object: string, match: (o: Obj) => boolean) {
    return [...this.objects.values()].filter((o) => o.object === object && match(o)).sort((a, b) => Number(b.created) - Number(a.created));
  }
}

export function createCustomer(store: Store, form: Form) {
  return store.put({ id: newObjectId('cus'), object: 'customer', created: now(), email: str(form, 'email') ?? null, name: str(form, 'name') ?? null, metadata: record(form, 'metadata'), livemode: false });
}

export function createAccount(store: Store, form: Form) {
  const type = str(form, 'type') ?? str(form, 'controller', 'stripe_dashboard', 'type') ?? 'express';
  return store.put({
    id: newObjectId('acct'),
    object: 'account',
    type,
    created: now(),
    country: str(form, 'country') ?? 'FR',
    email: str(form, 'email') ?? null,
    default_currency: 'eur',
    metadata: record(form, 'metadata'),
    charges_enabled: false,
    payouts_enabled: false,
    details_submitted: false,
    capabilities: { card_payments: 'inactive', transfers: 'inactive' },
    requirements: { currently_due: ['individual.first_name', 'external_account'], disabled_reason: 'requirements.past_due' },
  });
}

export function createAccountLink(store: Store, form: Form, base: string) {
  const account = store.get(str(form, 'account') ?? '', 'account');
  const returnUrl = str(form, 'return_url');
  const refreshUrl = str(form, 'refresh_url');
  if (!returnUrl || !refreshUrl) throw new StripeApiError(400, 'Missing required param: return_url and refresh_url.', returnUrl ? 'refresh_url' : 'return_url');
  const link = { id: newObjectId('acctlink'), account: account.id, return_url: returnUrl, refresh_url: refreshUrl, used: false };
  store.put({ ...link, object: 'stand_in.account_link' });
  return { object: 'account_link', created: now(), expires_at: now() + 300, url: `${base}/connect/onboarding/${link.id}` };
}

function lineItemsOf(form: Form) {
  const items = list(form, 'line_items').map((item, i) => {
    const unit = num(item, 'price_data', 'unit_amount');
    const name = str(item, 'price_data', 'product_data', 'name');
    if (unit === undefined || !name) throw new StripeApiError(400, `line_items[${i}]: price_data.unit_amount and price_data.product_data.name are required here`, `line_items[${i}]`);
    const quantity = num(item, 'quantity') ?? 1;
    const recurring = str(item, 'price_data', 'recurring', 'interval');
    return {
      id: newObjectId('li'),
      object: 'item',
      description: name,
      quantity,
      amount_subtotal: unit * quantity,
      amount_total: unit * quantity,
      currency: str(item, 'price_data', 'currency') ?? 'eur',
      price: { id: newObjectId('price'), object: 'price', unit_amount: unit, currency: str(item, 'price_data', 'currency') ?? 'eur', recurring: recurring ? { interval: recurring } : null, metadata: record(item, 'price_data', 'product_data', 'metadata') },
    };
  });
  if (!items.length) throw new StripeApiError(400, 'Missing required param: line_items.', 'line_items');
  return items;
}

/** A destination charge needs a connected account that can receive transfers. */
function checkDestination(store: Store, form: Form) {
  const destination = str(form, 'payment_intent_data', 'transfer_data', 'destination');
  if (!destination) return;
  const account = store.get(destination, 'account');
  if (!account.charges_enabled) {
    throw new StripeApiError(400, 'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments', 'payment_intent_data[transfer_data][destination]');
  }
}

export function createCheckoutSession(store: Store, form: Form, base: string) {
  const mode = str(form, 'mode');
  if (!mode || !['payment', 'subscription', 'setup'].includes(mode)) throw new StripeApiError(400, 'Missing required param: mode.', 'mode');
  const successUrl = str(form, 'success_url');
  if (!successUrl) throw new StripeApiError(400, 'Missing required param: success_url.', 'success_url');
  const customer = str(form, 'customer') ?? null;
  if (customer) store.get(customer, 'customer');
  checkDestination(store, form);
  const items = lineItemsOf(form);
  const total = items.reduce((sum, item) => sum + item.amount_total, 0);
  const id = `cs_test_${newObjectId('x').slice(2)}`;
  store.lineItems.set(id, items);
  return store.put({
    id,
    object: 'checkout.session',
    mode,
    status: 'open',
    payment_status: 'unpaid',
    created: now(),
    expires_at: num(form, 'expires_at') ?? now() + 24 * 3600,
    url: `${base}/checkout/${id}`,
    success_url: successUrl,
    cancel_url: str(form, 'cancel_url') ?? null,
    customer,
    customer_email: str(form, 'customer_email') ?? null,
    customer_details: null,
    client_reference_id: str(form, 'client_reference_id') ?? null,
    metadata: record(form, 'metadata'),
    currency: items[0]!.currency,
    amount_subtotal: total,
    amount_total: total,
    payment_intent: null,
    subscription: null,
    invoice: null,
    livemode: false,
    payment_method_types: list(form, 'payment_method_types').length ? list(form, 'payment_method_types') : ['card', 'sepa_debit'],
    // Kept to build the PaymentIntent / Subscription when the buyer pays.
    _payment_intent_data: { application_fee_amount: num(form, 'payment_intent_data', 'application_fee_amount') ?? null, destination: str(form, 'payment_intent_data', 'transfer_data', 'destination') ?? null },
    _subscription_metadata: record(form, 'subscription_data', 'metadata'),
    // `invoice_creation[enabled]`: a one-off payment gets a paid invoice (and its receipt page), as in Stripe.
    _invoice_creation: str(form, 'invoice_creation', 'enabled') === 'true',
  });
}

export function createPortalSession(store: Store, form: Form, base: string) {
  const customer = store.get(str(form, 'customer') ?? '', 'customer');
  const id = newObjectId('bps');
  const session = { id, object: 'billing_portal.session', created: now(), customer: customer.id, return_url: str(form, 'return_url') ?? null, livemode: false, url: `${base}/portal/${id}` };
  return store.put(session);
}

export function listOf(objects: Obj[], url: string, limit = 10) {
  return { object: 'list', data: objects.slice(0, limit), has_more: objects.length > limit, url };
}

/** What the API answers: the object without the stand-in's private fields. */
export const visible = (object: Obj) => Object.fromEntries(Object.entries(object).filter(([k]) => !k.startsWith('_')));
