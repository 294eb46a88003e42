import { createMiddleware } from 'hono/factory';
import { AppError } from '../../errors';
import type { AppEnv } from '../app-env';

/**
 * The budgets of wrangler.toml's rate limiters (Workers Rate Limiting keeps its counters to
 * itself, so the remaining quota cannot be reported: the policy and, on a 429, Retry-After are).
 */
const API_BUDGET = { limit: 1200, windowSeconds: 60 };
const GUEST_BUDGET = { limit: 10, windowSeconds: 60 };
/** Both limiters count per 60 s window: a refused caller may try again after one. */
export const RETRY_AFTER_SECONDS = 60;

/** IETF draft-ietf-httpapi-ratelimit-headers: `RateLimit-Policy: "api";q=1200;w=60`. */
const policy = (name: string, budget: { limit: number; windowSeconds: number }) => `"${name}";q=${budget.limit};w=${budget.windowSeconds}`;

/** Per-caller request budget (Workers Rate Limiting binding), after authentication. */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const principal = c.get('principal');
  const key = principal.kind === 'user' ? principal.userId : principal.apiKeyId;
  c.header('RateLimit-Policy', policy('api', API_BUDGET));
  const { success } = await c.env.API_LIMITER.limit({ key });
  if (!success) throw new AppError('RATE_LIMITED', 'Too many requests; slow down and retry in a minute');
  await next();
});

/** The client address as Cloudflare reports it. */
export const clientIp = (req: Request) => req.headers.get('CF-Connecting-IP') ?? 'local';

/**
 * A small per-address budget for unauthenticated writes that cost something (a guest checkout
 * creates an order and a Stripe session) and for sign-in: the login limiter's 10 per minute.
 */
export async function spendGuestBudget(env: Env, keys: string[], message = 'Too many attempts; wait a minute and try again'): Promise<void> {
  const results = await Promise.all(keys.map((key) => env.LOGIN_LIMITER.limit({ key })));
  if (results.some((r) => !r.success)) throw new AppError('RATE_LIMITED', message);
}

export const guestBudget = (action: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.header('RateLimit-Policy', policy(action, GUEST_BUDGET));
    await spendGuestBudget(c.env, [`${action}:${clientIp(c.req.raw)}`]);
    await next();
  });
