import { Hono } from 'hono';
import { z } from 'zod';
import { pageQuery } from '../../shared/schemas/pagination';
import { loadConfig } from '../../core/config';
import type { AppEnv, Db } from '../../core/http/app-env';
import { AppError } from '../../core/errors';
import { cursorParam } from '../../core/db/cursor';
import { fromEdgeCache, notModified } from '../../core/http/edge-cache';
import {
  listPublicPhotos,
  PUBLIC_VARIANTS,
  type PublicVariant,
  publicAlbumBySlug,
  publicAlbumView,
  publicVariantKey,
  readyPhotoCount,
} from './gallery';
import { albumOfGrant } from './variant-grants';
import { validate } from '../../core/http/validate';

/** Variants are immutable at their versioned URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Gallery JSON: short, since new photos keep arriving during an event. */
const SHORT = 'public, max-age=30, stale-while-revalidate=60';
/**
 * Photo lists: the edge copy is keyed by the album's content version, so it can never be stale and
 * may live longer; browsers ask again every time (a runner searching during the event must see
 * photos tagged a second ago), which the edge answers without touching D1.
 */
const PHOTO_LIST = 'public, max-age=0, s-maxage=600';

const galleryPage = pageQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  bib: z.string().trim().regex(/^\d{1,8}$/, 'A bib is a number').optional(),
  q: z.string().trim().max(100).optional(),
});

/** The public gallery: no auth, only `public`/`unlisted` albums and `ready` photos. */
export const publicRoutes = new Hono<AppEnv>()
  .get('/albums/:slug', async (c) => {
    const db = c.get('db');
    const album = await publicAlbumBySlug(db, c.req.param('slug'));
    c.header('Cache-Control', SHORT);
    return c.json({ album: publicAlbumView(album, await readyPhotoCount(db, album.id)) });
  })
  .get('/albums/:slug/photos', validate('query', galleryPage), async (c) => {
    const db = c.get('db');
    const album = await publicAlbumBySlug(db, c.req.param('slug'));
    const { cursor, limit, bib, q } = c.req.valid('query');
    const page = { cursor: cursorParam(cursor), limit };
    // Keyed by the album's content version: a photo becoming ready moves to a new key.
    const key = new URL(c.req.url);
    key.searchParams.set('__version', String(album.contentVersion));
    return fromEdgeCache(key.toString(), c.executionCtx, async () => {
      const response = Response.json(await listPublicPhotos(db, album.id, page, { bib, q }));
      response.headers.set('Cache-Control', PHOTO_LIST);
      return response;
    });
  })
  .get('/photos/:id/:file', async (c) => {
    const variant = PUBLIC_VARIANTS.find((v) => c.req.param('file') === `${v}.webp`);
    if (!variant) throw new AppError('NOT_FOUND', 'Public variants are web.webp and thumb.webp');
    const grant = c.req.query('grant');
    if (grant) return grantedVariant(c.env, c.get('db'), c.req.param('id'), variant, grant);
    const response = await fromEdgeCache(c.req.url, c.executionCtx, async () => {
      const key = await publicVariantKey(c.get('db'), c.req.param('id'), variant);
      const object = await c.env.PHOTOS.get(key);
      if (!object) throw new AppError('PHOTO_NOT_FOUND', 'No such public photo');
      return new Response(object.body, {
        headers: { 'Content-Type': 'image/webp', 'Cache-Control': IMMUTABLE, ETag: object.httpEtag, 'Content-Length': String(object.size) },
      });
    });
    if (notModified(c.req.raw, response.headers.get('ETag'))) {
      return new Response(null, { status: 304, headers: { ETag: response.headers.get('ETag')!, 'Cache-Control': IMMUTABLE } });
    }
    return response;
  });

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
