import { Hono } from 'hono';
import { z } from 'zod';
import { checkoutBody } from '../../shared/schemas/payments';
import { loadConfig } from '../../core/config';
import type { AppEnv } from '../../core/http/app-env';
import { payments } from '../../core/http/middleware/payments';
import { guestBudget } from '../../core/http/middleware/rate-limit';
import { createOrderCheckout, orderBySession } from './checkout';
import { downloadLink } from './downloads';
import { publicAlbumBySlug } from '../albums/gallery';
import { listPacks } from './packs';
import { validate } from '../../core/http/validate';

/** Runners buy photos: an album's packs, guest checkout, and the order status after paying. */
export const shopRoutes = new Hono<AppEnv>()
  .get('/albums/:slug/packs', async (c) => {
    const album = await publicAlbumBySlug(c.get('db'), c.req.param('slug'));
    return c.json({ packs: await listPacks(c.get('db'), album.id) });
  })
  .post('/albums/:slug/checkout', guestBudget('checkout'), payments, validate('json', checkoutBody), async (c) => {
    const origin = new URL(c.req.url).origin;
    return c.json(await createOrderCheckout(c.get('db'), c.get('stripe'), c.req.param('slug'), c.req.valid('json'), origin), 201);
  })
  .get('/orders/:id', validate('query', z.object({ session_id: z.string().min(1).max(200) })), async (c) => {
    const order = await orderBySession(c.get('db'), c.req.param('id'), c.req.valid('query').session_id);
    const secret = loadConfig(c.env).uploads.signingSecret;
    const download = order.status === 'paid' ? await downloadLink(secret, new URL(c.req.url).origin, order.id) : null;
    return c.json({ order: { id: order.id, status: order.status, totalCents: order.totalCents, currency: order.currency }, download });
  });
