import type { DrizzleD1Database } from 'drizzle-orm/d1';
import type * as schema from '../shared/db/schema';
import type { Stripe } from './lib/stripe';
import type { Principal } from './services/principal';

export type Db = DrizzleD1Database<typeof schema>;

/** Hono's typing for this app: the generated `Env` plus what middleware puts on the context. */
export type AppEnv = {
  Bindings: Env;
  Variables: {
    requestId: string;
    db: Db;
    principal: Principal;
    /** Set by the `payments` middleware on the routes that talk to Stripe. */
    stripe: Stripe;
  };
};
