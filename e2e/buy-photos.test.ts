/**
 * Money in a real env.browser, through the Stripe and Resend stand-ins: a photographer sets up
 * payouts and a price pack, a runner on a phone buys every photo of their bib as a guest, pays on
 * the stand-in's checkout page, gets the download page and the email, and downloads a ZIP holding
 * exactly their photos; the photographer buys credits and sees them in the ledger.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { readZip } from '../test/helpers/zip';
import { assertAccessible } from './lib/accessibility';
import { DESKTOP, newContext, PHONE, screenshot, withFailureShots } from './lib/browser';
import { createAlbumThroughUi, registerThroughUi, uniqueEmail, waitForProcessing } from './lib/flows';
import { BIB, racePhotos } from './lib/photos';
import { stackAndBrowser } from './lib/harness';

const env = stackAndBrowser();

/** Reloads until `text` shows: webhooks arrive a moment after the redirect back. */
async function reloadUntil(page: Page, text: string | RegExp, timeout = 45_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    // Each look gives the page time to load its data before deciding it is not there yet.
    const seen = await page.getByText(text).first().waitFor({ timeout: 4000 }).then(() => true, () => false);
    if (seen) return;
    assert.ok(Date.now() < deadline, `never saw ${text}`);
    await page.reload();
  }
}

/** Bibs are read by a second job after the photo is ready: wait for it through the pro's session. */
async function waitForRecognition(page: Page, albumId: string, timeout = 120_000) {
  const read = `fetch('/v1/albums/${albumId}/photos', { headers: { Authorization: 'Bearer ' + JSON.parse(localStorage.getItem('vitrine.session')).token } })
    .then((r) => r.json()).then((d) => d.photos.map((p) => (p.recognition ? p.recognition.status + ' ' + p.recognition.note : 'none')))`;
  const deadline = Date.now() + timeout;
  for (;;) {
    const states = (await page.evaluate(read)) as string[];
    if (states.every((s) => s.startsWith('done'))) return;
    assert.ok(Date.now() < deadline, `bib reading did not finish: ${states.join(', ')}`);
    await page.waitForTimeout(1000);
  }
}

test('a runner buys the photos of their bib; the photographer is paid and buys credits', { timeout: 600_000 }, () =>
  withFailureShots(env, async () => {
    const pro = await (await newContext(env.browser, env.stack.origin, DESKTOP)).newPage();
    await registerThroughUi(pro, uniqueEmail('seller'));

    // Payouts through Connect onboarding (the stand-in's hosted page), confirmed by account.updated.
    await pro.getByRole('link', { name: 'Sales' }).click();
    await pro.getByRole('button', { name: /Set up payouts/ }).click();
    await pro.getByRole('heading', { name: 'Set up payouts' }).waitFor();
    await pro.getByRole('button', { name: 'Complete onboarding' }).click();
    await pro.waitForURL(/\/payouts\?onboarding=done/);
    await reloadUntil(pro, 'Payouts are set up');

    // An album that sells "all photos of my bib" for 15 €.
    await pro.getByRole('link', { name: 'Albums' }).click();
    const title = `Night Run ${Date.now().toString(36)}`;
    const albumId = await createAlbumThroughUi(pro, title);
    await pro.getByRole('link', { name: 'Settings' }).click();
    await pro.getByLabel('Pack name').fill('All my photos');
    await pro.getByLabel('What it includes').selectOption('bib');
    await pro.getByLabel('Price (€)').fill('15');
    await pro.getByRole('button', { name: 'Add pack' }).click();
    await pro.getByRole('list', { name: 'Price packs' }).getByText('All my photos').waitFor();
    await screenshot(pro, '12-prices');
    await assertAccessible(pro, '12-prices');
    await pro.getByRole('link', { name: 'Photos' }).click();
    await pro.getByLabel('Choose photos').setInputFiles(await racePhotos(3, { bibs: 2, seed: 7000 }));
    await waitForProcessing(pro, 3);
    await waitForRecognition(pro, albumId);
    const slug = (await pro.getByRole('link', { name: /Open public gallery/ }).getAttribute('href'))!.replace('/e/', '');

    // The runner, on a phone, as a guest.
    const runner = await (await newContext(env.browser, env.stack.origin, PHONE)).newPage();
    await runner.goto(`/e/${slug}`);
    await runner.getByLabel('Search by bib number or name').fill(BIB);
    await runner.waitForURL(new RegExp(`q=${BIB}`));
    await runner.getByText(`2 photos for “${BIB}”`).waitFor();
    await runner.getByRole('button', { name: new RegExp(`all photos of bib ${BIB}`) }).click();
    await runner.getByRole('button', { name: 'Cart (1)' }).click();
    const cart = runner.getByRole('dialog', { name: 'Your cart' });
    await cart.getByText('Service fee').waitFor();
    assert.match((await cart.getByTestId('cart-total').textContent())!, /16[.,]00/);
    await cart.getByLabel('Your email').fill('runner@example.com');
    await screenshot(runner, '13-cart-phone');
    await assertAccessible(runner, '13-cart-phone');
    await cart.getByRole('button', { name: /^Pay / }).click();
    await runner.getByRole('heading', { name: /Pay .*16[.,]00/ }).waitFor(); // the stand-in's hosted page
    await screenshot(runner, '14-stripe-checkout');
    await runner.getByRole('button', { name: 'Pay', exact: true }).click();
    await runner.waitForURL(/\/orders\/\w+\?session_id=/);
    await runner.getByRole('heading', { name: 'Thank you!' }).waitFor({ timeout: 30_000 });
    await screenshot(runner, '15-thank-you');
    await runner.getByRole('link', { name: 'Download your photos' }).click();
    await runner.getByRole('heading', { name: 'Your photos' }).waitFor();
    await runner.getByText('2 photos').first().waitFor();
    await screenshot(runner, '16-downloads');
    await assertAccessible(runner, '16-downloads');
    const zipHref = await runner.getByRole('link', { name: /Download all \(originals, ZIP\)/ }).getAttribute('href');
    const zip = await fetch(new URL(zipHref!, env.stack.origin));
    assert.equal(zip.status, 200);
    const entries = readZip(new Uint8Array(await zip.arrayBuffer()));
    // Exactly the two photos of bib 1234 (race-002 and race-003), each name made unique by the ZIP.
    assert.deepEqual(entries.map((e) => e.name.replace(/-\w+\.jpg$/, '')).sort(), ['race-002', 'race-003']);

    // The email went out through the outbox (the dev mailbox shows what was sent).
    await runner.goto('/dev/mail');
    await reloadUntil(runner, /^Your photos/);

    // The sale shows on the photographer's side; then they buy credits.
    await pro.getByRole('link', { name: 'Sales' }).click();
    await reloadUntil(pro, 'runner@example.com');
    await pro.getByRole('link', { name: 'Credits' }).click();
    const before = Number((await pro.getByTestId('credit-balance').textContent())!.split(' ')[0]);
    await pro.getByRole('button', { name: /100 credits/ }).click();
    await pro.getByRole('button', { name: 'Pay', exact: true }).click();
    await pro.waitForURL(/\/billing\?checkout=done/);
    await reloadUntil(pro, `${before + 100} credits`);
    await pro.getByRole('cell', { name: 'Credit pack bought' }).waitFor();
    await screenshot(pro, '17-credits');
    await assertAccessible(pro, '17-credits');
  }),
);
