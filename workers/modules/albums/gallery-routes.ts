import { z } from 'zod';
import { pageQuery } from '../../shared/schemas/pagination';
import { loadConfig } from '../../core/config';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { cursorParam } from '../../core/db/cursor';
import { cacheableJson, fromEdgeCache, immutableImage, notModified } from '../../core/http/edge-cache';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, router } from '../../core/http/route';
import { listPublicPhotos, PUBLIC_VARIANTS, type PublicVariant, publicAlbumBySlug, publicAlbumView, publicVariantKey, readyPhotoCount } from './gallery';
import { galleryPointer } from './gallery-pointer';
import { albumOfGrant } from './variant-grants';
import * as views from './views';

/** Variants are immutable at their versioned URL. */
/** Gallery JSON: short, since new photos keep arriving during an event. */
const SHORT = 'public, max-age=30, stale-while-revalidate=60';
/**
 * Photo lists: the edge copy is keyed by the album's content version, so it can never be stale and
 * may live longer; browsers ask again every time (a runner searching during the event must see
 * photos tagged a second ago), which the edge answers without touching D1.
 */
const PHOTO_LIST = 'public, max-age=0, s-maxage=600';

const tags = ['Gallery'];
const galleryPage = pageQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  bib: z.string().trim().regex(/^\d{1,8}$/, 'A bib is a number').optional(),
  q: z.string().trim().max(100).optional().meta({ description: 'A bib, or a runner name from the start list' }),
});
const variantQuery = z.object({
  v: z.string().optional().meta({ description: 'The variants version: a new one is a new URL' }),
  grant: z.string().optional().meta({ description: "An owner's grant (from the photo's own URLs), opening a private album" }),
});
const webp = (description: string) => ({ description, content: { 'image/webp': { schema: z.any().meta({ type: 'string', format: 'binary' }) } } });

/** The public gallery: no auth, only `public`/`unlisted` albums and `ready` photos. */
export const publicRoutes = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/albums/{slug}', tags, summary: 'A public or unlisted album', access: access.public,
      errors: ['ALBUM_NOT_FOUND'],
      responses: { 200: json(z.object({ album: views.publicAlbumView })) },
    }),
    async (c) => {
      const album = await publicAlbumBySlug(c.get('db'), c.req.param('slug'));
      c.header('Cache-Control', SHORT);
      return c.json({ album: publicAlbumView(album, await readyPhotoCount(c.get('db'), album.id)) }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/albums/{slug}/photos', tags, summary: "An album's ready photos in capture order, optionally searched by bib or name",
      description: "Edge-cached under the album's content version (`X-Cache: HIT | MISS`), with that version as its `ETag`.",
      access: access.public,
      request: { query: galleryPage },
      errors: ['ALBUM_NOT_FOUND'],
      responses: { 200: json(views.publicPhotosPage), 304: { description: 'Not modified (If-None-Match matched the ETag)' } },
    }),
    async (c) => {
      const { cursor, limit, bib, q } = c.req.valid('query');
      // No D1 while this isolate trusts what it knows of the slug: the version names the edge copy and the ETag.
      const { albumId, version } = await galleryPointer(c.get('db'), c.req.param('slug'));
      const etag = `"${albumId}.${version}"`;
      if (notModified(c.req.raw, etag)) return c.body(null, 304, { ETag: etag, 'Cache-Control': PHOTO_LIST });
      const key = new URL(c.req.url);
      key.searchParams.set('__version', `${albumId}.${version}`);
      const page = { cursor: cursorParam(cursor), limit };
      return fromEdgeCache(key.toString(), c.executionCtx, async () =>
        cacheableJson(await listPublicPhotos(c.get('db'), albumId, page, { bib, q }), { 'Cache-Control': PHOTO_LIST, ETag: etag }),
      );
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/photos/{id}/{file}', tags, summary: 'A public variant (`web.webp` or `thumb.webp`)',
      description: 'Immutable and edge-cached at its versioned URL; with `grant`, private and checked on every request.',
      access: access.public,
      request: { query: variantQuery },
      errors: ['NOT_FOUND', 'PHOTO_NOT_FOUND'],
      responses: { 200: webp('The WebP bytes'), 304: { description: 'Not modified (If-None-Match matched the ETag)' } },
    }),
    async (c) => {
      const variant = PUBLIC_VARIANTS.find((v) => c.req.param('file') === `${v}.webp`);
      if (!variant) throw new AppError('NOT_FOUND', 'Public variants are web.webp and thumb.webp');
      const { grant } = c.req.valid('query');
      if (grant) return grantedVariant(c.env, c.get('db'), c.req.param('id'), variant, grant);
      return publicVariant(c.env, c.get('db'), c.req.raw, c.executionCtx, c.req.param('id'), variant);
    },
  );

/** A variant of a visible album, from the edge when it can; 304 when the browser holds it. */
function publicVariant(env: Env, db: Db, request: Request, ctx: Pick<ExecutionContext, 'waitUntil'>, photoId: string, variant: PublicVariant) {
  const load = async () => env.PHOTOS.get(await publicVariantKey(db, photoId, variant));
  return immutableImage(request, ctx, load, { code: 'PHOTO_NOT_FOUND', message: 'No such public photo' });
}

/** An owner's view of a variant, through a grant: checked on every request, never edge-cached. */
async function grantedVariant(env: Env, db: Db, photoId: string, variant: PublicVariant, grant: string) {
  const granted = await albumOfGrant(loadConfig(env).uploads.signingSecret, grant);
  if (!granted) throw new AppError('PHOTO_NOT_FOUND', 'No such photo, or this link has expired');
  const object = await env.PHOTOS.get(await publicVariantKey(db, photoId, variant, granted.albumId));
  if (!object) throw new AppError('PHOTO_NOT_FOUND', 'No such photo');
  const maxAge = Math.max(0, granted.expires - Math.floor(Date.now() / 1000));
  return new Response(object.body, {
    headers: { 'Content-Type': 'image/webp', 'Cache-Control': `private, max-age=${maxAge}`, ETag: object.httpEtag, 'Content-Length': String(object.size) },
  });
}
