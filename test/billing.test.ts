import { describe, expect, it } from 'vitest';
import { CREDIT_PACKS, PLANS, STARTER_CREDITS } from '../workers/shared/billing/catalogue';
import { call, testEnv } from './helpers/api';
import { setBalance } from './helpers/credits';
import { makeAlbum, makeApiKey, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForPhoto, waitForRecognition } from './helpers/photos';
import { payOnCheckoutPage, relayWebhooks, renewSubscription, sentEmails, standInSession } from './helpers/stripe';
import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../workers/index';

const sessionOf = (url: string) => new URL(url).pathname.split('/').pop()!;

describe('pros pay for processing', () => {
  it('buying a credit pack grants its credits once and resumes photos waiting for credits', async () => {
    const { token, workspace } = await signUp('events');
    const album = await makeAlbum(token, { title: `Waiting ${crypto.randomUUID().slice(0, 6)}` });
    await setBalance(workspace.id, 0);
    const photo = await waitForPhoto(token, await uploadPhoto(token, album.id, image('bib308')));
    expect(photo.recognition.status).toBe('awaiting_credits');

    const started = await call('POST', '/v1/billing/credits', { token, json: { pack: 'credits_100' } });
    expect(started.status).toBe(201);
    await payOnCheckoutPage(started.data.checkoutUrl);
    const delivered = await relayWebhooks(sessionOf(started.data.checkoutUrl));
    expect(delivered.map((d) => d.type)).toEqual(['checkout.session.completed']);
    // Redelivered: still one grant.
    const { postWebhook, stripeSignature } = await import('./helpers/stripe');
    await postWebhook(delivered[0]!.payload, await stripeSignature(delivered[0]!.payload));

    const read = await waitForRecognition(token, photo.id);
    expect(read.recognition.status).toBe('done');
    const credits = (await call('GET', '/v1/credits', { token })).data;
    expect(credits.balance).toBe(CREDIT_PACKS.credits_100.credits - 1);
    expect(credits.ledger.filter((r: { reason: string }) => r.reason === 'purchase')).toHaveLength(1);
  });

  it('a subscription grants its credits on each paid invoice; portal link and invoice list', async () => {
    const { token } = await signUp('events');
    const started = await call('POST', '/v1/billing/subscription', { token, json: { plan: 'starter_monthly' } });
    expect(started.status).toBe(201);
    await payOnCheckoutPage(started.data.checkoutUrl);
    const customer = await standInSession(started.data.checkoutUrl);
    const events = await relayWebhooks(customer.customer);
    expect(events.map((e) => e.type).sort()).toEqual(['checkout.session.completed', 'customer.subscription.created', 'invoice.paid']);

    let overview = (await call('GET', '/v1/credits', { token })).data;
    expect(overview.balance).toBe(STARTER_CREDITS + PLANS.starter_monthly.credits);
    expect(overview.subscription).toMatchObject({ id: customer.subscription, plan: 'starter_monthly', status: 'active' });
    // The plan as the pro knows it: its name and price from the catalogue, not its id.
    expect(overview.subscription).toMatchObject({ name: PLANS.starter_monthly.name, amountCents: PLANS.starter_monthly.amountCents, credits: PLANS.starter_monthly.credits });

    // Next month: the stand-in renews, invoice.paid grants again.
    await renewSubscription(customer.subscription!);
    await relayWebhooks(customer.customer);
    overview = (await call('GET', '/v1/credits', { token })).data;
    expect(overview.balance).toBe(STARTER_CREDITS + 2 * PLANS.starter_monthly.credits);

    const invoices = await call('GET', '/v1/billing/invoices', { token });
    expect(invoices.data.invoices).toHaveLength(2);
    expect(invoices.data.invoices[0]).toMatchObject({ status: 'paid', amountPaidCents: PLANS.starter_monthly.amountCents });
    const portal = await call('POST', '/v1/billing/portal', { token });
    expect(portal.status).toBe(201);
    expect((await fetch(portal.data.url)).status).toBe(200);
  });

  it('a credit pack bought is on the invoice list: amount, date, what was bought and a receipt that opens', async () => {
    const { token } = await signUp('events');
    const started = await call('POST', '/v1/billing/credits', { token, json: { pack: 'credits_500' } });
    await payOnCheckoutPage(started.data.checkoutUrl);
    await relayWebhooks(sessionOf(started.data.checkoutUrl));
    const { data } = await call('GET', '/v1/billing/invoices', { token });
    expect(data.invoices).toEqual([
      expect.objectContaining({ status: 'paid', amountPaidCents: CREDIT_PACKS.credits_500.amountCents, currency: 'eur', description: CREDIT_PACKS.credits_500.name }),
    ]);
    expect(Math.abs(Date.parse(data.invoices[0].createdAt) - Date.now())).toBeLessThan(60_000);
    const receipt = await fetch(data.invoices[0].url);
    expect(receipt.status).toBe(200);
    expect(await receipt.text()).toContain(CREDIT_PACKS.credits_500.name);
  });

  it('only owners and admins buy; bad packs are refused', async () => {
    const { token } = await signUp('events');
    expect((await call('POST', '/v1/billing/credits', { token, json: { pack: 'credits_1' } })).status).toBe(400);
    const key = (await call('POST', '/v1/api-keys', { token, json: { name: 'k', scopes: ['albums:read'] } })).data.apiKey.key;
    expect((await call('POST', '/v1/billing/credits', { token: key, json: { pack: 'credits_100' } })).status).toBe(403);
    expect((await call('POST', '/v1/billing/credits', { json: { pack: 'credits_100' } })).status).toBe(401);
  });

  it('API keys read credits, estimates and invoices only with billing:read', async () => {
    const { token } = await signUp('events');
    const albumsOnly = (await makeApiKey(token, ['albums:read', 'photos:read', 'sales:read'])).key;
    const billing = (await makeApiKey(token, ['billing:read'])).key;
    for (const path of ['/v1/credits', '/v1/credits/estimate?work=recognition&count=10', '/v1/billing/invoices']) {
      const refused = await call('GET', path, { token: albumsOnly });
      expect(refused.status).toBe(403);
      expect(refused.data.error.code).toBe('INSUFFICIENT_SCOPE');
      expect((await call('GET', path, { token: billing })).status).toBe(200);
    }
    // Buying stays with people (owners and admins), whatever the key's scopes.
    expect((await call('POST', '/v1/billing/portal', { token: billing })).data.error.code).toBe('FORBIDDEN');
  });

  it('the dev mailbox lists what the outbox sent (welcome email included)', async () => {
    const { email } = await signUp('events');
    const res = await call('GET', '/dev/mail?format=json');
    expect(res.status).toBe(200);
    expect(res.data.emails).toContainEqual(expect.objectContaining({ to: email, template: 'welcome' }));
    const off = await call('GET', '/dev/mail', { env: { ...testEnv, DEV_MAILBOX: '' } as Env });
    expect(off.status).toBe(404);
  });

  it('the cron sends outbox emails whose queue message was lost', async () => {
    const id = `eml_cron${crypto.randomUUID().slice(0, 8)}`;
    const to = `lost-${crypto.randomUUID().slice(0, 8)}@example.test`;
    await env.DB.prepare(
      "insert into email_outbox (id, dedupe_key, `to`, template, subject, html, text, created_at) values (?, ?, ?, 'welcome', 'Lost email', '<p>hi</p>', 'hi', ?)",
    )
      .bind(id, `test:${id}`, to, Date.now() - 10 * 60_000)
      .run();
    await worker.scheduled(createScheduledController({ cron: '*/5 * * * *' }), testEnv);
    for (let i = 0; i < 75 && (await sentEmails(to)).length === 0; i++) await new Promise((r) => setTimeout(r, 200));
    expect((await sentEmails(to)).map((m) => m.subject)).toEqual(['Lost email']);
    const row = await env.DB.prepare('select status, attempts from email_outbox where id = ?').bind(id).first();
    expect(row).toEqual({ status: 'sent', attempts: 1 });
  });
});
