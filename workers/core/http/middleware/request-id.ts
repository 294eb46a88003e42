import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { randomBase32 } from '../../../shared/ids';

/** Every response carries `X-Request-Id`, the same id error bodies and logs show. */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const id = `req_${randomBase32(10)}`;
  c.set('requestId', id);
  await next();
  c.header('X-Request-Id', id);
});
