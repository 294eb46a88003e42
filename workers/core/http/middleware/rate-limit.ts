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

/** The first four groups of an IPv6 address (its /64), `::` expanded; null if it is not one. */
function ipv6Prefix64(ip: string): string | null {
  const [head = '', tail, extra] = ip.toLowerCase().split('::');
  if (extra !== undefined || !/^[0-9a-f:]+$/.test(ip.toLowerCase())) return null;
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  if (groups.length !== 8 || groups.some((g) => g.length === 0 || g.length > 4)) return null;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * Who a per-address budget belongs to: `CF-Connecting-IP`, which Cloudflare's edge sets itself
 * (a client's own value is overwritten) and wrangler dev sets to the socket's peer (Miniflare's
 * entry worker: 127.0.0.1 on this machine, a phone's LAN address with HOST=0.0.0.0). Never
 * X-Forwarded-For: any client can write it. An IPv6 address counts by its /64, the block one
 * subscriber line is given, so a visitor cannot walk through addresses for fresh budgets.
 * No header at all (a direct call: tests, service bindings) is one shared "unknown" caller.
 */
export function clientIp(req: Request): string {
  const ip = req.headers.get('CF-Connecting-IP')?.trim();
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  return ip.includes(':') ? (ipv6Prefix64(ip) ?? ip) : ip;
}

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
