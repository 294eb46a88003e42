import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { AppError } from '../../errors';

/** Per-caller request budget (Workers Rate Limiting binding), after authentication. */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const principal = c.get('principal');
  const key = principal.kind === 'user' ? principal.userId : principal.apiKeyId;
  const { success } = await c.env.API_LIMITER.limit({ key });
  if (!success) throw new AppError('RATE_LIMITED', 'Too many requests; slow down and retry in a minute');
  await next();
});

/** The client address as Cloudflare reports it. */
export const clientIp = (req: Request) => req.headers.get('CF-Connecting-IP') ?? 'local';

/**
 * A small per-address budget for unauthenticated writes that cost something (a guest checkout
 * creates an order and a Stripe session): the login limiter's 10 per minute.
 */
export const guestBudget = (action: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const { success } = await c.env.LOGIN_LIMITER.limit({ key: `${action}:${clientIp(c.req.raw)}` });
    if (!success) throw new AppError('RATE_LIMITED', 'Too many attempts from this address; retry in a minute');
    await next();
  });
