import { describe, expect, it } from 'vitest';
import { PLANS, STARTER_CREDITS } from '../workers/shared/billing/catalogue';
import { call, callBytes } from './helpers/api';
import { readZip } from './helpers/zip';
import { makeAlbum, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForPhoto } from './helpers/photos';
import { becomePayable, payOnCheckoutPage, postWebhook, standInSession, stripeSignature, takeWebhooks } from './helpers/stripe';

const sessionOf = (url: string) => new URL(url).pathname.split('/').pop()!;
const deliver = async (payload: string) => postWebhook(payload, await stripeSignature(payload));

describe('Stripe events out of order', () => {
  it('a subscription invoice paid before its checkout completes still grants the credits once', async () => {
    const { token } = await signUp('events');
    const started = await call('POST', '/v1/billing/subscription', { token, json: { plan: 'pro_monthly' } });
    await payOnCheckoutPage(started.data.checkoutUrl);
    const deliveries = await takeWebhooks((await standInSession(started.data.checkoutUrl)).customer);
    const reversed = [...deliveries].reverse();
    expect(reversed[0]!.type).not.toBe('customer.subscription.created');
    for (const d of reversed) expect((await deliver(d.payload)).status).toBe(200);
    for (const d of deliveries) expect((await deliver(d.payload)).data.duplicate).toBe(true);
    const overview = (await call('GET', '/v1/credits', { token })).data;
    expect(overview.balance).toBe(STARTER_CREDITS + PLANS.pro_monthly.credits);
  });

  it('an older account.updated arriving late does not undo payability', async () => {
    const { token } = await signUp('events');
    const accountId = await becomePayable(token);
    const stale = JSON.stringify({
      id: `evt_${crypto.randomUUID().replace(/-/g, '')}`,
      object: 'event',
      type: 'account.updated',
      created: Math.floor(Date.now() / 1000) - 3600,
      data: { object: { id: accountId, object: 'account', charges_enabled: false, payouts_enabled: false } },
    });
    expect((await deliver(stale)).status).toBe(200);
    expect((await call('GET', '/v1/payouts', { token })).data).toEqual({ accountId, payable: true });
  });

  it('SEPA: completed while unpaid grants nothing; async_payment_succeeded pays the order', async () => {
    const { token } = await signUp('events');
    const album = await makeAlbum(token, { title: `Sepa ${crypto.randomUUID().slice(0, 6)}` });
    const photoId = await uploadPhoto(token, album.id, image('png'), 'image/png', 'a.png');
    await waitForPhoto(token, photoId);
    const pack = (await call('POST', `/v1/albums/${album.id}/packs`, { token, json: { name: 'Web', scope: 'photo', size: 'web', amountCents: 300 } })).data.pack;
    await becomePayable(token);
    const started = await call('POST', `/v1/public/albums/${album.slug}/checkout`, { json: { email: 'sepa@example.test', items: [{ packId: pack.id, photoId }] } });
    const sessionId = sessionOf(started.data.checkoutUrl);
    await payOnCheckoutPage(started.data.checkoutUrl, 'pay', 'sepa_debit');
    const [completed] = await takeWebhooks(sessionId);
    expect(completed!.type).toBe('checkout.session.completed');
    await deliver(completed!.payload);
    const before = await call('GET', `/v1/public/orders/${started.data.order.id}?session_id=${sessionId}`);
    expect(before.data).toMatchObject({ order: { status: 'pending' }, download: null });

    await new Promise((r) => setTimeout(r, 800));
    const [succeeded] = await takeWebhooks(sessionId);
    expect(succeeded!.type).toBe('checkout.session.async_payment_succeeded');
    await deliver(succeeded!.payload);
    const after = await call('GET', `/v1/public/orders/${started.data.order.id}?session_id=${sessionId}`);
    expect(after.data.order.status).toBe('paid');
    const manifest = await call('GET', new URL(after.data.download.url).pathname + new URL(after.data.download.url).search);
    expect(Object.keys(manifest.data.zip)).toEqual(['web']); // a web-size pack never unlocks originals
    const original = await call('GET', manifest.data.zip.web.replace('size=web', 'size=original'));
    expect(original.status).toBe(403);
    const web = await callBytes('GET', manifest.data.zip.web);
    expect(web.status).toBe(200);
    const [entry, ...more] = readZip(web.bytes);
    expect(more).toEqual([]);
    expect(entry!.name).toMatch(/-1600\.jpg$/);
    expect([...entry!.data.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]); // re-encoded as a JPEG by the Images binding
  });
});
