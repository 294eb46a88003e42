/**
 * A person's own account, in the browser (issue 15, passwords and sessions): the settings screen
 * lists where they are signed in and signs another session out; the password is changed there
 * (the current one asked first); a forgotten password is reset through the emailed link, read
 * from the dev mailbox, and the old one stops working. Their data (GDPR): an export asked for in
 * settings becomes a ZIP behind the emailed link; deleting the account needs the typed email and
 * the password, signs them out, and the password stops working.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newContext, screenshot, withFailureShots } from './lib/browser';
import { registerThroughUi, uniqueEmail } from './lib/flows';
import { emailTo, stackApi, until } from './lib/api';
import { stackAndBrowser } from './lib/harness';

const env = stackAndBrowser();
const api = stackApi(() => env.stack.origin);
const FIRST = 'correct-horse-battery';

const mail = (to: string, template: string) => emailTo(env.stack.origin, to, template);

test('settings: sessions and password; a forgotten password reset by email', { timeout: 120_000 }, () =>
  withFailureShots(env, async () => {
    const page = await (await newContext(env.browser, env.stack.origin)).newPage();
    const email = uniqueEmail('account');
    await registerThroughUi(page, email);
    const other = (await api('POST', '/v1/auth/login', undefined, { email, password: FIRST })).token as string;

    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('heading', { name: 'Where you are signed in' }).waitFor();
    await page.getByText('This browser').waitFor();
    const signOutOther = page.getByRole('button', { name: /^Sign out (?!everywhere)/ });
    assert.equal(await signOutOther.count(), 1, 'the other session is listed with its own Sign out');
    await signOutOther.click();
    await until('the other session to end', async () => (await fetch(new URL('/v1/me', env.stack.origin), { headers: { Authorization: `Bearer ${other}` } })).status === 401);
    await page.getByRole('button', { name: /^Sign out (?!everywhere)/ }).waitFor({ state: 'detached' });

    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill('a second password');
    await page.getByLabel('New password again').fill('a second password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The current password is not right').waitFor();
    await page.getByLabel('Current password').fill(FIRST);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed. Your other sessions were signed out.').waitFor();
    await mail(email, 'password_changed');
    await screenshot(page, 'account-settings');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(/If an account uses this address/).waitFor();
    const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec((await mail(email, 'password_reset')).text)?.[0];
    assert.ok(link, 'the email holds the reset link');
    await page.goto(new URL(link).pathname + new URL(link).search);
    await page.getByLabel('New password').fill('a third password');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('Your password is changed: sign in with the new one.').waitFor();

    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a second password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Email or password is incorrect').waitFor();
    await page.getByLabel('Password').fill('a third password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Albums', exact: true }).waitFor();
  }),
);

test('your data: an export downloaded from its link, then the account deleted', { timeout: 180_000 }, () =>
  withFailureShots(env, async () => {
    const page = await (await newContext(env.browser, env.stack.origin)).newPage();
    const email = uniqueEmail('gdpr');
    await registerThroughUi(page, email);
    const token = (await api('POST', '/v1/auth/login', undefined, { email, password: FIRST })).token as string;
    await api('POST', '/v1/albums', token, { title: 'Trail des Crêtes 2026', visibility: 'public' });

    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('heading', { name: 'Your data' }).waitFor();
    await page.getByRole('button', { name: 'Export my data' }).click();
    const download = page.getByRole('list', { name: 'Your exports' }).getByRole('link', { name: 'Download' });
    await download.waitFor({ timeout: 120_000 });
    const href = (await download.getAttribute('href'))!;
    assert.ok((await mail(email, 'data_export_ready')).text.includes(href), 'the email holds the same signed link');
    const zip = await fetch(href);
    assert.equal(zip.status, 200);
    assert.equal(zip.headers.get('content-type'), 'application/zip');
    const bytes = Buffer.from(await zip.arrayBuffer());
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    assert.ok(bytes.includes(Buffer.from('Trail des Crêtes 2026')), 'the album is in the export');
    await download.scrollIntoViewIfNeeded();
    await screenshot(page, 'account-your-data');

    const deletion = page.getByRole('region', { name: 'Delete your account' });
    await deletion.getByRole('button', { name: 'Delete my account…' }).click();
    await deletion.getByText(/^Erased with your account \(only you are in them\): Camille Sports Photo\./).waitFor();
    const erase = deletion.getByRole('button', { name: 'Delete my account for good' });
    assert.equal(await erase.isDisabled(), true, 'nothing is deleted before the email is typed');
    await deletion.getByLabel('Your email, to confirm').fill(email);
    await deletion.getByLabel('Password', { exact: true }).fill('not my password');
    await erase.click();
    await deletion.getByText('The password is not right').waitFor();
    await deletion.getByLabel('Password', { exact: true }).fill(FIRST);
    await erase.click();
    await page.getByText('Your account is deleted and you are signed out everywhere.').waitFor();
    assert.equal((await fetch(new URL('/v1/me', env.stack.origin), { headers: { Authorization: `Bearer ${token}` } })).status, 401, 'the other session ended too');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(FIRST);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Email or password is incorrect').waitFor();
  }),
);
