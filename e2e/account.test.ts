/**
 * A person's own account, in the browser (issue 15, passwords and sessions): the settings screen
 * lists where they are signed in and signs another session out; the password is changed there
 * (the current one asked first); a forgotten password is reset through the emailed link, read
 * from the dev mailbox, and the old one stops working.
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
