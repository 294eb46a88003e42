/**
 * Switching workspace (issue 15's fix): on the albums screen, the list that follows is the chosen
 * workspace's, never the previous one's (two workspaces of one trade: the same screen stays mounted).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newContext, withFailureShots } from './lib/browser';
import { createAlbumThroughUi, registerThroughUi, uniqueEmail } from './lib/flows';
import { stackAndBrowser } from './lib/harness';

const env = stackAndBrowser();

test("switching workspace on the albums screen shows that workspace's list, not the previous one's", { timeout: 120_000 }, () =>
  withFailureShots(env, async () => {
    const page = await (await newContext(env.browser, env.stack.origin)).newPage();
    await registerThroughUi(page, uniqueEmail('switch'));
    await createAlbumThroughUi(page, 'Trail des Monts 2026');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Albums' }).click();
    await page.getByText('Trail des Monts 2026').waitFor();

    await page.getByRole('button', { name: 'New workspace' }).click();
    const dialog = page.getByRole('dialog', { name: 'New workspace' });
    await dialog.getByLabel('Name').fill('Camille Trail Studio');
    await dialog.getByLabel('What you shoot').selectOption('events');
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('heading', { name: 'No albums yet' }).waitFor();
    assert.equal(await page.getByText('Trail des Monts 2026').count(), 0, "the new workspace does not list the other one's album");

    await page.getByRole('combobox', { name: 'Workspace', exact: true }).selectOption({ label: 'Camille Sports Photo' });
    await page.getByText('Trail des Monts 2026').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'No albums yet' }).count(), 0);
    await page.getByRole('combobox', { name: 'Workspace', exact: true }).selectOption({ label: 'Camille Trail Studio' });
    await page.getByRole('heading', { name: 'No albums yet' }).waitFor();
    assert.equal(await page.getByText('Trail des Monts 2026').count(), 0);
  }),
);
