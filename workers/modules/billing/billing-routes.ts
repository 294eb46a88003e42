import { Hono } from 'hono';
import { creditCheckoutBody, estimateQuery, subscribeBody } from '../../shared/schemas/payments';
import type { AppEnv } from '../../core/http/app-env';
import { payments } from '../../core/http/middleware/payments';
import { creditPackCheckout, listInvoices, portalLink, subscriptionCheckout } from './billing';
import { creditsOverview, estimateCost } from './credits';
import { requireWorkspaceAdmin } from '../accounts/principal';
import { validate } from '../../core/http/validate';

const origin = (url: string) => new URL(url).origin;

/** Pros pay for processing: credits (balance, prices, ledger), packs, subscriptions, portal, invoices. */
export const billingRoutes = new Hono<AppEnv>()
  .get('/credits', async (c) => {
    return c.json(await creditsOverview(c.get('db'), c.get('principal').workspaceId));
  })
  .get('/credits/estimate', validate('query', estimateQuery), async (c) => {
    const { work, count } = c.req.valid('query');
    return c.json(await estimateCost(c.get('db'), c.get('principal').workspaceId, work, count));
  })
  .use('/billing/*', payments)
  .post('/billing/credits', validate('json', creditCheckoutBody), async (c) => {
    const principal = c.get('principal');
    requireWorkspaceAdmin(principal);
    return c.json(await creditPackCheckout(c.get('db'), c.get('stripe'), principal.workspaceId, c.req.valid('json').pack, origin(c.req.url)), 201);
  })
  .post('/billing/subscription', validate('json', subscribeBody), async (c) => {
    const principal = c.get('principal');
    requireWorkspaceAdmin(principal);
    return c.json(await subscriptionCheckout(c.get('db'), c.get('stripe'), principal.workspaceId, c.req.valid('json').plan, origin(c.req.url)), 201);
  })
  .post('/billing/portal', async (c) => {
    const principal = c.get('principal');
    requireWorkspaceAdmin(principal);
    return c.json(await portalLink(c.get('db'), c.get('stripe'), principal.workspaceId, origin(c.req.url)), 201);
  })
  .get('/billing/invoices', async (c) => {
    return c.json({ invoices: await listInvoices(c.get('db'), c.get('stripe'), c.get('principal').workspaceId) });
  });
