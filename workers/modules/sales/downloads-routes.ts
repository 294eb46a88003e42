import { z } from 'zod';
import { downloadQuery } from '../../shared/schemas/payments';
import { loadConfig } from '../../core/config';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, router } from '../../core/http/route';
import { allowedSize, downloadManifest, fileName, orderedPhoto, orderedPhotos, orderedThumb, orderFromLink, orderZip, photoStream } from './downloads';
import { type DownloadManifestView, downloadManifestView } from './views';

/** Private: the links are personal (no shared cache may keep the bytes). */
const PRIVATE = 'private, no-store';
const tags = ['Downloads'];
const binary = z.string().meta({ format: 'binary' });
const linkErrors = ['DOWNLOAD_LINK_INVALID', 'DOWNLOAD_LINK_EXPIRED', 'ORDER_NOT_FOUND', 'ORDER_NOT_PAID'] as const;
const secretOf = (env: Env) => loadConfig(env).uploads.signingSecret;

/** A streamed file to save: the headers of `init` (a ZIP's length), its type and name, never cached. */
function attachment(body: ReadableStream | null, type: string, name: string, init?: HeadersInit, length?: number) {
  const headers = new Headers(init);
  headers.set('Content-Type', type);
  headers.set('Content-Disposition', `attachment; filename="${name}"`);
  headers.set('Cache-Control', PRIVATE);
  if (length !== undefined) headers.set('Content-Length', String(length));
  return new Response(body, { headers });
}

/** A paid order's photos, behind the signed link emailed to the buyer (the signature is the credential). */
export const downloadsRoutes = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/{orderId}', tags, summary: "What a paid order's signed link unlocks: a ZIP per size and each photo",
      description: 'The emailed link (30 days). A browser (`Accept: text/html`) is sent to the web app\'s downloads page, which reads this JSON.',
      access: access.public,
      request: { query: downloadQuery },
      errors: [...linkErrors],
      responses: {
        200: json(downloadManifestView),
        303: { description: "A browser: to the web app's `/downloads/:orderId` page, query intact" },
      },
    }),
    async (c) => {
      if (c.req.header('Accept')?.includes('text/html')) return c.redirect(`/downloads/${c.req.param('orderId')}${new URL(c.req.url).search}`, 303);
      const manifest = await downloadManifest(c.get('db'), secretOf(c.env), c.req.param('orderId'), c.req.valid('query'));
      c.header('Cache-Control', PRIVATE);
      // The 303 lets any Response through the route's types: `satisfies` keeps the body checked.
      return c.json(manifest satisfies DownloadManifestView, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/{orderId}/zip', tags, summary: "A paid order's photos as one ZIP, streamed",
      description: 'Exactly the order\'s photos; `size=web` gives 1600 px JPEGs.',
      access: access.public,
      request: { query: downloadQuery },
      errors: [...linkErrors, 'FORBIDDEN', 'PHOTO_NOT_FOUND'],
      responses: { 200: { description: 'The ZIP (stored entries)', content: { 'application/zip': { schema: binary } } } },
    }),
    async (c) => {
      const link = c.req.valid('query');
      const order = await orderFromLink(c.get('db'), secretOf(c.env), c.req.param('orderId'), link);
      const size = allowedSize(order, link.size);
      const zip = await orderZip(c.env, await orderedPhotos(c.get('db'), order.id), size, (work) => c.executionCtx.waitUntil(work));
      return attachment(zip.body, 'application/zip', `vitrine-${order.id}${size === 'web' ? '-1600' : ''}.zip`, zip.headers);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/{orderId}/photos/{photoId}', tags, summary: 'One photo of a paid order', access: access.public,
      request: { query: downloadQuery },
      errors: [...linkErrors, 'FORBIDDEN', 'PHOTO_NOT_FOUND'],
      responses: { 200: { description: 'The photo: the original, or a 1600 px JPEG', content: { 'image/*': { schema: binary } } } },
    }),
    async (c) => {
      const link = c.req.valid('query');
      const order = await orderFromLink(c.get('db'), secretOf(c.env), c.req.param('orderId'), link);
      const size = allowedSize(order, link.size);
      const photo = await orderedPhoto(c.get('db'), order.id, c.req.param('photoId'));
      const file = await photoStream(c.env, photo, size);
      return attachment(file.body, file.type, fileName(photo, size), undefined, file.size);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/{orderId}/photos/{photoId}/thumb.webp', tags, summary: 'The preview of one photo of a paid order',
      description: "What the downloads page shows: the photo's 400 px WebP, also when the album is no longer public.",
      access: access.public,
      request: { query: downloadQuery.extend({ v: z.coerce.number().int().optional() }) },
      errors: [...linkErrors, 'PHOTO_NOT_FOUND'],
      responses: { 200: { description: 'The WebP', content: { 'image/webp': { schema: binary } } } },
    }),
    async (c) => {
      const order = await orderFromLink(c.get('db'), secretOf(c.env), c.req.param('orderId'), c.req.valid('query'));
      const object = await orderedThumb(c.env.PHOTOS, await orderedPhoto(c.get('db'), order.id, c.req.param('photoId')));
      // Personal like every link here, but the browser may keep it for the hour (the URL is versioned).
      return new Response(object.body, { headers: { 'Content-Type': 'image/webp', 'Content-Length': String(object.size), 'Cache-Control': 'private, max-age=3600' } });
    },
  );
