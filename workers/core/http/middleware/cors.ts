import { cors } from 'hono/cors';

/**
 * CORS for the web app when it is served from another origin (Cloudflare Pages). Only the
 * origins in APP_ORIGINS (comma-separated) are allowed; the same-origin setup needs none.
 */
export const corsForApp = (origins: string) => {
  const allowed = origins
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return cors({
    origin: (origin) => (allowed.includes(origin) ? origin : null),
    allowHeaders: ['Authorization', 'Content-Type', 'X-Workspace-Id'],
    allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
    exposeHeaders: ['ETag', 'X-Request-Id'],
    maxAge: 600,
  });
};
