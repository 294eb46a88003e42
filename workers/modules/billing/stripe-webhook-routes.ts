import { Hono } from 'hono';
import { loadConfig } from '../../core/config';
import type { AppEnv } from '../../core/http/app-env';
import { payments } from '../../core/http/middleware/payments';
import { applyStripeEvent, verifyStripeEvent } from './stripe-events';

/** Stripe's webhook endpoint: the signature is the credential; 2xx means "recorded, do not resend". */
export const stripeWebhooks = new Hono<AppEnv>().post('/stripe', payments, async (c) => {
  const config = loadConfig(c.env);
  // The signature covers the exact bytes: read the raw body, never re-serialised JSON.
  const event = await verifyStripeEvent(c.get('stripe'), config.stripe!.webhookSecrets, await c.req.text(), c.req.header('Stripe-Signature'));
  const deps = {
    ...{ db: c.get('db'), readingQueue: c.env.READING_QUEUE, emailQueue: c.env.EMAIL_QUEUE },
    ...{ signingSecret: config.uploads.signingSecret, origin: config.publicOrigin },
  };
  return c.json(await applyStripeEvent(deps, event));
});
