/**
 * What a photographer reads while uploading and a runner sees in the lightbox (issue 11): a mixed
 * batch ends with every row in its final state and a sentence for each refusal, sizes and speeds
 * are formatted, the album title says its limit, and on a phone the lightbox shows the capture
 * time whole beside the buy button.
 */
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { photoJpeg } from '../test/fixtures/generate';
import { api, expectStatus, sendAndComplete, signIn } from '../scripts/lib/api-client';
import { DESKTOP, newContext, PHONE, screenshot, withFailureShots } from './lib/browser';
import { racePhotos } from './lib/photos';
import { stackAndBrowser } from './lib/harness';

const env = stackAndBrowser();

/** A fresh workspace with one album, through the API. */
async function proWithAlbum(who: string, visibility = 'private') {
  const account = { email: `${who}-${Date.now().toString(36)}@e2e.vitrine.dev`, password: 'correct-horse-battery', name: who, workspace: { name: who, kind: 'events' } };
  const token = await signIn(env.stack.origin, account);
  const album = expectStatus(await api(env.stack.origin, 'POST', '/v1/albums', { token, json: { title: `${who} album`, visibility } }), 201, 'album').data.album;
  return { token, album: album as { id: string; slug: string; title: string } };
}

async function signedInPage(token: string, device: typeof DESKTOP | typeof PHONE = DESKTOP): Promise<Page> {
  const context = await newContext(env.browser, env.stack.origin, device);
  await context.addInitScript(`localStorage.setItem('vitrine.session', ${JSON.stringify(JSON.stringify({ token }))})`);
  return context.newPage();
}

const FORMATTED_SIZE = /^\d+(\.\d)? (B|KB|MB|GB)$/;

test('the album title says its limit and counts what is typed', { timeout: 60_000 }, () =>
  withFailureShots(env, async () => {
    const { token } = await proWithAlbum('titles');
    const page = await signedInPage(token);
    await page.goto('/albums');
    await page.getByRole('button', { name: 'New album' }).first().click();
    const title = page.getByRole('dialog', { name: 'New album' }).getByLabel('Title');
    assert.equal(await title.getAttribute('maxlength'), '160');
    await title.fill('Marathon de Paris');
    await page.getByRole('dialog').getByText('17 / 160 characters').waitFor();

    // A pasted paragraph keeps whole words (the browser alone would cut it at 160, mid-word).
    const long = 'Grand Trail des Lacs et Montagnes du Haut Jura, édition de printemps, avec le semi-marathon, la course des enfants et la randonnée gourmande du dimanche matin au bord du lac';
    assert.ok(long.length > 160);
    await title.fill('');
    // A string (this project's node config has no DOM types), pasting into the focused title.
    await title.focus();
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/plain', ${JSON.stringify(long)});
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    const pasted = await title.inputValue();
    assert.ok(pasted.length <= 160 && pasted.length > 140, pasted);
    assert.ok(long.startsWith(pasted) && long[pasted.length] === ' ', `cut mid-word: "${pasted}"`);
    await page.getByRole('dialog').getByText(`${pasted.length} / 160 characters`).waitFor();
  }),
);

/** A JPEG whose EXIF says when it was taken (the lightbox shows that time). */
const timedPhoto = async () => sharp(await photoJpeg(1600, 1067, { seed: 9300 })).withExif({ IFD0: { DateTime: '2026:03:08 09:41:27' } }).jpeg().toBuffer();

async function waitForReady(token: string, photoId: string, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const { status } = (await api(env.stack.origin, 'GET', `/v1/photos/${photoId}`, { token })).data.photo;
    if (status === 'ready') return;
    assert.ok(Date.now() < deadline && status !== 'rejected', `photo is ${status}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('on a phone the lightbox shows the capture time whole, clear of the buy buttons', { timeout: 90_000 }, () =>
  withFailureShots(env, async () => {
    const { token, album } = await proWithAlbum('lightbox', 'public');
    const bytes = await timedPhoto();
    const created = await api(env.stack.origin, 'POST', `/v1/albums/${album.id}/uploads`, { token, json: { files: [{ name: 'finish.jpg', size: bytes.length, type: 'image/jpeg' }] } });
    const [upload] = expectStatus(created, 201, 'uploads').data.uploads;
    await sendAndComplete(env.stack.origin, token, upload, bytes);
    for (const [name, size] of [['One photo', 'original'], ['Web size', 'web']]) {
      const pack = { name, scope: 'photo', size, amountCents: 500 };
      expectStatus(await api(env.stack.origin, 'POST', `/v1/albums/${album.id}/packs`, { token, json: pack }), 201, 'pack');
    }
    await waitForReady(token, upload.photoId);

    const runner = await (await newContext(env.browser, env.stack.origin, PHONE)).newPage();
    await runner.goto(`/e/${album.slug}`);
    await runner.getByRole('button', { name: /^Photo \d+/ }).first().click();
    const dialog = runner.getByRole('dialog');
    const time = dialog.locator('time');
    await time.waitFor();
    const buy = dialog.getByRole('button', { name: /€/ });
    await buy.nth(1).waitFor();
    await screenshot(runner, 'lightbox-phone-time');

    const timeBox = (await time.boundingBox())!;
    for (const box of await Promise.all([0, 1].map(async (i) => (await buy.nth(i).boundingBox())!))) {
      assert.ok(!overlaps(timeBox, box), `time ${JSON.stringify(timeBox)} overlaps a buy button ${JSON.stringify(box)}`);
    }
    // Whole: not cut by its own box, its line's, or the screen's edge.
    const clipped = await time.evaluate((el) => {
      const line = el.parentElement!;
      const [t, l] = [el.getBoundingClientRect(), line.getBoundingClientRect()];
      return el.scrollWidth > el.clientWidth + 1 || t.right > l.right + 1 || t.left < l.left - 1 || t.right > el.ownerDocument.documentElement.clientWidth;
    });
    assert.equal(clipped, false, 'the capture time is cut off');
  }),
);

// Last: the pipeline work it starts would slow the sign-ups of the tests above on a busy machine.
test('a mixed batch ends with each file in its final state and every refusal in a sentence', { timeout: 90_000 }, () =>
  withFailureShots(env, async () => {
    const { token, album } = await proWithAlbum('mixed');
    const page = await signedInPage(token);
    // The API's own refusal for one file, replayed for a file our checks let through (so the row
    // shows what the server said, details object and all).
    const refusal = await api(env.stack.origin, 'POST', `/v1/albums/${album.id}/uploads`, { token, json: { files: [{ name: 'refused.jpg', size: 10, type: 'image/heic' }] } });
    assert.equal(refusal.status, 415);
    await page.route('**/v1/albums/*/uploads', async (route) => {
      const names = (route.request().postDataJSON()?.files ?? []).map((f: { name: string }) => f.name);
      if (names.includes('refused.jpg')) return route.fulfill({ status: refusal.status, json: refusal.data });
      return route.continue();
    });
    // Bytes held back a little so the transfer has a middle with a speed to show.
    await page.route('**/v1/uploads/**', async (route) => {
      await new Promise((r) => setTimeout(r, 1200));
      await route.continue();
    });
    await page.goto(`/albums/${album.id}`);
    await page.getByRole('heading', { name: album.title }).waitFor();

    const photos = await racePhotos(4, { bibs: 0, seed: 9100 });
    const good = photos.slice(0, 3);
    // In the photos' temp folder (removed when the test process exits).
    const bad = (name: string) => join(dirname(photos[0]!), name);
    copyFileSync(photos[3]!, bad('refused.jpg'));
    writeFileSync(bad('empty.jpg'), '');
    writeFileSync(bad('notes.jpg'), 'Bib list for Sunday, not a photo at all\n');
    await page.getByLabel('Choose photos').setInputFiles([...good, bad('refused.jpg'), bad('empty.jpg'), bad('notes.jpg')]);

    // While it runs: sizes and speed in human units, never a raw float.
    const stats = page.getByText(/ left$/);
    await stats.waitFor();
    const seen = new Set<string>();
    const headline = page.getByText(/^6 photos: /);
    while (!(await headline.isVisible())) {
      const text = await stats.textContent({ timeout: 500 }).catch(() => null);
      if (text) seen.add(text);
      await page.waitForTimeout(100);
    }
    await screenshot(page, 'uploader-mixed-batch');
    assert.ok(seen.size > 0, 'the transfer line showed');
    for (const text of seen) {
      const [sent, total, speed] = text.replace(/ · [^·]+ left$/, '').split(/ of | · /);
      assert.match(sent!, FORMATTED_SIZE, text);
      assert.match(total!, FORMATTED_SIZE, text);
      assert.match(speed!, /^\d+(\.\d)? (B|KB|MB|GB)\/s$/, text);
    }

    // The header says the batch is over, with its counts.
    assert.equal(await headline.textContent(), '6 photos: 3 uploaded, 3 rejected');
    const files = page.getByRole('list', { name: 'Files' });
    const row = (name: string) => files.getByRole('listitem').filter({ hasText: name });
    await row('empty.jpg').getByText('This file is empty.').waitFor();
    await row('notes.jpg').getByText(/^Not a photo: .*\.$/).waitFor();
    await row('refused.jpg').getByText(/^Not a photo we accept: image\/heic; upload JPEG, PNG or WebP \(export HEIC photos as JPEG\)\.$/).waitFor();
    for (const name of ['empty.jpg', 'notes.jpg', 'refused.jpg']) await row(name).getByLabel('Rejected').waitFor();
    for (const path of good) await row(basename(path)).getByLabel('Uploaded').waitFor();
    // Settled rows carry no progress bar, and nothing reads like a developer's object dump.
    assert.equal(await files.getByRole('progressbar').count(), 0);
    assert.doesNotMatch((await page.locator('main').textContent())!, /\[object Object\]|\d\.\d{3,}/);
    assert.equal(await row('empty.jpg').getByText('· 0 B').count(), 1);
  }),
);
