import { inject } from 'vitest';
import { call } from './api';

const stand = () => inject('stripe');

/** HMAC-SHA256 hex, as Stripe signs webhooks: `t=<t>,v1=hex(HMAC(secret, "<t>.<payload>"))`. */
export async function stripeSignature(payload: string, timestamp = Math.floor(Date.now() / 1000), secret = stand().webhookSecret) {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${timestamp}.${payload}`)));
  return `t=${timestamp},v1=${[...mac].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export const postWebhook = (payload: string, signature?: string) =>
  call('POST', '/v1/webhooks/stripe', { body: payload, headers: { 'Content-Type': 'application/json', ...(signature && { 'Stripe-Signature': signature }) } });

type Delivery = { eventId: string; type: string; payload: string; signature: string };

/** Takes (and removes) the stand-in's signed deliveries whose payload mentions `about` (pull mode). */
export async function takeWebhooks(about: string): Promise<Delivery[]> {
  const res = await fetch(`${stand().url}/_standin/deliveries?about=${encodeURIComponent(about)}`);
  return ((await res.json()) as { deliveries: Delivery[] }).deliveries;
}

/** Takes the deliveries that mention `about` and posts each to the webhook route, in order, as `stripe listen` would. */
export async function relayWebhooks(about: string): Promise<Delivery[]> {
  const deliveries = await takeWebhooks(about);
  for (const d of deliveries) {
    const answer = await postWebhook(d.payload, d.signature);
    if (answer.status !== 200) throw new Error(`webhook ${d.type} answered ${answer.status}: ${JSON.stringify(answer.data)}`);
  }
  return deliveries;
}

/** What a tester does on the stand-in's hosted checkout page: open it, pick a method, press Pay (or Cancel). */
export async function payOnCheckoutPage(checkoutUrl: string, action: 'pay' | 'cancel' = 'pay', method = 'card') {
  const page = await fetch(checkoutUrl);
  const html = await page.text();
  const form = new RegExp(`action="([^"]+/${action})"`).exec(html);
  if (!form) throw new Error(`no ${action} button on ${checkoutUrl}: ${html.slice(0, 300)}`);
  const res = await fetch(new URL(form[1]!, checkoutUrl), {
    method: 'POST',
    body: new URLSearchParams({ payment_method: method }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  return { status: res.status, location: res.headers.get('Location') };
}

/** Connect onboarding through the stand-in's hosted page, then `account.updated` delivered. */
export async function becomePayable(token: string) {
  const started = await call('POST', '/v1/payouts/onboarding', { token });
  if (started.status !== 201) throw new Error(`onboarding failed: ${JSON.stringify(started.data)}`);
  const done = await fetch(`${started.data.url}/complete`, { method: 'POST', redirect: 'manual' });
  await done.arrayBuffer();
  await relayWebhooks(started.data.accountId);
  return started.data.accountId as string;
}

/** A Checkout Session as the Stripe stand-in holds it (customer, subscription, status...). */
export async function standInSession(checkoutUrl: string) {
  const id = new URL(checkoutUrl).pathname.split('/').pop()!;
  const res = await fetch(`${stand().url}/v1/checkout/sessions/${id}`, { headers: { Authorization: 'Bearer sk_test_reader' } });
  return (await res.json()) as { id: string; customer: string; subscription: string | null; status: string };
}

/** Renews a subscription on the stand-in (next month's invoice, paid). */
export const renewSubscription = (subscriptionId: string) => fetch(`${stand().url}/_standin/subscriptions/${subscriptionId}/renew`, { method: 'POST' }).then((r) => r.json());

/** Emails the Resend stand-in received for an address. */
export async function sentEmails(to: string) {
  const res = await fetch(`${inject('resend').url}/emails?to=${encodeURIComponent(to)}`, { headers: { Authorization: 'Bearer re_test_reader' } });
  return ((await res.json()) as { data: { subject: string; html: string; text: string }[] }).data;
}
