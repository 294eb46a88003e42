import type { TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { AppError, type ErrorCode } from '../errors';

/** Public images are named by what they hold (an id, a version): a URL never changes meaning. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The Cloudflare Cache API in front of a response: a hit never reaches D1 or R2 again.
 * `X-Cache` says which it was (useful in tests and when debugging from a browser).
 * The answer has the type of what `produce` makes, since a hit is a copy of what it made before.
 */
export async function fromEdgeCache<R extends Response>(cacheKey: string, ctx: Pick<ExecutionContext, 'waitUntil'>, produce: () => Promise<R>): Promise<R> {
  const cache = caches.default;
  const key = new Request(cacheKey, { method: 'GET' });
  const hit = await cache.match(key);
  // The one copy a hit costs: what the Cache API returns has immutable headers, and the request
  // id still has to go on. The stored copy already says `X-Cache: HIT`.
  if (hit) return new Response(hit.body, hit) as R;
  const fresh = await produce();
  const response = new Response(fresh.body, fresh);
  if (response.status === 200) {
    const stored = response.clone();
    stored.headers.set('X-Cache', 'HIT');
    ctx.waitUntil(cache.put(key, stored));
  }
  response.headers.set('X-Cache', 'MISS');
  return response as R;
}

/**
 * A JSON response typed like `c.json`'s (so a route's schema checks it), built apart from the
 * context: what goes to the edge cache must not carry one visitor's headers (CORS, request id).
 */
export function cacheableJson<T>(data: T, headers: HeadersInit): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  // TypedResponse is a type-level brand (c.json's own return is asserted the same way).
  return Response.json(data, { headers }) as Response & TypedResponse<JSONParsed<T>, 200, 'json'>;
}

/** 304 when the client already holds this ETag. */
export function notModified(request: Request, etag: string | null): boolean {
  const sent = request.headers.get('If-None-Match');
  return Boolean(etag && sent?.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`));
}

/**
 * A public, immutable WebP kept in R2, from the edge when it can; 304 when the browser holds it.
 * `load` runs only on a cache miss (it may look the key up in D1); no object is `missing`.
 */
export async function immutableImage(
  request: Request,
  ctx: Pick<ExecutionContext, 'waitUntil'>,
  load: () => Promise<R2ObjectBody | null>,
  missing: { code: ErrorCode; message: string },
): Promise<Response> {
  const response = await fromEdgeCache(request.url, ctx, async () => {
    const object = await load();
    if (!object) throw new AppError(missing.code, missing.message);
    return new Response(object.body, { headers: { 'Content-Type': 'image/webp', 'Cache-Control': IMMUTABLE, ETag: object.httpEtag, 'Content-Length': String(object.size) } });
  });
  const etag = response.headers.get('ETag');
  if (notModified(request, etag)) return new Response(null, { status: 304, headers: { ETag: etag!, 'Cache-Control': IMMUTABLE } });
  return response;
}
