/**
 * A local stand-in for the Stripe API. The Worker's Stripe SDK points at it through its
 * `host`/`port`/`protocol` options (STRIPE_API_URL); everything else in the Worker is the
 * production code path. It speaks Stripe's form-encoded requests and JSON objects, serves a
 * hosted checkout page where a tester pays or cancels, and delivers signed webhooks.
 *
 *   const stripe = await startStripeStandIn({ port: 12111, webhookUrl: 'http://127.0.0.1:8787/v1/webhooks/stripe', webhookSecret });
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseForm } from '../form';
import {
  createAccount,
  createAccountLink,
  createCheckoutSession,
  createCustomer,
  createPortalSession,
  listOf,
  Store,
  StripeApiError,
  visible,
} from './api';
import { checkoutPage, invoicePage, onboardingPage, portalPage } from './pages';
import { cancelSubscription, completeOnboarding, deleteCustomer, expireSession, paySession, renewSubscription } from './payments';
import { webhookSender, type WebhookOptions } from './webhooks';

export type StripeStandInOptions = {
  port: number;
  host?: string;
  /** Where events are POSTed; without it they wait for `GET /_standin/deliveries` (pull mode, used by the tests). */
  webhookUrl?: string;
  webhookSecret: string;
} & Pick<WebhookOptions, 'duplicateRate' | 'maxAttempts' | 'retryDelayMs'>;

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_${Date.now()}` });
  res.end(JSON.stringify(body));
}

const html = (res: ServerResponse, body: string) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(body);
};

const redirect = (res: ServerResponse, location: string) => {
  res.writeHead(303, { Location: location });
  res.end();
};

export async function startStripeStandIn(options: StripeStandInOptions) {
  const store = new Store();
  const webhooks = webhookSender({ url: options.webhookUrl, secret: options.webhookSecret, ...options });
  const send = webhooks.send;

  /** The REST API: `/v1/...`, authenticated with any test-mode secret key. */
  function api(method: string, path: string, form: ReturnType<typeof parseForm>, query: URLSearchParams) {
    const base = store.base;
    const route = `${method} ${path.replace(/\/(cus|acct|cs_test|sub|in|bps)_[A-Za-z0-9_]+/, '/:id')}`;
    const id = path.split('/').pop()!;
    switch (route) {
      case 'POST /v1/customers':
        return createCustomer(store, form);
      case 'GET /v1/customers/:id':
        return store.get(id, 'customer');
      case 'DELETE /v1/customers/:id':
        return deleteCustomer(store, id, send);
      case 'POST /v1/accounts':
        return createAccount(store, form);
      case 'GET /v1/accounts/:id':
        return store.get(id, 'account');
      case 'POST /v1/account_links':
        return createAccountLink(store, form, base);
      case 'POST /v1/checkout/sessions':
        return visible(createCheckoutSession(store, form, base));
      case 'GET /v1/checkout/sessions/:id':
        return visible(store.get(id, 'checkout.session'));
      case 'POST /v1/billing_portal/sessions':
        return createPortalSession(store, form, base);
      case 'GET /v1/subscriptions/:id':
        return store.get(id, 'subscription');
      case 'GET /v1/invoices': {
        const customer = query.get('customer');
        return listOf(store.where('invoice', (i) => !customer || i.customer === customer), '/v1/invoices', Number(query.get('limit') ?? 10));
      }
    }
    throw new StripeApiError(404, `Unrecognized request URL (${method}: ${path}). The stand-in implements only what Vitrine uses.`);
  }

  /** The hosted pages and the stand-in's own controls. */
  async function pages(req: IncomingMessage, res: ServerResponse, url: URL, form: ReturnType<typeof parseForm>) {
    const [, area, id, action, arg] = url.pathname.split('/');
    const post = req.method === 'POST';
    if (area === 'checkout' && id) {
      const session = store.get(id, 'checkout.session');
      if (!post) return html(res, checkoutPage(store, session));
      if (action === 'pay') paySession(store, session, String(form.payment_method ?? 'card'), send);
      if (action === 'cancel') return redirect(res, String(session.cancel_url ?? session.success_url));
      return redirect(res, String(session.success_url).replace('{CHECKOUT_SESSION_ID}', session.id));
    }
    if (area === 'connect' && id === 'onboarding' && action) {
      const link = store.get(action, 'stand_in.account_link');
      const account = store.get(String(link.account), 'account');
      if (!post) return html(res, onboardingPage(link, account));
      if (arg === 'complete') completeOnboarding(store, account.id, send);
      return redirect(res, String(link.return_url));
    }
    if (area === 'portal' && id) {
      const session = store.get(id, 'billing_portal.session');
      if (!post) return html(res, portalPage(store, session));
      if (action === 'cancel' && arg) cancelSubscription(store, arg, send);
      return redirect(res, `/portal/${id}`);
    }
    if (area === 'invoices' && id && !post) return html(res, invoicePage(store.get(id.replace(/\.pdf$/, ''), 'invoice')));
    if (area === '_standin') {
      if (id === 'deliveries') return json(res, 200, { deliveries: webhooks.take(url.searchParams.get('about') ?? undefined) });
      if (id === 'webhook-log') return json(res, 200, { attempts: webhooks.log });
      if (id === 'subscriptions' && action && arg === 'renew' && post) return json(res, 200, renewSubscription(store, action, send));
      if (id === 'sessions' && action && arg === 'expire' && post) return json(res, 200, expireSession(store.get(action, 'checkout.session'), send) ?? {});
    }
    throw new StripeApiError(404, `No such page: ${url.pathname}`);
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    try {
      const body = await readBody(req);
      const form = parseForm(url.pathname.startsWith('/v1/') && req.method === 'GET' ? url.search.slice(1) : body);
      if (url.pathname.startsWith('/v1/')) {
        if (!/^Bearer (sk|rk)_test_\S+$/.test(req.headers.authorization ?? '')) {
          return json(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided: use a test-mode secret key (sk_test_...)' } });
        }
        return json(res, 200, api(req.method ?? 'GET', url.pathname, form, url.searchParams));
      }
      return await pages(req, res, url, form);
    } catch (err) {
      const e = err instanceof StripeApiError ? err : new StripeApiError(500, (err as Error).message);
      json(res, e.status, { error: { type: e.status >= 500 ? 'api_error' : 'invalid_request_error', message: e.message, ...(e.param ? { param: e.param } : {}) } });
    }
  });
  // Node closes idle keep-alive connections after 5 s, racing workerd's reuse of them ("Network
  // connection lost" in the Worker, as in workers-sdk#14848): keep them open instead.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  store.base = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    url: store.base,
    webhooks,
    close: () =>
      new Promise<void>((resolve) => {
        webhooks.stop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
