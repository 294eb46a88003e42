import { createMiddleware } from 'hono/factory';
import { createDb } from '../../db/client';
import type { AppEnv } from '../app-env';

/** One drizzle client per request. */
export const database = createMiddleware<AppEnv>(async (c, next) => {
  c.set('db', createDb(c.env.DB));
  await next();
});
