import type { DrizzleD1Database } from 'drizzle-orm/d1';
import type * as schema from '../../db/schema/index';
import type { Stripe } from '../../integrations/stripe/client';
import type { Principal } from '../../modules/accounts/principal';

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
