import { loadConfig } from '../../core/config';
import { access } from '../../core/http/middleware/access';
import { payments } from '../../core/http/middleware/payments';
import { defineRoute, json, router } from '../../core/http/route';
import { applyStripeEvent, verifyStripeEvent } from './stripe-events';
import { webhookAckView } from './views';

/**
 * Documented with a plain OpenAPI schema, not zod, on purpose: a zod JSON body would be parsed
 * by the validator, and the signature covers the exact bytes the handler must read raw.
 */
const stripeEventBody = {
  description: 'A Stripe event, signed in the `Stripe-Signature` header',
  content: {
    'application/json': {
      schema: { type: 'object' as const, properties: { id: { type: 'string' as const }, type: { type: 'string' as const } }, example: { id: 'evt_1PqR2s3T4u5V6w7X', type: 'checkout.session.completed', data: { object: {} } } },
    },
  },
  required: true,
};

/** Stripe's webhook endpoint: the signature is the credential; 2xx means "recorded, do not resend". */
export const stripeWebhooks = router().openapi(
  defineRoute({
    method: 'post', path: '/stripe', tags: ['Webhooks'], summary: 'Stripe events (Checkout, invoices, subscriptions, Connect accounts)',
    description: 'Each event is applied once, with its dedupe row, in one batch; a redelivery answers `duplicate: true`.',
    access: access.public,
    middleware: [payments],
    request: { body: stripeEventBody },
    errors: ['WEBHOOK_SIGNATURE_INVALID', 'PAYMENTS_UNAVAILABLE'],
    responses: { 200: json(webhookAckView, 'Recorded: do not resend') },
  }),
  async (c) => {
    const config = loadConfig(c.env);
    // The signature covers the exact bytes: read the raw body, never re-serialised JSON.
    const event = await verifyStripeEvent(c.get('stripe'), config.stripe!.webhookSecrets, await c.req.text(), c.req.header('Stripe-Signature'));
    const deps = { db: c.get('db'), readingQueue: c.env.READING_QUEUE, emailQueue: c.env.EMAIL_QUEUE, signingSecret: config.uploads.signingSecret, origin: config.publicOrigin };
    return c.json(await applyStripeEvent(deps, event), 200);
  },
);
