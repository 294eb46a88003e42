import type { TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';

/**
 * The Cloudflare Cache API in front of a response: a hit never reaches D1 or R2 again.
 * `X-Cache` says which it was (useful in tests and when debugging from a browser).
 * The answer has the type of what `produce` makes, since a hit is a copy of what it made before.
 */
export async function fromEdgeCache<R extends Response>(cacheKey: string, ctx: Pick<ExecutionContext, 'waitUntil'>, produce: () => Promise<R>): Promise<R> {
  const cache = caches.default;
  const key = new Request(cacheKey, { method: 'GET' });
  const hit = await cache.match(key);
  if (hit) {
    const response = new Response(hit.body, hit);
    response.headers.set('X-Cache', 'HIT');
    return response as R;
  }
  const fresh = await produce();
  if (fresh.status === 200) ctx.waitUntil(cache.put(key, fresh.clone()));
  const response = new Response(fresh.body, fresh);
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
