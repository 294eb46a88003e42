/**
 * Uploads that survive a bad connection: the network drops mid-upload and comes back (Uppy's
 * per-part retries and the `back-online` retry finish the job), and a page reload in the middle
 * of a multipart upload resumes it when the same file is picked again (only missing parts sent).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { api, signIn } from '../scripts/lib/api-client';
import { DESKTOP, newContext, screenshot, withFailureShots } from './lib/browser';
import { waitForProcessing, waitForUploads } from './lib/flows';
import { largePhoto, racePhotos } from './lib/photos';
import { stackAndBrowser } from './lib/harness';

const env = stackAndBrowser();

/** A signed-in pro on an empty album page. */
async function proOnAlbum(who: string): Promise<{ context: BrowserContext; page: Page; albumId: string; token: string }> {
  const account = { email: `${who}-${Date.now().toString(36)}@e2e.vitrine.dev`, password: 'correct-horse-battery', name: who, workspace: { name: who, kind: 'brand' } };
  const token = await signIn(env.stack.origin, account);
  const album = (await api(env.stack.origin, 'POST', '/v1/albums', { token, json: { title: `${who} album` } })).data.album;
  const context = await newContext(env.browser, env.stack.origin, DESKTOP);
  await context.addInitScript(`localStorage.setItem('vitrine.session', ${JSON.stringify(JSON.stringify({ token }))})`);
  const page = await context.newPage();
  await page.goto(`/albums/${album.id}`);
  await page.getByRole('heading', { name: `${who} album` }).waitFor();
  return { context, page, albumId: album.id, token };
}

/**
 * Holds upload PUTs (not API calls) for `delayMs(partNumber)` before they go out: on localhost
 * bytes arrive instantly, and Chromium's throttling does not slow request bodies, so this is how
 * an upload gets a "middle" to interrupt.
 */
async function slowUploads(page: Page, delayMs: (partNumber: number | null) => number) {
  await page.route('**/v1/uploads/**', async (route) => {
    const part = new URL(route.request().url()).searchParams.get('partNumber');
    await new Promise((r) => setTimeout(r, delayMs(part ? Number(part) : null)));
    await route.continue().catch(() => undefined); // the page may have been reloaded meanwhile
  });
}

const overallPercent = async (page: Page) =>
  Number(await page.getByRole('progressbar', { name: 'Overall upload progress' }).getAttribute('aria-valuenow'));

async function waitForPercent(page: Page, atLeast: number, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  while ((await overallPercent(page).catch(() => 0)) < atLeast) {
    assert.ok(Date.now() < deadline, `upload never reached ${atLeast}%`);
    await page.waitForTimeout(100);
  }
}

test('an upload cut off by a network drop finishes by itself when the network is back', { timeout: 300_000 }, () =>
  withFailureShots(env, async () => {
    const { context, page } = await proOnAlbum('offline');
    await slowUploads(page, () => 1500);
    const files = [await largePhoto(20), ...(await racePhotos(4, { bibs: 0, seed: 5000 }))];
    await page.getByLabel('Choose photos').setInputFiles(files);
    await waitForPercent(page, 15);
    await context.setOffline(true);
    await page.waitForTimeout(4000);
    const stalled = await overallPercent(page);
    await screenshot(page, '10-offline');
    assert.ok(stalled < 100, 'the upload was still running when the network went down');
    await context.setOffline(false);
    await waitForUploads(page, files.length);
    assert.equal(await overallPercent(page), 100);
    await waitForProcessing(page, files.length);
  }),
);

test('a reload in the middle of a multipart upload resumes it from the parts already sent', { timeout: 300_000 }, () =>
  withFailureShots(env, async () => {
    const { page, albumId, token } = await proOnAlbum('reload');
    let holdLaterParts = true;
    await slowUploads(page, (part) => (holdLaterParts && part !== 1 ? 60_000 : 0));
    const large = await largePhoto(20); // three parts: 8 + 8 + 4 MB
    await page.getByLabel('Choose photos').setInputFiles([large]);
    await waitForPercent(page, 35); // part 1 is in, parts 2 and 3 are held
    await page.reload();
    holdLaterParts = false;
    await page.getByText(/1 upload stopped before finishing \(large\.png\)/).waitFor();
    await screenshot(page, '11-resume-notice');

    const pending = (await api(env.stack.origin, 'GET', `/v1/albums/${albumId}/photos?status=pending`, { token })).data.photos;
    assert.equal(pending.length, 1);
    const before = (await api(env.stack.origin, 'GET', `/v1/photos/${pending[0].id}/upload`, { token })).data.upload.multipart;
    assert.ok(before.uploadedParts.length >= 1, 'some parts were received before the reload');

    const partPuts: string[] = [];
    page.on('request', (r) => r.method() === 'PUT' && partPuts.push(r.url()));
    await page.getByLabel('Choose photos').setInputFiles([large]);
    await waitForUploads(page, 1);
    await waitForProcessing(page, 1);
    const photos = (await api(env.stack.origin, 'GET', `/v1/albums/${albumId}/photos`, { token })).data.photos;
    assert.equal(photos.length, 1, 'the resumed upload is the same photo, not a second one');
    assert.equal(photos[0].id, pending[0].id);
    const resent = new Set(partPuts.map((u) => new URL(u).searchParams.get('partNumber')));
    for (const part of before.uploadedParts) assert.ok(!resent.has(String(part.partNumber)), `part ${part.partNumber} was not sent again`);
  }),
);
