import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { randomBase32 } from '../../../shared/ids';

/** Every response carries `X-Request-Id`, the same id error bodies and logs show. */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const id = `req_${randomBase32(10)}`;
  c.set('requestId', id);
  await next();
  try {
    // In place: `c.header` after the handler copies the whole response to set one header.
    c.res.headers.set('X-Request-Id', id);
  } catch {
    // Immutable headers (a response straight from fetch or the Cache API): then the copy it is.
    c.header('X-Request-Id', id);
  }
});
