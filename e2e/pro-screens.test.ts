/**
 * The pro screens as a photographer reads them (issue 11): on a phone, every menu item has a
 * visible name and a sale shows its status, what was paid and what they receive without sideways
 * scrolling; on a desktop, the credit history is grouped and ordered with times, the plan has its
 * name and price, and a credit pack bought is on the invoice list with its receipt. The data is
 * made through the API and the Stripe stand-in (the buying screens have their own test).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { CREDIT_PACKS, PLANS } from '../workers/shared/billing/catalogue';
import { DESKTOP, newContext, PHONE, screenshot, withFailureShots } from './lib/browser';
import { uniqueEmail } from './lib/flows';
import { signIn } from '../scripts/lib/api-client';
import { stackApi, until } from './lib/api';
import { stackAndBrowser } from './lib/harness';
import { racePhotos } from './lib/photos';

const env = stackAndBrowser();

const api = stackApi(() => env.stack.origin);

/** Presses Pay on the stand-in's hosted checkout page; its webhooks go to the stack by themselves. */
async function pay(checkoutUrl: string) {
  const html = await (await fetch(checkoutUrl)).text();
  const action = /action="([^"]+\/pay)"/.exec(html)?.[1];
  assert.ok(action, 'no Pay button on the checkout page');
  const res = await fetch(new URL(action, checkoutUrl), { method: 'POST', body: new URLSearchParams({ payment_method: 'card' }), redirect: 'manual' });
  assert.equal(res.status, 303);
}

async function upload(token: string, albumId: string, path: string) {
  const bytes = readFileSync(path);
  const { uploads } = await api('POST', `/v1/albums/${albumId}/uploads`, token, { files: [{ name: 'race.jpg', size: bytes.byteLength, type: 'image/jpeg' }] });
  const put = await fetch(new URL(uploads[0].url, env.stack.origin), { method: 'PUT', body: bytes, headers: uploads[0].headers });
  assert.equal(put.status, 200);
  await api('POST', `/v1/photos/${uploads[0].photoId}/complete`, token);
  return uploads[0].photoId as string;
}

/** A photographer with three read photos, one sale, a credit pack and a monthly plan bought. */
async function photographer() {
  const token = await signIn(env.stack.origin, {
    ...{ email: uniqueEmail('pro'), password: 'correct-horse-battery', name: 'Camille Photo' },
    workspace: { name: 'Camille Sports Photo', kind: 'events' },
  });
  const onboarding = await api('POST', '/v1/payouts/onboarding', token);
  await fetch(`${onboarding.url}/complete`, { method: 'POST', redirect: 'manual' });
  const album = (await api('POST', '/v1/albums', token, { title: `Trail ${Date.now().toString(36)}`, visibility: 'public' })).album;
  const pack = (await api('POST', `/v1/albums/${album.id}/packs`, token, { name: 'One photo', scope: 'photo', size: 'original', amountCents: 500 })).pack;
  const photoIds = await Promise.all((await racePhotos(3, { bibs: 0, seed: 9100 })).map((path) => upload(token, album.id, path)));
  const read = (id: string) => api('GET', `/v1/photos/${id}`, token).then((r) => ['done', 'skipped', 'failed'].includes(r.photo.recognition?.status));
  await until('the photos to be read', async () => (await Promise.all(photoIds.map(read))).every(Boolean), 75_000);
  await until('payouts', async () => (await api('GET', '/v1/payouts', token)).payable);
  const sale = await api('POST', `/v1/public/albums/${album.slug}/checkout`, undefined, { email: 'a-long-runner-address@example.com', items: [{ packId: pack.id, photoId: photoIds[0] }] });
  await pay(sale.checkoutUrl);
  await pay((await api('POST', '/v1/billing/credits', token, { pack: 'credits_500' })).checkoutUrl);
  // One after the other, so the history's order is known.
  await until('the credit pack', async () => (await api('GET', '/v1/credits', token)).ledger.some((r: { reason: string }) => r.reason === 'purchase'));
  await pay((await api('POST', '/v1/billing/subscription', token, { plan: 'starter_monthly' })).checkoutUrl);
  await until('the sale', async () => (await api('GET', '/v1/orders', token)).orders[0]?.status === 'paid');
  await until('the plan', async () => (await api('GET', '/v1/credits', token)).subscription?.status === 'active');
  return token as string;
}

async function signedIn(device: typeof PHONE | typeof DESKTOP, token: string) {
  const page = await (await newContext(env.browser, env.stack.origin, device)).newPage();
  await page.addInitScript(`localStorage.setItem('vitrine.session', ${JSON.stringify(JSON.stringify({ token }))})`);
  return page;
}

/** Seen, not just present: a real size, entirely inside the viewport. */
async function assertInView(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize()!;
  assert.ok(box && box.width >= 8 && box.height >= 8, `${what} is not visible (${JSON.stringify(box)})`);
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height, `${what} is outside the ${width} px viewport (${JSON.stringify(box)})`);
}

test('pro screens: named menu and readable sales on a phone; credit history, plan and invoices on a desktop', { timeout: 180_000 }, () =>
  withFailureShots(env, async () => {
    const token = await photographer();

    const phone = await signedIn(PHONE, token);
    await phone.goto('/payouts');
    // Whatever the layout: the one the phone displays must show all of a sale inside the screen.
    const shown = (text: string | RegExp) => phone.getByText(text, { exact: true }).filter({ visible: true }).first();
    await shown('a-long-runner-address@example.com').waitFor();
    for (const text of ['Status', 'Paid', 'You receive', /^€?6[.,]00/, /^€?5[.,]00/]) await assertInView(phone, shown(text), `the sale's ${text}`);
    const menu = phone.getByRole('navigation', { name: 'Main' });
    for (const name of ['Albums', 'Sales', 'Credits', 'API keys']) await assertInView(phone, menu.getByText(name, { exact: true }), `the menu's "${name}"`);
    assert.ok(((await phone.evaluate('document.documentElement.scrollWidth')) as number) <= PHONE.viewport.width, 'the Sales screen scrolls sideways');
    await screenshot(phone, 'pro-sales-phone');

    const desk = await signedIn(DESKTOP, token);
    await desk.goto('/billing');
    const history = desk.getByRole('region', { name: 'Credit history' });
    await history.getByRole('cell', { name: 'Credit pack bought' }).waitFor();
    const rows = await history.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    for (const [when, what, change, balance] of rows) {
      assert.notEqual(Number(change), 0, `a zero row: ${what}`);
      assert.match(when!, /\d{1,2}:\d{2}/, 'a time with each date');
      assert.ok(Number.isInteger(Number(balance)));
    }
    assert.deepEqual(rows.map((r) => r[1]), ['Monthly plan', 'Credit pack bought', 'Reading 3 photos (bibs, plates)', 'Welcome credits']);
    for (let i = 0; i + 1 < rows.length; i++) assert.equal(Number(rows[i]![3]) - Number(rows[i]![2]), Number(rows[i + 1]![3]), `balance of row ${i + 1} follows from the row below`);

    await desk.getByText(`Current plan: ${PLANS.starter_monthly.name} · €19.00 / month · active`).waitFor();
    assert.equal(await desk.getByText('starter_monthly').count(), 0);

    const invoice = desk.getByRole('list', { name: 'Invoices' }).getByRole('listitem').filter({ hasText: CREDIT_PACKS.credits_500.name });
    await invoice.getByText('€40.00').waitFor();
    await invoice.getByText(/\d{1,2}:\d{2}/).waitFor();
    const receipt = await invoice.getByRole('link', { name: /Receipt/ }).getAttribute('href');
    assert.match(await (await fetch(receipt!)).text(), new RegExp(CREDIT_PACKS.credits_500.name));
    await screenshot(desk, 'pro-credits-desktop');
  }),
);
