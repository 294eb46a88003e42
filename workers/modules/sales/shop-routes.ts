import { z } from 'zod';
import { cartBody, checkoutBody } from '../../shared/schemas/payments';
import { loadConfig } from '../../core/config';
import { access } from '../../core/http/middleware/access';
import { payments } from '../../core/http/middleware/payments';
import { guestBudget } from '../../core/http/middleware/rate-limit';
import { defineRoute, json, jsonBody, router } from '../../core/http/route';
import { publicAlbumBySlug } from '../albums/gallery';
import { createOrderCheckout, orderBySession, quoteCart } from './checkout';
import { downloadLink } from './downloads';
import { listPacks } from './packs';
import { cartQuoteView, checkoutView, orderStatusView, packsView } from './views';

const tags = ['Shop'];
const cartExample = { items: [{ packId: 'pck_01hx3kd4e5f6g7h8', photoId: 'pho_01hx3kb2c4d5e6f7' }, { packId: 'pck_01hx3kd4e5f6g7h9', bib: '1234' }] };
const checkoutExample = { email: 'runner@example.com', ...cartExample, search: '1234' };

/** Runners buy photos: an album's packs, guest checkout, and the order status after paying. */
export const shopRoutes = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/albums/{slug}/packs', tags, summary: "A public album's price packs", access: access.public,
      errors: ['ALBUM_NOT_FOUND'],
      responses: { 200: json(packsView) },
    }),
    async (c) => {
      const album = await publicAlbumBySlug(c.get('db'), c.req.param('slug'));
      return c.json({ packs: await listPacks(c.get('db'), album.id) }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/albums/{slug}/cart', tags, summary: 'Prices a cart: the cheapest lines that sell each photo once',
      description: 'Lines whose photos other lines already sell (`covered`) or that match no photo (`empty`) are dropped, and said so; checkout refuses them (`CART_OVERLAP`, `NOTHING_TO_SELL`).',
      access: access.public,
      request: { body: jsonBody(cartBody.meta({ example: cartExample })) },
      errors: ['VALIDATION_ERROR', 'ALBUM_NOT_FOUND', 'PACK_NOT_FOUND', 'PHOTO_NOT_FOUND'],
      responses: { 200: json(cartQuoteView) },
    }),
    async (c) => c.json(await quoteCart(c.get('db'), c.req.param('slug'), c.req.valid('json').items), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/albums/{slug}/checkout', tags, summary: 'Guest checkout: an order and its Stripe Checkout page',
      description: '10 per minute per address. `SELLER_NOT_PAYABLE` until the photographer\'s payouts are set up; `CART_OVERLAP` (naming the lines in `details.lines`) when a line sells only photos other lines sell: no order, no payment page.',
      access: access.public,
      middleware: [guestBudget('checkout'), payments],
      request: { body: jsonBody(checkoutBody.meta({ example: checkoutExample })) },
      errors: ['VALIDATION_ERROR', 'ALBUM_NOT_FOUND', 'PACK_NOT_FOUND', 'PHOTO_NOT_FOUND', 'SELLER_NOT_PAYABLE', 'NOTHING_TO_SELL', 'CART_OVERLAP', 'RATE_LIMITED', 'PAYMENTS_UNAVAILABLE'],
      responses: { 201: json(checkoutView, 'Created') },
    }),
    async (c) => {
      const origin = new URL(c.req.url).origin;
      return c.json(await createOrderCheckout(c.get('db'), c.get('stripe'), c.req.param('slug'), c.req.valid('json'), origin), 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/orders/{id}', tags, summary: 'An order after Checkout, and its download link once paid',
      description: 'For the "thank you" page Stripe returns to; the Checkout Session id is the credential.',
      access: access.public,
      request: { query: z.object({ session_id: z.string().min(1).max(200) }) },
      errors: ['ORDER_NOT_FOUND'],
      responses: { 200: json(orderStatusView) },
    }),
    async (c) => {
      const order = await orderBySession(c.get('db'), c.req.param('id'), c.req.valid('query').session_id);
      const download = order.status === 'paid' ? await downloadLink(loadConfig(c.env).uploads.signingSecret, new URL(c.req.url).origin, order.id) : null;
      return c.json({ order: { id: order.id, status: order.status, totalCents: order.totalCents, currency: order.currency }, download }, 200);
    },
  );
