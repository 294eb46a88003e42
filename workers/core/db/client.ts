import { type DrizzleD1Database, drizzle } from 'drizzle-orm/d1';
import * as schema from '../../db/schema/index';

/** The one database type: drizzle over D1 with the whole schema (relational queries included). */
export type Db = DrizzleD1Database<typeof schema>;

const clients = new WeakMap<D1Database, Db>();

/**
 * The one constructor, memoised per D1 binding (so once per isolate): drizzle's client holds no
 * request state, and building it with the whole schema was a tenth of the CPU of a request that
 * never queries (a cached thumbnail).
 */
export function createDb(d1: D1Database): Db {
  let db = clients.get(d1);
  if (!db) {
    db = drizzle(d1, { schema });
    clients.set(d1, db);
  }
  return db;
}
