/**
 * Two-factor authentication in the browser: turned on in settings (the secret read from the
 * screen, the code computed here as an authenticator app would), recovery codes saved, then a
 * sign-in that asks for the code after the password — a wrong code refused, a right one and
 * later a recovery code let the person in.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { base32Decode, totp, totpStep } from '../workers/modules/accounts/totp';
import { newContext, screenshot, withFailureShots } from './lib/browser';
import { registerThroughUi, uniqueEmail } from './lib/flows';
import { stackAndBrowser } from './lib/harness';

const env = stackAndBrowser();
const PASSWORD = 'correct-horse-battery';
const codeFor = (secret: string, offset = 0) => totp(base32Decode(secret)!, totpStep() + offset);
const notThe = (code: string) => (code === '000000' ? '111111' : '000000');

async function signInWithPassword(page: Page, email: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Enter the 6-digit code from your authenticator app.').waitFor();
}

test('two-factor: turned on in settings, then signing in asks for the code', { timeout: 120_000 }, () =>
  withFailureShots(env, async () => {
    const page = await (await newContext(env.browser, env.stack.origin)).newPage();
    const email = uniqueEmail('two-factor');
    await registerThroughUi(page, email);

    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
    const secret = await page.getByLabel('Secret key').inputValue();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    await page.getByLabel('Code from the app').fill(await codeFor(secret));
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();
    const listed = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await listed.nth(9).waitFor();
    const codes = await listed.allTextContents();
    assert.equal(codes.length, 10);
    await screenshot(page, 'two-factor-recovery-codes');
    await page.getByRole('button', { name: "I've saved them" }).click();
    await page.getByText(/Two-factor authentication is on/).waitFor();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signInWithPassword(page, email);
    await page.getByLabel('Authentication code').fill(notThe(await codeFor(secret, 1)));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('This code is not right; check your authenticator app and try again').waitFor();
    // The step after the one that turned it on: each code works once.
    await page.getByLabel('Authentication code').fill(await codeFor(secret, 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Albums', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signInWithPassword(page, email);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(codes[0]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Albums', exact: true }).waitFor();
  }),
);
