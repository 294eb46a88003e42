import { createMiddleware } from 'hono/factory';
import { createDb } from '../../db/client';
import type { AppEnv } from '../app-env';

/** The drizzle client on the context: the isolate's own for this D1 binding, never one per request. */
export const database = createMiddleware<AppEnv>(async (c, next) => {
  c.set('db', createDb(c.env.DB));
  await next();
});
