/**
 * The Cloudflare Cache API in front of a response: a hit never reaches D1 or R2 again.
 * `X-Cache` says which it was (useful in tests and when debugging from a browser).
 */
export async function fromEdgeCache(
  cacheKey: string,
  ctx: Pick<ExecutionContext, 'waitUntil'>,
  produce: () => Promise<Response>,
): Promise<Response> {
  const cache = caches.default;
  const key = new Request(cacheKey, { method: 'GET' });
  const hit = await cache.match(key);
  if (hit) {
    const response = new Response(hit.body, hit);
    response.headers.set('X-Cache', 'HIT');
    return response;
  }
  const fresh = await produce();
  if (fresh.status === 200) ctx.waitUntil(cache.put(key, fresh.clone()));
  const response = new Response(fresh.body, fresh);
  response.headers.set('X-Cache', 'MISS');
  return response;
}

/** 304 when the client already holds this ETag. */
export function notModified(request: Request, etag: string | null): boolean {
  const sent = request.headers.get('If-None-Match');
  return Boolean(etag && sent && sent.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`));
}
