import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, callBytes } from './helpers/api';
import { makeAlbum, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForPhoto } from './helpers/photos';
import { becomePayable, payOnCheckoutPage, postWebhook, relayWebhooks, sentEmails, stripeSignature, takeWebhooks } from './helpers/stripe';
import { waitFor } from './helpers/wait';

type Pack = { id: string; amountCents: number };
let token: string;
let owner: string;
let album: { id: string; slug: string };
let photoIds: string[];
let onePhoto: Pack;
let bibPack: Pack;
let albumPack: Pack;

const buyer = () => `runner-${crypto.randomUUID().slice(0, 8)}@example.test`;
const post = (path: string, json: unknown) => call('POST', `/v1/public/albums/${album.slug}${path}`, { json });
const sessionOf = (checkoutUrl: string) => new URL(checkoutUrl).pathname.split('/').pop()!;

/** A brand workspace (no automatic reading: the bibs are ours): three photos, bib 2001 on the first only, bib 2002 on the last two. */
beforeAll(async () => {
  ({ token, email: owner } = await signUp('brand'));
  album = await makeAlbum(token, { title: `Cart ${crypto.randomUUID().slice(0, 6)}` });
  photoIds = [];
  for (const name of ['orientation1', 'orientation2', 'png']) photoIds.push((await waitForPhoto(token, await uploadPhoto(token, album.id, image(name), name === 'png' ? 'image/png' : 'image/jpeg', `${name}.jpg`))).id);
  await call('POST', `/v1/photos/${photoIds[0]}/tags`, { token, json: { action: 'add', value: '2001' } });
  for (const id of photoIds.slice(1)) await call('POST', `/v1/photos/${id}/tags`, { token, json: { action: 'add', value: '2002' } });
  const pack = async (name: string, scope: string, amountCents: number) =>
    (await call('POST', `/v1/albums/${album.id}/packs`, { token, json: { name, scope, size: 'original', amountCents } })).data.pack as Pack;
  onePhoto = await pack('One photo', 'photo', 500);
  bibPack = await pack('All my photos', 'bib', 1590);
  albumPack = await pack('Whole album', 'album', 3000);
  await becomePayable(token);
});

describe('a cart sells each photo once', () => {
  it('refuses a checkout whose line sells only photos another line already sells: 409 CART_OVERLAP, no order, no session', async () => {
    const before = await env.DB.prepare('select count(*) as n from orders where album_id = ?').bind(album.id).first<{ n: number }>();
    const res = await post('/checkout', { email: buyer(), items: [{ packId: onePhoto.id, photoId: photoIds[0] }, { packId: bibPack.id, bib: '2001' }] });
    expect(res.status).toBe(409);
    expect(res.data.error).toMatchObject({ code: 'CART_OVERLAP', details: { lines: [0, 1] } });
    expect(res.data.error.message).toContain('bib 2001');
    const after = await env.DB.prepare('select count(*) as n from orders where album_id = ?').bind(album.id).first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
    // The same line twice, and a photo inside the whole album, are the same mistake.
    const twice = await post('/checkout', { email: buyer(), items: [{ packId: onePhoto.id, photoId: photoIds[1] }, { packId: onePhoto.id, photoId: photoIds[1] }] });
    expect(twice.data.error.code).toBe('CART_OVERLAP');
    const inAlbum = await post('/checkout', { email: buyer(), items: [{ packId: albumPack.id }, { packId: onePhoto.id, photoId: photoIds[2] }] });
    expect(inAlbum.data.error).toMatchObject({ code: 'CART_OVERLAP', details: { lines: [1] } });
  });

  it('two bibs sharing no photo, or each adding photos of its own, are sold as they are', async () => {
    const res = await post('/checkout', { email: buyer(), items: [{ packId: bibPack.id, bib: '2001' }, { packId: bibPack.id, bib: '2002' }] });
    expect(res.status).toBe(201);
    expect(res.data.order).toMatchObject({ photoCount: 3, subtotalCents: 3180 });
  });

  it('prices a cart: keeps the cheaper lines that sell each photo once, and says what it dropped', async () => {
    const res = await post('/cart', { items: [{ packId: onePhoto.id, photoId: photoIds[0] }, { packId: bibPack.id, bib: '2001' }] });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      lines: [{ index: 0, packId: onePhoto.id, photoId: photoIds[0], photoCount: 1, amountCents: 500 }],
      dropped: [{ index: 1, packId: bibPack.id, bib: '2001', reason: 'covered' }],
      photoCount: 1, subtotalCents: 500, feeCents: 100, totalCents: 600,
    });
    // Two single photos cost less than the pack of their bib... and more than the album, which holds all three.
    const singles = await post('/cart', { items: [{ packId: bibPack.id, bib: '2002' }, { packId: onePhoto.id, photoId: photoIds[1] }, { packId: onePhoto.id, photoId: photoIds[2] }] });
    expect(singles.data).toMatchObject({ subtotalCents: 1000, dropped: [{ index: 0, reason: 'covered' }] });
    const withAlbum = await post('/cart', { items: [{ packId: albumPack.id }, { packId: onePhoto.id, photoId: photoIds[1] }, { packId: bibPack.id, bib: '2001' }] });
    expect(withAlbum.data).toMatchObject({ lines: [{ index: 0 }], subtotalCents: 3000, photoCount: 3 });
  });

  it('a bib without photos is offered nothing: the cart says so and checkout refuses it', async () => {
    const res = await post('/cart', { items: [{ packId: bibPack.id, bib: '9999' }] });
    expect(res.data).toMatchObject({ lines: [], dropped: [{ index: 0, reason: 'empty' }], photoCount: 0, subtotalCents: 0 });
    expect((await post('/checkout', { email: buyer(), items: [{ packId: bibPack.id, bib: '9999' }] })).data.error.code).toBe('NOTHING_TO_SELL');
  });
});

describe('after checkout', () => {
  it('cancelling on the checkout page returns to the gallery with the bib search', async () => {
    const res = await post('/checkout', { email: buyer(), items: [{ packId: bibPack.id, bib: '2002' }], search: '2002' });
    const cancelled = await payOnCheckoutPage(res.data.checkoutUrl, 'cancel');
    expect(cancelled.status).toBe(303);
    const back = new URL(cancelled.location!);
    expect(back.pathname).toBe(`/e/${album.slug}`);
    expect(Object.fromEntries(back.searchParams)).toEqual({ q: '2002', checkout: 'cancelled' });
  });

  it('the downloads manifest shows a thumbnail of each bought photo, behind the same signed link', async () => {
    const started = await post('/checkout', { email: buyer(), items: [{ packId: bibPack.id, bib: '2002' }] });
    await payOnCheckoutPage(started.data.checkoutUrl);
    await relayWebhooks(sessionOf(started.data.checkoutUrl));
    const status = await call('GET', `/v1/public/orders/${started.data.order.id}?session_id=${sessionOf(started.data.checkoutUrl)}`);
    const link = new URL(status.data.download.url);
    const manifest = await call('GET', link.pathname + link.search);
    expect(manifest.data.photos).toHaveLength(2);
    const thumb = manifest.data.photos[0].thumb;
    expect(thumb).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
    const bytes = await callBytes('GET', thumb.url);
    expect(bytes.status).toBe(200);
    expect(bytes.headers.get('Content-Type')).toBe('image/webp');
    expect(new TextDecoder().decode(bytes.bytes.slice(8, 12))).toBe('WEBP');
    // Another photo of the album, or a tampered link, shows nothing.
    expect((await callBytes('GET', thumb.url.replace(manifest.data.photos[0].id, photoIds[0]))).status).toBe(404);
    expect((await callBytes('GET', thumb.url.replace(/sig=[^&]+/, 'sig=0000000000000000'))).status).toBe(403);
  });

  it('the photographer gets one email per paid order, with what they receive, the photo count and their Sales screen', async () => {
    const started = await post('/checkout', { email: buyer(), items: [{ packId: bibPack.id, bib: '2002' }, { packId: onePhoto.id, photoId: photoIds[0] }] });
    await payOnCheckoutPage(started.data.checkoutUrl);
    const [delivery] = await takeWebhooks(sessionOf(started.data.checkoutUrl));
    // Replays, racing each other.
    const answers = await Promise.all(Array.from({ length: 5 }, async () => postWebhook(delivery!.payload, await stripeSignature(delivery!.payload))));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const key = `sale:${started.data.order.id}`;
    const outbox = await env.DB.prepare('select count(*) as n, max(html) as html from email_outbox where dedupe_key = ? and "to" = ?').bind(key, owner).first<{ n: number; html: string }>();
    expect(outbox!.n).toBe(1);
    expect(outbox!.html).toContain(`href="${env.PUBLIC_ORIGIN}/payouts"`);
    // (The order of the test before is a sale too: this one is the 3 photos.)
    const mail = await waitFor(async () => (await sentEmails(owner)).filter((m) => m.subject.startsWith('You sold 3 photos')), (m) => m.length > 0);
    await new Promise((r) => setTimeout(r, 1000)); // give a second email every chance to arrive
    expect((await sentEmails(owner)).filter((m) => m.subject.startsWith('You sold 3 photos'))).toHaveLength(1);
    // 15.90 + 5.00 for the packs; the 1 € service fee stays with the platform.
    expect(mail[0]!.subject).toContain('20.90');
    expect(mail[0]!.text).toContain(`${env.PUBLIC_ORIGIN}/payouts`);
  });
});
