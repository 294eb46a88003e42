import { Hono } from 'hono';
import type { AppEnv } from './app-env';

/** Liveness plus a cheap D1 round trip, so a broken binding shows up here first. */
export const health = new Hono<AppEnv>().get('/', async (c) => {
  const started = Date.now();
  const d1 = await c.env.DB.prepare('select 1 as ok').first<{ ok: number }>().then(
    (r) => r?.ok === 1,
    () => false,
  );
  const body = { status: d1 ? 'ok' : 'degraded', checks: { d1 }, latencyMs: Date.now() - started };
  return c.json(body, d1 ? 200 : 503);
});
