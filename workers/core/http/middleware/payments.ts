import { createMiddleware } from 'hono/factory';
import { loadConfig } from '../../config';
import type { AppEnv } from '../app-env';
import { AppError } from '../../errors';
import { stripeClient } from '../../../integrations/stripe/client';

/** One Stripe client per request, only on routes that take payments; 503 when Stripe is not configured. */
export const payments = createMiddleware<AppEnv>(async (c, next) => {
  const config = loadConfig(c.env).stripe;
  if (!config) throw new AppError('PAYMENTS_UNAVAILABLE', 'Payments are not configured on this server');
  c.set('stripe', stripeClient(config));
  await next();
});
