import { Hono } from 'hono';
import { downloadQuery } from '../../shared/schemas/payments';
import { loadConfig } from '../../core/config';
import type { AppEnv } from '../../core/http/app-env';
import { allowedSize, fileName, orderedPhoto, orderedPhotos, orderFromLink, orderZip, photoStream } from './downloads';
import { validate } from '../../core/http/validate';

/** Private: the links are personal (no shared cache may keep the bytes). */
const PRIVATE = 'private, no-store';

/** A paid order's photos, behind the signed link emailed to the buyer (the signature is the credential). */
export const downloadsRoutes = new Hono<AppEnv>()
  .get('/:orderId', validate('query', downloadQuery), async (c) => {
    // A person clicking the emailed link gets the web app's downloads page, which reads this JSON.
    if (c.req.header('Accept')?.includes('text/html')) {
      return c.redirect(`/downloads/${c.req.param('orderId')}${new URL(c.req.url).search}`, 303);
    }
    const link = c.req.valid('query');
    const order = await orderFromLink(c.get('db'), loadConfig(c.env).uploads.signingSecret, c.req.param('orderId'), link);
    const list = await orderedPhotos(c.get('db'), order.id);
    const query = (size: string) => `expires=${link.expires}&sig=${link.sig}&size=${size}`;
    const base = `/v1/downloads/${order.id}`;
    const sizes = order.size === 'original' ? ['original', 'web'] : ['web'];
    c.header('Cache-Control', PRIVATE);
    return c.json({
      order: { id: order.id, size: order.size, photoCount: list.length, expiresAt: new Date(link.expires * 1000).toISOString() },
      zip: Object.fromEntries(sizes.map((s) => [s, `${base}/zip?${query(s)}`])),
      photos: list.map((p) => ({ id: p.id, name: p.originalName, ...Object.fromEntries(sizes.map((s) => [s, `${base}/photos/${p.id}?${query(s)}`])) })),
    });
  })
  .get('/:orderId/zip', validate('query', downloadQuery), async (c) => {
    const link = c.req.valid('query');
    const order = await orderFromLink(c.get('db'), loadConfig(c.env).uploads.signingSecret, c.req.param('orderId'), link);
    const size = allowedSize(order, link.size);
    const zip = await orderZip(c.env, await orderedPhotos(c.get('db'), order.id), size, (work) => c.executionCtx.waitUntil(work));
    const headers = new Headers(zip.headers);
    headers.set('Content-Type', 'application/zip');
    headers.set('Content-Disposition', `attachment; filename="vitrine-${order.id}${size === 'web' ? '-1600' : ''}.zip"`);
    headers.set('Cache-Control', PRIVATE);
    return new Response(zip.body, { headers });
  })
  .get('/:orderId/photos/:photoId', validate('query', downloadQuery), async (c) => {
    const link = c.req.valid('query');
    const order = await orderFromLink(c.get('db'), loadConfig(c.env).uploads.signingSecret, c.req.param('orderId'), link);
    const size = allowedSize(order, link.size);
    const photo = await orderedPhoto(c.get('db'), order.id, c.req.param('photoId'));
    const file = await photoStream(c.env, photo, size);
    const headers = new Headers({ 'Content-Type': file.type, 'Content-Disposition': `attachment; filename="${fileName(photo, size)}"`, 'Cache-Control': PRIVATE });
    if (file.size !== undefined) headers.set('Content-Length', String(file.size));
    return new Response(file.body, { headers });
  });
