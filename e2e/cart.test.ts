/**
 * The cart as a runner uses it on a phone: a bib without photos is offered nothing, "one photo"
 * plus "all photos of my bib" holding only that photo is charged once (the cheaper line, said so),
 * cancelling on the checkout page comes back to the bib search with the cart, the downloads page
 * shows each photo's preview, and the photographer hears about the sale.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DESKTOP, newContext, PHONE, screenshot, withFailureShots } from './lib/browser';
import { createAlbumThroughUi, registerThroughUi, uniqueEmail, waitForProcessing } from './lib/flows';
import { stackAndBrowser } from './lib/harness';
import { racePhotos } from './lib/photos';

const env = stackAndBrowser();
const BIB = '2001';

/** Calls the API with the pro's session, from their page. */
function asPro<T = unknown>(page: Page, method: string, path: string, json?: unknown): Promise<T> {
  const body = json === undefined ? 'undefined' : JSON.stringify(JSON.stringify(json));
  return page.evaluate(`fetch(${JSON.stringify(path)}, {
    method: ${JSON.stringify(method)}, body: ${body},
    headers: { Authorization: 'Bearer ' + JSON.parse(localStorage.getItem('vitrine.session')).token, 'Content-Type': 'application/json' },
  }).then((r) => r.json())`) as Promise<T>;
}

/** A payable photographer with two photos, one of them tagged with BIB, a 5 € photo pack and a 15.90 € bib pack. */
async function photographerShop(pro: Page, email: string) {
  await registerThroughUi(pro, email);
  await pro.getByRole('link', { name: 'Sales' }).click();
  await pro.getByRole('button', { name: /Set up payouts/ }).click();
  await pro.getByRole('button', { name: 'Complete onboarding' }).click();
  await pro.waitForURL(/\/payouts\?onboarding=done/);
  await pro.getByRole('link', { name: 'Albums' }).click();
  const albumId = await createAlbumThroughUi(pro, `Cart Run ${Date.now().toString(36)}`);
  await pro.getByLabel('Choose photos').setInputFiles(await racePhotos(2, { bibs: 0, seed: 9100 }));
  await waitForProcessing(pro, 2);
  const { photos } = await asPro<{ photos: { id: string }[] }>(pro, 'GET', `/v1/albums/${albumId}/photos`);
  await asPro(pro, 'POST', `/v1/photos/${photos[0].id}/tags`, { action: 'add', value: BIB });
  await asPro(pro, 'POST', `/v1/albums/${albumId}/packs`, { name: 'One photo', scope: 'photo', size: 'original', amountCents: 500 });
  await asPro(pro, 'POST', `/v1/albums/${albumId}/packs`, { name: 'All my photos', scope: 'bib', size: 'original', amountCents: 1590 });
  return (await pro.getByRole('link', { name: /Open public gallery/ }).getAttribute('href'))!;
}

async function search(runner: Page, q: string) {
  await runner.getByLabel('Search by bib number or name').fill(q);
  await runner.waitForURL(new RegExp(`q=${q}`));
}

test('the cart sells a photo once, keeps the bib search through a cancelled payment, and previews the downloads', { timeout: 240_000 }, () =>
  withFailureShots(env, async () => {
    const pro = await (await newContext(env.browser, env.stack.origin, DESKTOP)).newPage();
    const seller = uniqueEmail('cart-seller');
    const gallery = await photographerShop(pro, seller);

    const runner = await (await newContext(env.browser, env.stack.origin, PHONE)).newPage();
    await runner.goto(gallery);
    await search(runner, '9999');
    await runner.getByText('No photos for bib 9999 yet').waitFor();
    assert.equal(await runner.getByRole('button', { name: /all photos of bib 9999/ }).count(), 0, 'a bib without photos is offered nothing');

    // "All my photos" of the bib (one photo), then that same photo alone: the cart keeps the cheaper line.
    await search(runner, BIB);
    await runner.getByRole('button', { name: new RegExp(`all photos of bib ${BIB}.*15[.,]90`) }).click();
    await runner.getByRole('button', { name: 'Cart (1)' }).waitFor();
    await runner.getByRole('button', { name: /^Photo 1 of / }).click();
    await runner.getByRole('button', { name: /One photo · .*5[.,]00/ }).click();
    await runner.getByRole('button', { name: 'In cart' }).waitFor();
    await runner.getByRole('button', { name: 'Close' }).click();
    await runner.getByRole('status').filter({ hasText: 'its photos already are, for less' }).waitFor();
    await runner.getByRole('button', { name: 'Cart (1)' }).click();
    const cart = runner.getByRole('dialog', { name: 'Your cart' });
    assert.match((await cart.getByTestId('cart-total').textContent())!, /6[.,]00/);
    await screenshot(runner, 'cart-1-once');
    await cart.getByLabel('Your email').fill('runner@example.com');
    await cart.getByRole('button', { name: /^Pay / }).click();

    // Cancel on the checkout page: back to the bib search, the cart as it was.
    await runner.getByRole('heading', { name: /Pay .*6[.,]00/ }).waitFor();
    await runner.getByRole('button', { name: 'Cancel' }).click();
    await runner.waitForURL(new RegExp(`/e/.*\\?q=${BIB}&checkout=cancelled`));
    assert.equal(await runner.getByLabel('Search by bib number or name').inputValue(), BIB);
    await runner.getByText('Payment cancelled').waitFor();
    await runner.getByRole('button', { name: 'Cart (1)' }).click();
    await cart.getByLabel('Your email').fill('runner@example.com');
    await cart.getByRole('button', { name: /^Pay / }).click();
    await runner.getByRole('button', { name: 'Pay', exact: true }).click();
    await runner.getByRole('link', { name: 'Download your photos' }).click({ timeout: 30_000 });

    // The downloads page shows the photo, not just its file name.
    const preview = runner.getByRole('img', { name: /^Preview of / });
    await preview.waitFor();
    assert.equal(await preview.count(), 1);
    await runner.waitForFunction(`[...document.querySelectorAll('main li img')].every((i) => i.complete && i.naturalWidth > 0)`);
    await screenshot(runner, 'cart-2-downloads');

    // Back in the gallery after paying: the cart is empty (what was paid is not offered again).
    await runner.goto(gallery);
    await runner.getByRole('button', { name: 'Cart (0)' }).waitFor();

    // The photographer's email: 5 € received, one photo, a link to Sales.
    const deadline = Date.now() + 20_000;
    let sale: { subject: string; text: string } | undefined;
    while (!sale && Date.now() < deadline) {
      const { emails } = (await (await fetch(`${env.stack.origin}/dev/mail?format=json`)).json()) as { emails: { to: string; subject: string; text: string }[] };
      sale = emails.find((m) => m.to === seller && m.subject.startsWith('You sold'));
      if (!sale) await new Promise((r) => setTimeout(r, 500));
    }
    assert.ok(sale, 'the photographer got no sale email');
    assert.match(sale.subject, /You sold 1 photo .*5[.,]00/);
    assert.match(sale.text, new RegExp(`${env.stack.origin}/payouts`));
  }),
);
