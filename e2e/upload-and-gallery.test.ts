/**
 * The whole path a pro and a runner take, in a real env.browser against the local stack:
 * register -> album -> start list -> upload 20 photos through the file input -> progress 100% ->
 * ready -> API key -> more photos from a script -> public gallery on a phone: infinite scroll,
 * search by bib and by name, lightbox. Each screen passes axe-core's serious and critical checks
 * (names, labels, alt text, contrast).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { api, sendAndComplete } from '../scripts/lib/api-client';
import { assertAccessible } from './lib/accessibility';
import { DESKTOP, newContext, PHONE, screenshot, withFailureShots } from './lib/browser';
import { createAlbumThroughUi, registerThroughUi, uniqueEmail, waitForProcessing, waitForUploads } from './lib/flows';
import { BIB, racePhotos } from './lib/photos';
import { stackAndBrowser } from './lib/harness';
import { readFileSync } from 'node:fs';

const UI_PHOTOS = 20;
/** Enough extra photos (sent by a script with an API key) for the gallery to need a second page. */
const SCRIPT_PHOTOS = 30;

const env = stackAndBrowser();

test('a pro uploads a race and a runner finds their photos on a phone', { timeout: 600_000 }, () => withFailureShots(env, async () => {
  const pro = await (await newContext(env.browser, env.stack.origin, DESKTOP)).newPage();
  await pro.goto('/login');
  await screenshot(pro, '01-login');
  await assertAccessible(pro, '01-login');
  await registerThroughUi(pro, uniqueEmail('pro'));
  await screenshot(pro, '02-albums-empty');
  await assertAccessible(pro, '02-albums-empty');

  const title = `Lyon Trail ${Date.now().toString(36)}`;
  const albumId = await createAlbumThroughUi(pro, title);

  // The start list first, so a runner can search by name.
  await pro.getByRole('link', { name: 'Review bibs' }).click();
  await pro.getByLabel('CSV file').setInputFiles({ name: 'start-list.csv', mimeType: 'text/csv', buffer: Buffer.from(`bib,name,category\n${BIB},Marie Dupont,F\n77,Jean Martin,M\n`) });
  await pro.getByRole('button', { name: 'Import start list' }).click();
  await pro.getByText('2 runners imported from 3 lines').waitFor();
  await pro.getByRole('link', { name: 'Photos' }).click();

  // 20 photos through the file input, bytes straight to the signed URLs.
  await pro.getByLabel('Choose photos').setInputFiles(await racePhotos(UI_PHOTOS));
  await pro.getByText(/Uploading \d+ of 20 photos/).waitFor();
  await screenshot(pro, '03-uploading');
  await waitForUploads(pro, UI_PHOTOS);
  const overall = pro.getByRole('progressbar', { name: 'Overall upload progress' });
  assert.equal(await overall.getAttribute('aria-valuenow'), '100');
  await waitForProcessing(pro, UI_PHOTOS);
  await pro.getByRole('button', { name: 'Clear list' }).click();
  await pro.getByRole('list', { name: 'Files' }).waitFor({ state: 'hidden' });
  await pro.getByRole('button', { name: /race-001\.jpg — ready/ }).waitFor();
  await screenshot(pro, '04-album-ready');
  // On a desktop the grid fills the width: several thumbnails share the first row.
  const cells = pro.getByRole('region', { name: `Photos (${UI_PHOTOS})` }).getByRole('button');
  const tops = await Promise.all([0, 1, 2, 3, 4].map(async (i) => (await cells.nth(i).boundingBox())!.y));
  assert.equal(new Set(tops).size, 1, `five thumbnails in the first row (tops: ${tops.join(', ')})`);
  await assertAccessible(pro, '04-album-ready');

  // A script with an API key adds more photos (the key is shown once, with a copy button).
  await pro.getByRole('link', { name: 'API keys' }).click();
  await pro.getByRole('button', { name: 'New API key' }).first().click();
  await pro.getByRole('dialog').getByLabel('Name').fill('Finish-line laptop');
  await pro.getByRole('dialog').getByRole('button', { name: 'Create key' }).click();
  const key = (await pro.getByTestId('new-api-key').textContent())!.trim();
  assert.match(key, /^vt_live_/);
  await screenshot(pro, '05-api-keys');
  await assertAccessible(pro, '05-api-keys');
  await uploadWithApiKey(env.stack.origin, key, albumId, SCRIPT_PHOTOS);

  // Locally the 30 photos' variant and reading jobs run in the very isolate that answers the
  // screens (in production consumers get their own isolates), so the albums list may wait behind
  // several batches of image work on a loaded CI machine: allow for it here, not in every step.
  const behindTheJobs = { timeout: 120_000 };
  await pro.getByRole('link', { name: 'Albums' }).click(behindTheJobs);
  await pro.getByRole('link', { name: new RegExp(title) }).click(behindTheJobs);
  await waitForProcessing(pro, UI_PHOTOS + SCRIPT_PHOTOS, 300_000);

  // The review queue shows the bib reads, with the bib box highlighted.
  await pro.getByRole('link', { name: 'Review bibs' }).click();
  await pro.getByLabel(/Bib number/).waitFor();
  await screenshot(pro, '06-review');
  await assertAccessible(pro, '06-review');
  const slug = await gallerySlug(pro);

  // A runner on a phone.
  const runner = await (await newContext(env.browser, env.stack.origin, PHONE)).newPage();
  await runner.goto(`/e/${slug}`);
  await runner.getByRole('heading', { name: title }).waitFor();
  const tiles = runner.getByRole('button', { name: /^Photo \d+/ });
  await tiles.first().waitFor();
  await screenshot(runner, '07-gallery-phone');
  await assertAccessible(runner, '07-gallery-phone');
  // Infinite scroll: the second page is fetched (with the first page's cursor) as the runner scrolls.
  const pages: string[] = [];
  runner.on('request', (r) => r.url().includes('/photos?') && pages.push(r.url()));
  const total = UI_PHOTOS + SCRIPT_PHOTOS;
  await scrollUntil(runner, () => runner.getByText(`End of the gallery · ${total} photos`).isVisible());
  assert.ok(pages.some((url) => url.includes('cursor=')), `a next page was requested: ${pages.join(', ')}`);

  const search = runner.getByLabel('Search by bib number or name');
  await search.fill(BIB);
  await runner.waitForURL(new RegExp(`q=${BIB}`));
  await waitForCount(runner, tiles, 3);
  await screenshot(runner, '08-search-bib');
  await assertAccessible(runner, '08-search-bib');
  await search.fill('marie dupont');
  await runner.getByText('3 photos for “marie dupont”').waitFor();
  await waitForCount(runner, tiles, 3);

  await tiles.first().click();
  const lightbox = runner.getByRole('dialog');
  await lightbox.waitFor();
  await runner.waitForFunction(`[...document.querySelectorAll('dialog img')].some((i) => i.complete && i.naturalWidth > 0)`);
  await screenshot(runner, '09-lightbox');
  await assertAccessible(runner, '09-lightbox');
  await runner.getByRole('button', { name: 'Next photo' }).click();
  await runner.getByText('2 / 3').waitFor();
  await runner.keyboard.press('Escape');
  await lightbox.waitFor({ state: 'hidden' });
}));

async function uploadWithApiKey(origin: string, key: string, albumId: string, count: number) {
  const paths = await racePhotos(count, { bibs: 0, seed: 1000 });
  for (let i = 0; i < paths.length; i += 10) {
    const batch = paths.slice(i, i + 10);
    const files = batch.map((p, j) => ({ name: `script-${i + j}.jpg`, size: readFileSync(p).length, type: 'image/jpeg' }));
    const created = await api(origin, 'POST', `/v1/albums/${albumId}/uploads`, { token: key, json: { files } });
    assert.equal(created.status, 201, JSON.stringify(created.data));
    for (const [j, upload] of created.data.uploads.entries()) await sendAndComplete(origin, key, upload, readFileSync(batch[j]!));
  }
}

async function gallerySlug(page: Page) {
  const href = await page.getByRole('link', { name: /Open public gallery/ }).getAttribute('href');
  return href!.replace('/e/', '');
}

async function scrollUntil(page: Page, done: () => Promise<boolean>, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (!(await done())) {
    assert.ok(Date.now() < deadline, 'infinite scroll did not load every photo');
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(250);
  }
}

async function waitForCount(page: Page, locator: ReturnType<Page['getByRole']>, count: number, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  while ((await locator.count()) !== count) {
    assert.ok(Date.now() < deadline, `expected ${count}, saw ${await locator.count()}`);
    await page.waitForTimeout(200);
  }
}
