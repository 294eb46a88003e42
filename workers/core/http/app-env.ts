import type { Stripe } from '../../integrations/stripe/client';
import type { Principal } from '../../modules/accounts/principal';
import type { Db } from '../db/client';

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
