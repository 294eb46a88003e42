import { Hono } from 'hono';
import type { AppEnv } from '../context';
import { creditsOverview } from '../services/credits';

/** Pros pay for processing: credits (balance, prices, ledger), packs, subscriptions, invoices. */
export const billingRoutes = new Hono<AppEnv>().get('/credits', async (c) => {
  return c.json(await creditsOverview(c.get('db'), c.get('principal').workspaceId));
});
