/**
 * Issue 13's "Done when", as a new estate agent would go through it in Chromium on the real stack:
 * sign up (kind realestate), add a property, fill its record (a field error first), upload 5 room
 * photos and say which room each shows, see the cost and the balance before starting, stage the
 * living room and enhance them all, watch the progress then the notice, compare before/after on
 * the staged photo (its disclosure label shown), use that version, download both files, and find
 * the staged version in the public gallery. Credits go down by exactly the cost shown; asking for
 * more than is left is refused with a link to buy credits, nothing charged; a staging the model
 * refuses (the Workers AI stand-in told to fail it) fails with its reason and is refunded.
 * Enhance runs the real local engine; staging goes through the Workers AI stand-in's wire format.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { roomPhotos } from '../scripts/lib/room-photo';
import { stackApi, until } from './lib/api';
import { DESKTOP, newContext, screenshot, withFailureShots } from './lib/browser';
import { confirmEmailThroughUi, createAlbumThroughUi, registerThroughUi, uniqueEmail, waitForProcessing, waitForUploads } from './lib/flows';
import { stackAndBrowser } from './lib/harness';

const env = stackAndBrowser();
const ROOMS = { 'living-room': 'living_room', kitchen: 'kitchen', bedroom: 'bedroom', bathroom: 'bathroom', exterior: 'exterior' } as const;
const PHOTOS = Object.keys(ROOMS).length;
const STARTER_CREDITS = 50;
/** Staging one photo (5) and enhancing all five (1 each). */
const COST = 5 + PHOTOS;

const shot = (page: Page, name: string) => screenshot(page, `realestate-flow-${name}`);

test('a new estate agent stages a room and enhances the rest at the cost shown, compares before/after, and the public gallery shows the chosen version', { timeout: 480_000 }, () =>
  withFailureShots(env, async () => {
    const origin = env.stack.origin;
    const call = stackApi(() => origin);
    const files = await roomPhotos(Object.keys(ROOMS));
    const context = await newContext(env.browser, origin, DESKTOP);
    const page = await context.newPage();

    // Sign up as an agent: the trade's words, an empty property list.
    await page.goto('/register');
    await page.getByLabel('Your name').fill('Claire Dubois');
    const email = uniqueEmail('realestate-flow');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct-horse-battery');
    await page.getByLabel('Business name').fill('Dubois Immobilier');
    await page.getByLabel('What you shoot').selectOption('realestate');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'No properties yet' }).waitFor();
    // Until the address is confirmed the free credits wait: the banner says so; the emailed link brings them.
    await page.getByRole('region', { name: 'Confirm your email' }).getByText(`your ${STARTER_CREDITS} free credits`).waitFor();
    await confirmEmailThroughUi(page, email);
    await page.getByRole('heading', { name: 'No properties yet' }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Confirm your email' }).count(), 0, 'the banner is gone once confirmed');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Properties' }).waitFor();
    assert.equal(await page.getByText(/bibs?|runners?|events?/i).count(), 0, 'no race words in a real-estate workspace');

    await page.getByRole('button', { name: 'Add a property' }).click();
    const add = page.getByRole('dialog', { name: 'Add a property' });
    await add.getByLabel('Address').fill('12 rue des Lilas, 69003 Lyon');
    await add.getByLabel('Listing reference').fill('MAND-2026-041');
    await add.getByRole('button', { name: 'Add property' }).click();
    await page.waitForURL(/\/albums\/alb_\w+\/photos$/);
    const albumId = page.url().split('/albums/')[1]!.split('/')[0]!;
    await page.getByRole('heading', { level: 1, name: '12 rue des Lilas, 69003 Lyon' }).waitFor();

    // The record: a bad field answered on that field, then saved.
    await page.getByRole('navigation', { name: 'Property' }).getByRole('link', { name: 'Details' }).click();
    const form = page.locator('form');
    await form.getByLabel('Type', { exact: true }).selectOption('apartment');
    await form.getByLabel('Surface (m²)', { exact: true }).fill('64.5');
    await form.getByLabel('Rooms', { exact: true }).fill('3.5');
    await form.getByLabel('Bedrooms', { exact: true }).fill('2');
    await form.getByLabel('Price (€)', { exact: true }).fill('325000');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Some fields need a look: see below.').waitFor();
    assert.equal(await form.getByLabel('Rooms', { exact: true }).getAttribute('aria-invalid'), 'true', 'the API names the rooms field');
    await form.getByLabel('Rooms', { exact: true }).fill('3');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByText(/MAND-2026-041 · Apartment · 64.5 m² · 3 rooms · €325,000/).waitFor();
    await shot(page, '1-record');

    // Five room photos through the uploader; each given its room.
    await page.getByRole('navigation', { name: 'Property' }).getByRole('link', { name: 'Photos' }).click();
    await page.getByLabel('Choose photos').setInputFiles(files);
    await page.getByText(new RegExp(`^${PHOTOS} photos: ${PHOTOS} uploaded$`)).waitFor({ timeout: 120_000 });
    for (const name of Object.keys(ROOMS)) await page.getByRole('checkbox', { name: `Select ${name}.jpg` }).waitFor({ timeout: 180_000 });
    for (const [name, room] of Object.entries(ROOMS)) await page.getByLabel(`Room of ${name}.jpg`).selectOption(room);
    await page.getByRole('region', { name: 'Living room' }).getByRole('article', { name: 'living-room.jpg' }).waitFor();
    await page.getByRole('region', { name: 'Exterior' }).getByRole('article', { name: 'exterior.jpg' }).waitFor();

    // The cost and the balance before anything starts; stage the living room.
    await page.getByRole('radio', { name: /^Virtual staging/ }).check();
    await page.getByLabel('Style', { exact: true }).selectOption('scandinavian');
    await page.getByRole('checkbox', { name: 'Select living-room.jpg' }).check();
    const cost = page.getByTestId('transform-cost');
    await cost.getByText('Selected (1): 5 credits').waitFor();
    await cost.getByText(`All ${PHOTOS} photos: ${PHOTOS * 5} credits`).waitFor();
    await cost.getByText(`Your balance: ${STARTER_CREDITS} credits`).waitFor();
    await shot(page, '2-cost');
    await page.getByRole('button', { name: 'Apply to 1 selected photo' }).click();
    await page.getByText('Virtual staging of living-room.jpg is on its way (5 credits reserved).').waitFor();

    // Enhance them all; progress, then the notices, and the balance down by exactly the cost shown.
    await page.getByRole('radio', { name: /^Enhance/ }).check();
    await cost.getByText(`All ${PHOTOS} photos: ${PHOTOS} credits`).waitFor();
    await page.getByRole('button', { name: `Apply to all ${PHOTOS} photos` }).click();
    await page.getByText(`Enhance of ${PHOTOS} photos is on its way (${PHOTOS} credits reserved).`).waitFor();
    await page.getByRole('progressbar', { name: 'Transformations progress' }).waitFor();
    await shot(page, '3-progress');
    await page.waitForFunction(`document.querySelectorAll('article[data-transformation="done"]').length === ${PHOTOS}`, null, { timeout: 180_000, polling: 1000 });
    await page.getByRole('status').filter({ hasText: /ready\. Open a photo to compare/ }).first().waitFor();
    await page.getByRole('progressbar', { name: 'Transformations progress' }).waitFor({ state: 'detached' });
    await cost.getByText(`Your balance: ${STARTER_CREDITS - COST} credits`).waitFor();
    await shot(page, '4-done');

    // The staged photo: before/after with its label, use that version, both files downloaded.
    await page.getByRole('button', { name: 'Open living-room.jpg' }).click();
    const dialog = page.getByRole('dialog', { name: 'living-room.jpg' });
    await dialog.getByRole('radio', { name: /Virtual staging \(Scandinavian\) · “Virtually staged”/ }).check();
    await dialog.getByTestId('version-label').getByText('Labelled “Virtually staged” on the image').waitFor();
    await dialog.getByRole('slider', { name: /Before and after/ }).waitFor();
    const after = `[...document.images].find((i) => i.alt === 'living-room.jpg: Virtual staging (Scandinavian)')`;
    await page.waitForFunction(`${after}?.complete && ${after}.naturalWidth > 0`);
    await dialog.getByRole('slider', { name: /Before and after/ }).fill('30');
    await shot(page, '5-before-after');
    await dialog.getByRole('button', { name: 'Use this version' }).click();
    await dialog.getByTestId('shown-version').getByText('The public gallery shows Virtual staging (Scandinavian).').waitFor();
    await dialog.getByRole('button', { name: 'Back to original' }).waitFor();
    const [original] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download original' }).click()]);
    assert.equal(original.suggestedFilename(), 'living-room.jpg');
    const [version] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download this version' }).click()]);
    assert.equal(version.suggestedFilename(), 'living-room-stage.webp');
    await dialog.getByRole('button', { name: 'Delete photo' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('article', { name: 'living-room.jpg' }).getByText('Virtually staged').waitFor();

    // The property list: its card with the record's facts and the counts.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Properties' }).click();
    const card = page.getByRole('list', { name: 'Properties' }).getByRole('listitem').filter({ hasText: '12 rue des Lilas' });
    for (const fact of ['€325,000', 'MAND-2026-041', 'Apartment · 64.5 m² · 3 rooms', `${PHOTOS} photos`, `${PHOTOS + 1} transformations`]) await card.getByText(fact).waitFor();
    await shot(page, '6-properties');

    // The public gallery shows the staged version (its own public URL), the others their originals.
    const token = await page.evaluate<string | undefined>(`JSON.parse(localStorage.getItem('vitrine.session') ?? '{}').token`);
    const { album } = await call('GET', `/v1/albums/${albumId}`, token);
    const listed = await until('the gallery to list the photos', async () => {
      const page = await call('GET', `/v1/public/albums/${album.slug}/photos`);
      return page.photos.length === PHOTOS && page.photos;
    });
    const staged = listed.filter((p: { thumbUrl?: string; webUrl?: string }) => JSON.stringify(p).includes('/v1/public/transformations/'));
    assert.equal(staged.length, 1, 'one photo shown as its transformation');
    const visitor = await newContext(env.browser, origin, DESKTOP);
    const gallery = await visitor.newPage();
    await gallery.goto(`/e/${album.slug}`);
    await gallery.waitForFunction(`[...document.images].some((i) => i.src.includes('/v1/public/transformations/') && i.complete && i.naturalWidth > 0)`, null, { timeout: 30_000 });
    await shot(gallery, '7-public-gallery');
    await visitor.close();

    // A staging the model refuses (the stand-in told to fail the industrial style once): the
    // notice says it failed and why, and its credits come back.
    await page.goto(`/albums/${albumId}/photos`);
    const arm = await fetch(`${env.stack.workersAiOrigin}/_standin/failing`, { method: 'POST', body: JSON.stringify({ status: 400, times: 1, match: 'industrial' }) });
    assert.equal(arm.status, 200, 'the stand-in took the failure');
    await page.getByRole('radio', { name: /^Virtual staging/ }).check();
    await page.getByLabel('Style', { exact: true }).selectOption('industrial');
    await page.getByRole('checkbox', { name: 'Select bedroom.jpg' }).check();
    await page.getByRole('button', { name: 'Apply to 1 selected photo' }).click();
    await page.getByText('Virtual staging of bedroom.jpg is on its way (5 credits reserved).').waitFor();
    await page.getByRole('status').filter({ hasText: /Virtual staging \(Industrial\) of bedroom\.jpg failed \(.+\): its 5 credits were refunded\./ }).waitFor({ timeout: 120_000 });
    await cost.getByText(`Your balance: ${STARTER_CREDITS - COST} credits`).waitFor();
    await shot(page, '8-failed-refunded');
    assert.equal((await call('GET', '/v1/credits', token)).balance, STARTER_CREDITS - COST, 'the failed staging was refunded, once');
    await page.getByRole('checkbox', { name: 'Select bedroom.jpg' }).uncheck();

    // More than the balance: a 402 said in a sentence with a link to buy credits, nothing charged.
    await page.getByRole('radio', { name: /^Virtual staging/ }).check();
    await page.getByRole('button', { name: `Apply to all ${PHOTOS} photos` }).click();
    await page.getByText(`Virtual staging of ${PHOTOS} photos is on its way (${PHOTOS * 5} credits reserved).`).waitFor();
    const left = STARTER_CREDITS - COST - PHOTOS * 5;
    await cost.getByText(`Your balance: ${left} credits`).waitFor();
    await cost.getByText(`${PHOTOS * 5 - left} more credits needed for all photos.`).waitFor();
    await page.getByRole('button', { name: `Apply to all ${PHOTOS} photos` }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Not enough credits' });
    await refused.getByText(/nothing was charged/).waitFor();
    await refused.getByRole('link', { name: 'Buy credits' }).waitFor();
    await shot(page, '9-not-enough-credits');
    await cost.getByText(`Your balance: ${left} credits`).waitFor();
    const { balance } = await call('GET', '/v1/credits', token);
    assert.equal(balance, left, 'the refused request charged nothing');
    await context.close();
  }),
);

test("outside real estate the photo dialog is as it was: the photo, Delete and Close, no versions", { timeout: 240_000 }, () =>
  withFailureShots(env, async () => {
    const context = await newContext(env.browser, env.stack.origin, DESKTOP);
    const page = await context.newPage();
    await registerThroughUi(page, uniqueEmail('events-dialog'));
    await createAlbumThroughUi(page, 'Trail des Monts 2026');
    await page.getByLabel('Choose photos').setInputFiles((await roomPhotos(['exterior']))[0]!);
    await waitForUploads(page, 1);
    await waitForProcessing(page, 1);
    await page.getByRole('button', { name: /^exterior\.jpg — ready/ }).click();
    const dialog = page.getByRole('dialog', { name: 'exterior.jpg' });
    await dialog.getByRole('img', { name: 'exterior.jpg' }).waitFor();
    await dialog.getByRole('button', { name: 'Delete photo' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).waitFor();
    assert.equal(await dialog.getByText('Versions').count(), 0);
    assert.equal(await dialog.getByRole('button', { name: 'Use this version' }).count(), 0);
    await context.close();
  }),
);
