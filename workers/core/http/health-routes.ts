import { z } from 'zod';
import { access } from './middleware/access';
import { defineRoute, json, router } from './route';

const healthView = z
  .object({ status: z.enum(['ok', 'degraded']), checks: z.object({ d1: z.boolean() }), latencyMs: z.number() })
  .meta({ id: 'Health' });

/** Liveness plus a cheap D1 round trip, so a broken binding shows up here first. */
export const health = router().openapi(
  defineRoute({
    method: 'get', path: '/', tags: ['Health'], summary: 'Liveness and a D1 round trip', access: access.public,
    responses: { 200: json(healthView, 'Everything answers'), 503: json(healthView, 'D1 does not answer') },
  }),
  async (c) => {
    const started = Date.now();
    const d1 = await c.env.DB.prepare('select 1 as ok').first<{ ok: number }>().then((r) => r?.ok === 1, () => false);
    const body = { status: d1 ? ('ok' as const) : ('degraded' as const), checks: { d1 }, latencyMs: Date.now() - started };
    return d1 ? c.json(body, 200) : c.json(body, 503);
  },
);
