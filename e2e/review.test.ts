/**
 * A race photographer reviews reads: the start list says what it holds and downloads back; the
 * album's tiles and photo dialog show and edit bibs (with errors in sentences); a confirmed read
 * can be undone after a reload; a missed bib is added from the review screen.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible } from './lib/accessibility';
import { DESKTOP, newContext, screenshot, withFailureShots } from './lib/browser';
import { createAlbumThroughUi, registerThroughUi, uniqueEmail, waitForProcessing, waitForUploads } from './lib/flows';
import { stackAndBrowser } from './lib/harness';
import { BIB, racePhotos } from './lib/photos';

const env = stackAndBrowser();

test('a photographer reviews bibs, edits them on the album and undoes a change', { timeout: 240_000 }, () => withFailureShots(env, async () => {
  const pro = await (await newContext(env.browser, env.stack.origin, DESKTOP)).newPage();
  await registerThroughUi(pro, uniqueEmail('review'));
  await createAlbumThroughUi(pro, `Review ${Date.now().toString(36)}`);

  // The start list: once imported, its size, date and the file itself.
  await pro.getByRole('link', { name: 'Review bibs' }).click();
  await pro.getByLabel('CSV file').setInputFiles({ name: 'runners.csv', mimeType: 'text/csv', buffer: Buffer.from(`bib,name\n${BIB},Marie Dupont\n77,Jean Martin\n`) });
  await pro.getByRole('button', { name: 'Import start list' }).click();
  const current = pro.getByRole('status', { name: 'Current start list' });
  await current.getByText('2 runners on the start list').waitFor();
  await current.getByText(/^Imported /).waitFor();
  const [download] = await Promise.all([pro.waitForEvent('download'), current.getByRole('button', { name: 'Download CSV' }).click()]);
  assert.match(readFileSync((await download.path())!, 'utf8'), new RegExp(`^bib,name,category\\r\\n77,Jean Martin,\\r\\n${BIB},Marie Dupont,`));
  await pro.getByLabel('Replace it with a new CSV file').waitFor();

  // Two photos, the second showing bib 1234: its tile says so once it is read.
  await pro.getByRole('link', { name: 'Photos' }).click();
  await pro.getByLabel('Choose photos').setInputFiles(await racePhotos(2, { bibs: 1 }));
  await waitForUploads(pro, 2);
  await waitForProcessing(pro, 2);
  await reloadUntil(pro, `race-002.jpg — ready — bib ${BIB}`);

  // The photo dialog: a bad bib is refused in a sentence; one is added, another added and removed.
  await pro.getByRole('button', { name: /^race-001\.jpg — ready/ }).click();
  const dialog = pro.getByRole('dialog');
  const add = async (value: string) => {
    await dialog.getByLabel('Add a bib').fill(value);
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  };
  await add('abc!!');
  await dialog.getByRole('alert').getByText('A bib number is letters and digits only (e.g. 2001)').waitFor();
  const bibs = dialog.getByRole('list', { name: 'bibs on this photo' });
  await add('77');
  await bibs.getByText('77').waitFor();
  await add('88');
  await bibs.getByText('88').waitFor();
  await dialog.getByRole('button', { name: 'Remove bib 88' }).click();
  await bibs.getByText('88').waitFor({ state: 'detached' });
  await screenshot(pro, 'review-01-photo-dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await pro.getByRole('button', { name: 'race-001.jpg — ready — bib 77' }).waitFor();

  // The review screen: confirm the read, reload, undo it: the read is back in the queue.
  await pro.getByRole('link', { name: 'Review bibs' }).click();
  const value = pro.getByLabel(/Bib number/);
  await value.waitFor();
  assert.equal(await value.inputValue(), BIB);
  await value.press('Enter');
  await pro.getByText('Nothing to review').waitFor();
  await pro.reload();
  const history = pro.getByRole('region', { name: 'Recent changes' });
  await history.getByText(`Confirmed bib ${BIB}`).waitFor();
  await history.getByText('Rejected bib 88').waitFor();
  await history.getByRole('button', { name: `Undo: Confirmed bib ${BIB}` }).click();
  await value.waitFor();
  assert.equal(await value.inputValue(), BIB);
  await history.getByText('undone').waitFor();

  // A bib the reader missed, added from the review screen.
  const onPhoto = pro.getByRole('list', { name: 'bibs on this photo' });
  await onPhoto.getByText(BIB).waitFor();
  await pro.getByLabel('Add a bib').fill('2001');
  await pro.getByRole('button', { name: 'Add', exact: true }).click();
  await onPhoto.getByText('2001').waitFor();
  await history.getByText('Added bib 2001').waitFor();
  await screenshot(pro, 'review-02-review-undo');
  await assertAccessible(pro, 'review-02-review-undo');
}));

/** Reads finish after the photo is ready, and a settled grid is not fetched again: look again. */
async function reloadUntil(page: Page, tile: string, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  await page.getByRole('button', { name: /^race-002\.jpg — ready/ }).waitFor();
  while (!(await page.getByRole('button', { name: tile }).isVisible())) {
    assert.ok(Date.now() < deadline, `no tile "${tile}"`);
    await page.waitForTimeout(1000);
    await page.reload();
    await page.getByRole('button', { name: /^race-002\.jpg — ready/ }).waitFor();
  }
}
