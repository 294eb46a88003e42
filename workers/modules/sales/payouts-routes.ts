import { Hono } from 'hono';
import type { AppEnv } from '../../core/http/app-env';
import { payments } from '../../core/http/middleware/payments';
import { payoutStatus, startOnboarding } from './payouts';
import { requireWorkspaceAdmin } from '../accounts/principal';

/** Photographers get paid: Connect Express onboarding and whether the workspace can sell. */
export const payoutsRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json(await payoutStatus(c.get('db'), c.get('principal').workspaceId)))
  .post('/onboarding', payments, async (c) => {
    const principal = c.get('principal');
    requireWorkspaceAdmin(principal);
    const origin = new URL(c.req.url).origin;
    const urls = { returnUrl: `${origin}/payouts?onboarding=done`, refreshUrl: `${origin}/payouts?onboarding=expired` };
    return c.json(await startOnboarding(c.get('db'), c.get('stripe'), principal.workspaceId, urls), 201);
  });
