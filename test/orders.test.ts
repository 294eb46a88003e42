import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { downloadLink } from '../workers/modules/sales/downloads';
import { call, callBytes, testEnv } from './helpers/api';
import { makeAlbum, makeApiKey, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForPhoto } from './helpers/photos';
import { becomePayable, payOnCheckoutPage, relayWebhooks, sentEmails } from './helpers/stripe';
import { freshLimiterWindow, waitFor } from './helpers/wait';
import { jpegDimensions, readZip } from './helpers/zip';

const SIGNING_SECRET = env.UPLOAD_SIGNING_SECRET;

/** A photographer with an album of two ready photos and a "one photo" pack. */
async function shop({ payable = true } = {}) {
  const { token } = await signUp('events');
  const album = await makeAlbum(token, { title: `Race ${crypto.randomUUID().slice(0, 8)}` });
  const bytes = [image('bib1234'), image('png')];
  const ids = [await uploadPhoto(token, album.id, bytes[0]!), await uploadPhoto(token, album.id, bytes[1]!, 'image/png', 'finish.png')];
  for (const id of ids) expect((await waitForPhoto(token, id)).status).toBe('ready');
  const pack = (await call('POST', `/v1/albums/${album.id}/packs`, { token, json: { name: 'One photo', scope: 'photo', size: 'original', amountCents: 500 } })).data.pack;
  if (payable) await becomePayable(token);
  return { token, album, pack, photoIds: ids, bytes };
}

const buyer = () => `runner-${crypto.randomUUID().slice(0, 8)}@example.test`;

async function checkout(slug: string, packId: string, photoId: string, email = buyer()) {
  const res = await call('POST', `/v1/public/albums/${slug}/checkout`, { json: { email, items: [{ packId, photoId }] } });
  return { ...res, email };
}

describe('runners buy photos', () => {
  it('end to end: checkout page -> signed webhook -> paid order, one email, a ZIP of exactly the purchased original', async () => {
    const { token, album, pack, photoIds, bytes } = await shop();
    const packs = await call('GET', `/v1/public/albums/${album.slug}/packs`);
    expect(packs.data.packs).toEqual([expect.objectContaining({ id: pack.id, amountCents: 500, scope: 'photo' })]);

    const started = await checkout(album.slug, pack.id, photoIds[0]!);
    expect(started.status).toBe(201);
    expect(started.data.order).toMatchObject({ status: 'pending', photoCount: 1, subtotalCents: 500, feeCents: 100, totalCents: 600 });
    const sessionId = new URL(started.data.checkoutUrl).pathname.split('/').pop()!;
    const pending = await call('GET', `/v1/public/orders/${started.data.order.id}?session_id=${sessionId}`);
    expect(pending.data).toMatchObject({ order: { status: 'pending' }, download: null }); // unpaid: nothing granted

    const paid = await payOnCheckoutPage(started.data.checkoutUrl);
    expect(paid.status).toBe(303);
    expect(paid.location).toContain(`/orders/${started.data.order.id}?session_id=${sessionId}`);
    const events = await relayWebhooks(sessionId);
    expect(events.map((e) => e.type)).toEqual(['checkout.session.completed']);
    const session = JSON.parse(events[0]!.payload).data.object;
    expect(session.amount_total).toBe(600);

    const status = await call('GET', `/v1/public/orders/${started.data.order.id}?session_id=${sessionId}`);
    expect(status.data.order.status).toBe('paid');
    const sales = await call('GET', '/v1/orders', { token });
    expect(sales.data.orders).toEqual([expect.objectContaining({ id: started.data.order.id, status: 'paid', totalCents: 600, feeCents: 100, payoutCents: 500 })]);
    const linkPath = new URL(status.data.download.url).pathname + new URL(status.data.download.url).search;
    const manifest = await call('GET', linkPath);
    expect(manifest.status).toBe(200);
    // A person clicking the link lands on the web app's downloads page, query intact.
    const clicked = await call('GET', linkPath, { headers: { Accept: 'text/html,application/xhtml+xml' } });
    expect(clicked.status).toBe(303);
    expect(clicked.headers.get('Location')).toBe(linkPath.replace('/v1/downloads/', '/downloads/'));
    expect(manifest.data.photos.map((p: { id: string }) => p.id)).toEqual([photoIds[0]]);

    const zip = await fetchBytes(manifest.data.zip.original);
    const entries = readZip(zip.bytes);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.data).toEqual(bytes[0]);
    expect(zip.headers.get('Content-Length')).toBe(String(zip.bytes.byteLength));

    const single = await fetchBytes(manifest.data.photos[0].original);
    expect(single.bytes).toEqual(bytes[0]);
    const other = await call('GET', manifest.data.photos[0].original.replace(photoIds[0], photoIds[1]));
    expect(other.status).toBe(404); // a photo of the album that was not bought

    const mail = await waitFor(async () => (await sentEmails(started.email)).filter((m) => m.subject.startsWith('Your photos')), (m) => m.length > 0);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain('/v1/downloads/');
  });

  it('1600 px downloads are upright (EXIF orientation applied) and never upscaled', async () => {
    const { token } = await signUp('brand');
    const album = await makeAlbum(token, { title: `Web ${crypto.randomUUID().slice(0, 6)}` });
    const upright = await uploadPhoto(token, album.id, image('uprightLarge'), 'image/jpeg', 'portrait.jpg');
    const small = await uploadPhoto(token, album.id, image('png'), 'image/png', 'small.png');
    expect((await waitForPhoto(token, upright))).toMatchObject({ width: 1600, height: 2400 });
    await waitForPhoto(token, small);
    const pack = (await call('POST', `/v1/albums/${album.id}/packs`, { token, json: { name: 'Web album', scope: 'album', size: 'web', amountCents: 900 } })).data.pack;
    await becomePayable(token);
    const started = await call('POST', `/v1/public/albums/${album.slug}/checkout`, { json: { email: buyer(), items: [{ packId: pack.id }] } });
    await payOnCheckoutPage(started.data.checkoutUrl);
    await relayWebhooks(new URL(started.data.checkoutUrl).pathname.split('/').pop()!);
    const link = await downloadLink(SIGNING_SECRET, 'http://vitrine.test', started.data.order.id);
    const manifest = await call('GET', link.url);
    const entries = readZip((await fetchBytes(manifest.data.zip.web)).bytes);
    expect(entries.map((e) => e.name).sort()).toEqual([expect.stringMatching(/^portrait-.*-1600\.jpg$/), expect.stringMatching(/^small-.*-1600\.jpg$/)]);
    const dims = Object.fromEntries(entries.map((e) => [e.name.split('-')[0], jpegDimensions(e.data)]));
    expect(dims).toEqual({ portrait: { width: 1067, height: 1600 }, small: { width: 300, height: 200 } });
  });

  it('a photographer who is not payable cannot sell', async () => {
    const { album, pack, photoIds } = await shop({ payable: false });
    const res = await checkout(album.slug, pack.id, photoIds[0]!);
    expect(res.status).toBe(409);
    expect(res.data.error.code).toBe('SELLER_NOT_PAYABLE');

    // Guest checkout is budgeted per address (10 a minute).
    const ip = `10.250.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const json = { email: buyer(), items: [{ packId: pack.id, photoId: photoIds[0] }] };
    const statuses = [];
    await freshLimiterWindow();
    for (let i = 0; i < 11; i++) statuses.push((await call('POST', `/v1/public/albums/${album.slug}/checkout`, { json, ip })).status);
    expect(statuses.slice(0, 10).every((s) => s === 409)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('Stripe unreachable: a clear 503, nothing half-done for the photographer', async () => {
    const { token } = await signUp('events');
    const down = { ...testEnv, STRIPE_API_URL: 'http://127.0.0.1:9' } as Env;
    const res = await call('POST', '/v1/payouts/onboarding', { token, env: down });
    expect(res.status).toBe(503);
    expect(res.data.error).toMatchObject({ code: 'PAYMENTS_UNAVAILABLE', requestId: expect.any(String) });
    expect((await call('GET', '/v1/payouts', { token })).data).toEqual({ accountId: null, payable: false });
  });

  it('API keys need sales:read for orders and payouts, sales:write for price packs', async () => {
    const { token } = await signUp('events');
    const album = await makeAlbum(token, { title: `Keys ${crypto.randomUUID().slice(0, 6)}` });
    const albumsOnly = (await makeApiKey(token, ['albums:read', 'albums:write'])).key;
    const reader = (await makeApiKey(token, ['sales:read'])).key;
    const seller = (await makeApiKey(token, ['sales:write', 'albums:read'])).key;
    const packBody = { name: 'One photo', scope: 'photo', size: 'original', amountCents: 500 };
    for (const path of ['/v1/orders', '/v1/payouts']) {
      const refused = await call('GET', path, { token: albumsOnly });
      expect(refused.status).toBe(403);
      expect(refused.data.error.code).toBe('INSUFFICIENT_SCOPE');
      expect((await call('GET', path, { token: reader })).status).toBe(200);
    }
    const refused = await call('POST', `/v1/albums/${album.id}/packs`, { token: albumsOnly, json: packBody });
    expect(refused.status).toBe(403);
    expect(refused.data.error.code).toBe('INSUFFICIENT_SCOPE');
    const created = await call('POST', `/v1/albums/${album.id}/packs`, { token: seller, json: packBody });
    expect(created.status).toBe(201);
    // Listing an album's packs stays albums:read.
    expect((await call('GET', `/v1/albums/${album.id}/packs`, { token: albumsOnly })).data.packs).toHaveLength(1);
    const kept = await call('DELETE', `/v1/packs/${created.data.pack.id}`, { token: albumsOnly });
    expect(kept.data.error.code).toBe('INSUFFICIENT_SCOPE');
    expect((await call('DELETE', `/v1/packs/${created.data.pack.id}`, { token: seller })).status).toBe(204);
  });

  it('refuses bad carts: unknown pack, missing photo, photo of another album, bad email', async () => {
    const { album, pack, photoIds } = await shop();
    const other = await shop();
    expect((await call('POST', `/v1/public/albums/${album.slug}/checkout`, { json: { email: buyer(), items: [{ packId: other.pack.id, photoId: photoIds[0] }] } })).data.error.code).toBe('PACK_NOT_FOUND');
    expect((await call('POST', `/v1/public/albums/${album.slug}/checkout`, { json: { email: buyer(), items: [{ packId: pack.id }] } })).status).toBe(400);
    expect((await checkout(album.slug, pack.id, other.photoIds[0]!)).data.error.code).toBe('PHOTO_NOT_FOUND');
    const badEmail = await call('POST', `/v1/public/albums/${album.slug}/checkout`, { json: { email: 'nope', items: [{ packId: pack.id, photoId: photoIds[0] }] } });
    expect(badEmail.status).toBe(400);
    expect(badEmail.data.error).toMatchObject({ code: 'VALIDATION_ERROR', requestId: expect.any(String) });
  });

  it('the same completed event delivered 100 times: one paid order, one email', async () => {
    const { album, pack, photoIds } = await shop();
    const started = await checkout(album.slug, pack.id, photoIds[0]!);
    const sessionId = new URL(started.data.checkoutUrl).pathname.split('/').pop()!;
    await payOnCheckoutPage(started.data.checkoutUrl);
    const [delivery] = await relayWebhooks(sessionId);
    const { postWebhook, stripeSignature } = await import('./helpers/stripe');
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all(Array.from({ length: 10 }, async () => postWebhook(delivery!.payload, await stripeSignature(delivery!.payload))));
      expect(answers.every((a) => a.status === 200 && a.data.duplicate === true)).toBe(true);
    }
    const outbox = await env.DB.prepare('select count(*) as n from email_outbox where dedupe_key = ?').bind(`order-paid:${started.data.order.id}`).first<{ n: number }>();
    expect(outbox!.n).toBe(1);
    const paid = await env.DB.prepare("select count(*) as n from orders where id = ? and status = 'paid'").bind(started.data.order.id).first<{ n: number }>();
    expect(paid!.n).toBe(1);
    const mail = await waitFor(() => sentEmails(started.email), (m) => m.length > 0);
    await new Promise((r) => setTimeout(r, 1500)); // give a second email every chance to arrive
    expect((await sentEmails(started.email)).length).toBe(mail.length);
    expect(mail).toHaveLength(1);
  });

  it('download links: unpaid, expired, tampered and another order’s links are refused', async () => {
    const { album, pack, photoIds } = await shop();
    const unpaid = await checkout(album.slug, pack.id, photoIds[0]!);
    const unpaidLink = await downloadLink(SIGNING_SECRET, 'http://vitrine.test', unpaid.data.order.id);
    expect((await call('GET', unpaidLink.url)).data.error.code).toBe('ORDER_NOT_PAID');

    const bought = await checkout(album.slug, pack.id, photoIds[1]!);
    await payOnCheckoutPage(bought.data.checkoutUrl);
    await relayWebhooks(new URL(bought.data.checkoutUrl).pathname.split('/').pop()!);
    const link = await downloadLink(SIGNING_SECRET, 'http://vitrine.test', bought.data.order.id);
    expect((await call('GET', link.url)).status).toBe(200);

    const foreign = link.url.replace(bought.data.order.id, unpaid.data.order.id);
    expect((await call('GET', foreign)).data.error.code).toBe('DOWNLOAD_LINK_INVALID');
    const tampered = link.url.replace(/expires=(\d+)/, (_, e) => `expires=${Number(e) + 3600}`);
    expect((await call('GET', tampered)).data.error.code).toBe('DOWNLOAD_LINK_INVALID');
    const old = await downloadLink(SIGNING_SECRET, 'http://vitrine.test', bought.data.order.id, Date.now() - 31 * 24 * 3600 * 1000);
    const expired = await call('GET', `${old.url}`);
    expect(expired.status).toBe(403);
    expect(expired.data.error.code).toBe('DOWNLOAD_LINK_EXPIRED');
  });
});

async function fetchBytes(pathAndQuery: string) {
  const res = await callBytes('GET', pathAndQuery);
  if (res.status !== 200) throw new Error(`${pathAndQuery}: ${res.status} ${new TextDecoder().decode(res.bytes)}`);
  return res;
}
