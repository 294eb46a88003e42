import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { loadConfig } from '../../config';
import type { AppEnv } from '../app-env';

const built = new WeakMap<readonly string[], MiddlewareHandler>();

/** With no other origin allowed, every origin gets the same answer: no CORS headers, no `Vary`, no copy of the response. */
const sameOriginOnly: MiddlewareHandler = (_c, next) => next();

/** Hono's CORS middleware for these origins, built once per isolate (the config is validated once too). */
function corsFor(allowed: readonly string[]): MiddlewareHandler {
  if (!allowed.length) return sameOriginOnly;
  let middleware = built.get(allowed);
  if (!middleware) {
    middleware = cors({
      origin: (origin) => (allowed.includes(origin) ? origin : null),
      allowHeaders: ['Authorization', 'Content-Type', 'X-Workspace-Id'],
      allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
      exposeHeaders: ['ETag', 'X-Request-Id', 'RateLimit-Policy', 'Retry-After'],
      maxAge: 600,
    });
    built.set(allowed, middleware);
  }
  return middleware;
}

/**
 * CORS for the web app when it is served from another origin (Cloudflare Pages). Only the
 * origins in APP_ORIGINS are allowed; the same-origin setup needs none.
 */
export const corsForApp: MiddlewareHandler<AppEnv> = (c, next) => corsFor(loadConfig(c.env).appOrigins)(c, next);
