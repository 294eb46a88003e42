import { type DrizzleD1Database, drizzle } from 'drizzle-orm/d1';
import * as schema from '../../db/schema/index';

/** The one database type: drizzle over D1 with the whole schema (relational queries included). */
export type Db = DrizzleD1Database<typeof schema>;

/** The one constructor: per request in the `database` middleware, per batch or job elsewhere. */
export const createDb = (d1: D1Database): Db => drizzle(d1, { schema });
