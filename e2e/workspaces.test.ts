/**
 * Switching workspace (issue 15's fix): on the albums screen, the list that follows is the chosen
 * workspace's, never the previous one's (two workspaces of one trade: the same screen stays mounted).
 * Teams: an invitation by email, accepted by someone new from the link, roles seen and changed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emailTo } from './lib/api';
import { newContext, screenshot, withFailureShots } from './lib/browser';
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

test('an owner invites a colleague by email; the colleague creates an account from the link and works in the team workspace', { timeout: 180_000 }, () =>
  withFailureShots(env, async () => {
    const owner = await (await newContext(env.browser, env.stack.origin)).newPage();
    await registerThroughUi(owner, uniqueEmail('team-owner'));
    await createAlbumThroughUi(owner, 'Marathon de Lyon 2026');
    await owner.getByRole('link', { name: 'Team' }).click();
    await owner.getByRole('heading', { name: 'Team of Camille Sports Photo' }).waitFor();
    const colleague = uniqueEmail('team-member');
    const form = owner.getByRole('form', { name: 'Invite someone' });
    await form.getByLabel('Their email').fill(colleague);
    await form.getByLabel('Role').selectOption('member');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await form.getByText(`Invitation sent to ${colleague}.`).waitFor();
    await owner.getByRole('region', { name: 'Pending invitations' }).getByText(colleague).waitFor();
    await screenshot(owner, 'team-invited');

    const link = /https?:\/\/\S+\/invite\?token=[\w-]+/.exec((await emailTo(env.stack.origin, colleague, 'invitation')).text)?.[0];
    assert.ok(link, 'the email holds the invitation link');
    const page = await (await newContext(env.browser, env.stack.origin)).newPage();
    await page.goto(new URL(link).pathname + new URL(link).search);
    await page.getByText('Camille Photo invites you to join Camille Sports Photo as member.').waitFor();
    await page.getByLabel('Your name').fill('Léa Martin');
    await page.getByLabel('Choose a password').fill('another-good-password');
    await page.getByRole('button', { name: 'Create my account and join' }).click();
    await page.getByText('Marathon de Lyon 2026').waitFor();
    assert.equal(await page.getByRole('region', { name: 'Confirm your email' }).count(), 0, 'the invitation link confirmed the address');
    assert.equal(await page.getByRole('combobox', { name: 'Workspace', exact: true }).inputValue(), await owner.getByRole('combobox', { name: 'Workspace', exact: true }).inputValue(), 'the colleague lands in the team workspace');

    // A member sees the team but cannot invite; the owner makes them an admin.
    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('list', { name: 'Members' }).getByText('Léa Martin').waitFor();
    assert.equal(await page.getByRole('form', { name: 'Invite someone' }).count(), 0, 'a member is not offered to invite');
    await owner.reload();
    await owner.getByLabel('Role of Léa Martin').selectOption('admin');
    await owner.getByText('Léa Martin is now admin.').waitFor();
    await page.reload();
    await page.getByRole('form', { name: 'Invite someone' }).waitFor();
    await screenshot(owner, 'team-members');
  }),
);
