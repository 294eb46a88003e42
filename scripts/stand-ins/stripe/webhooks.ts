/**
 * Webhook delivery as Stripe does it: a JSON event POSTed with
 * `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<payload>")>`, signed
 * anew on each attempt, retried with backoff while the endpoint answers non-2xx (or is down),
 * and now and then delivered twice. Without a webhook URL, deliveries wait in a list that a
 * test (or `stripe listen`-like relay) pulls from `GET /_standin/deliveries`.
 */
import { createHmac, randomBytes } from 'node:crypto';

export type StripeEvent = { id: string; object: 'event'; type: string; created: number; data: { object: unknown; previous_attributes?: unknown } };
export type Delivery = { eventId: string; type: string; payload: string; signature: string };

export type WebhookOptions = {
  url?: string;
  secret: string;
  /** Attempts before giving up (Stripe tries for 3 days; locally a few seconds). */
  maxAttempts?: number;
  /** First retry delay in ms, doubled each time. */
  retryDelayMs?: number;
  /** Probability (0..1) that an event is delivered a second time, as Stripe occasionally does. */
  duplicateRate?: number;
};

export const API_VERSION = '2026-10-28.endive';

export function signPayload(secret: string, payload: string, timestamp = Math.floor(Date.now() / 1000)) {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

export const newObjectId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;

export function makeEvent(type: string, object: unknown, previous?: unknown): StripeEvent {
  return {
    id: newObjectId('evt'),
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object: structuredClone(object), ...(previous ? { previous_attributes: previous } : {}) },
    ...{ api_version: API_VERSION, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null } },
  };
}

export function webhookSender(options: WebhookOptions) {
  const pending: Delivery[] = [];
  const log: { eventId: string; type: string; attempt: number; status: number | string }[] = [];
  const maxAttempts = options.maxAttempts ?? 6;
  const firstDelay = options.retryDelayMs ?? 1000;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  async function attempt(event: StripeEvent, payload: string, n: number) {
    let status: number | string;
    try {
      const res = await fetch(options.url!, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': signPayload(options.secret, payload), 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
        body: payload,
      });
      status = res.status;
      await res.arrayBuffer();
    } catch (err) {
      status = (err as Error).message;
    }
    log.push({ eventId: event.id, type: event.type, attempt: n, status });
    const ok = typeof status === 'number' && status >= 200 && status < 300;
    if (!ok && n < maxAttempts) later(firstDelay * 2 ** (n - 1), () => void attempt(event, payload, n + 1));
  }

  function send(event: StripeEvent) {
    const payload = JSON.stringify(event, null, 2);
    const copies = Math.random() < (options.duplicateRate ?? 0) ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      if (options.url) later(50 + i * 200, () => void attempt(event, payload, 1));
      else pending.push({ eventId: event.id, type: event.type, payload, signature: signPayload(options.secret, payload) });
    }
  }

  /** Pull mode: hands over (and forgets) the waiting deliveries whose payload mentions `about`. */
  function take(about?: string): Delivery[] {
    const taken = pending.filter((d) => !about || d.payload.includes(about));
    for (const d of taken) pending.splice(pending.indexOf(d), 1);
    return taken.map((d) => ({ ...d, signature: signPayload(options.secret, d.payload) }));
  }

  return { send, take, log, stop: () => timers.forEach(clearTimeout) };
}
