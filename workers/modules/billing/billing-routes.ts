import { creditCheckoutBody, estimateQuery, historyQuery, subscribeBody } from '../../shared/schemas/payments';
import { cursorParam } from '../../core/db/cursor';
import { access } from '../../core/http/middleware/access';
import { payments } from '../../core/http/middleware/payments';
import { defineRoute, json, jsonBody, router } from '../../core/http/route';
import { creditPackCheckout, listInvoices, portalLink, subscriptionCheckout } from './billing';
import { creditsOverview, estimateCost } from './credits';
import { creditHistory } from './credit-history';
import { verifiedEmail } from '../accounts/email-verification';
import { checkoutSessionView, creditHistoryView, creditsView, estimateView, invoicesView, portalView } from './views';

const tags = ['Billing'];
const origin = (url: string) => new URL(url).origin;
/** Buying: people only (owners and admins) with a confirmed email, with a Stripe client. */
const buying = { access: access.admin, middleware: [verifiedEmail, payments], errors: ['EMAIL_NOT_VERIFIED' as const, 'PAYMENTS_UNAVAILABLE' as const] };

/** Pros pay for processing: credits (balance, prices, ledger), packs, subscriptions, portal, invoices. */
export const billingRoutes = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/credits', tags, summary: 'Credit balance, prices, what waits for credits, offers and the ledger',
      access: access.scope('billing:read'),
      responses: { 200: json(creditsView) },
    }),
    async (c) => c.json(await creditsOverview(c.get('db'), c.get('principal').workspaceId), 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/credits/history', tags, summary: 'The credit history, newest first: same-day AI work grouped, zero rows left out, paged',
      access: access.scope('billing:read'),
      request: { query: historyQuery },
      responses: { 200: json(creditHistoryView) },
    }),
    async (c) => {
      const { cursor, limit, timeZone } = c.req.valid('query');
      return c.json(await creditHistory(c.get('db'), c.get('principal').workspaceId, { cursor: cursorParam(cursor), limit, timeZone }), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/credits/estimate', tags, summary: 'What some paid work would cost, against the balance', access: access.scope('billing:read'),
      request: { query: estimateQuery },
      responses: { 200: json(estimateView) },
    }),
    async (c) => {
      const { work, count } = c.req.valid('query');
      return c.json(await estimateCost(c.get('db'), c.get('principal').workspaceId, work, count), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/billing/credits', tags, summary: 'Buy a credit pack: a Stripe Checkout page', ...buying,
      request: { body: jsonBody(creditCheckoutBody.meta({ example: { pack: 'credits_500' } })) },
      responses: { 201: json(checkoutSessionView, 'Created') },
    }),
    async (c) => {
      const { pack } = c.req.valid('json');
      return c.json(await creditPackCheckout(c.get('db'), c.get('stripe'), c.get('principal').workspaceId, pack, origin(c.req.url)), 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/billing/subscription', tags, summary: 'Subscribe to a monthly plan: a Stripe Checkout page', ...buying,
      request: { body: jsonBody(subscribeBody.meta({ example: { plan: 'starter_monthly' } })) },
      responses: { 201: json(checkoutSessionView, 'Created') },
    }),
    async (c) => {
      const { plan } = c.req.valid('json');
      return c.json(await subscriptionCheckout(c.get('db'), c.get('stripe'), c.get('principal').workspaceId, plan, origin(c.req.url)), 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/billing/portal', tags, summary: 'A Stripe Billing Portal link (cancel, card, invoices)', ...buying,
      responses: { 201: json(portalView, 'Created') },
    }),
    async (c) => c.json(await portalLink(c.get('db'), c.get('stripe'), c.get('principal').workspaceId, origin(c.req.url)), 201),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/billing/invoices', tags, summary: "The workspace's latest invoices (from Stripe)", access: access.scope('billing:read'),
      middleware: [payments],
      errors: ['PAYMENTS_UNAVAILABLE'],
      responses: { 200: json(invoicesView) },
    }),
    async (c) => c.json({ invoices: await listInvoices(c.get('db'), c.get('stripe'), c.get('principal').workspaceId) }, 200),
  );
