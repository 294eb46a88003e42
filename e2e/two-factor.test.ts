/**
 * Two-factor authentication in the browser: turned on in settings (the secret read from the
 * screen, the code computed here as an authenticator app would), recovery codes saved, then a
 * sign-in that asks for the code after the password — a wrong code refused, a right one and
 * later a recovery code let the person in. An owner who uses it asks the whole team for it: a
 * member without it finds the workspace closed until they turn it on from the screen that says so.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { base32Decode, totp, totpStep } from '../workers/modules/accounts/totp';
import { emailTo, stackApi } from './lib/api';
import { newContext, screenshot, withFailureShots } from './lib/browser';
import { registerThroughUi, uniqueEmail } from './lib/flows';
import { stackAndBrowser } from './lib/harness';

const env = stackAndBrowser();
const api = stackApi(() => env.stack.origin);
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

/** In the settings screen: turns two-factor on with the secret shown, and saves the recovery codes. */
async function turnOnInSettings(page: Page) {
  await page.getByRole('button', { name: 'Turn on' }).click();
  await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
  await page.getByLabel('Code from the app').fill(await codeFor(await page.getByLabel('Secret key').inputValue()));
  await page.getByRole('button', { name: 'Confirm and turn on' }).click();
  await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').nth(9).waitFor();
  await page.getByRole('button', { name: "I've saved them" }).click();
  await page.getByText(/Two-factor authentication is on/).waitFor();
}

test('an owner asks the team for two-factor; a member without it turns it on to get back in', { timeout: 180_000 }, () =>
  withFailureShots(env, async () => {
    const owner = await (await newContext(env.browser, env.stack.origin)).newPage();
    const ownerEmail = uniqueEmail('team-owner');
    await registerThroughUi(owner, ownerEmail);
    const ownerToken = (await api('POST', '/v1/auth/login', undefined, { email: ownerEmail, password: PASSWORD })).token as string;
    const teamId = (await api('GET', '/v1/me', ownerToken)).workspaceId as string;

    const member = await (await newContext(env.browser, env.stack.origin)).newPage();
    const memberEmail = uniqueEmail('team-member');
    await registerThroughUi(member, memberEmail);
    await api('POST', '/v1/invitations', ownerToken, { email: memberEmail, role: 'member' });
    const link = /https?:\/\/\S+\/invite\?token=[\w-]+/.exec((await emailTo(env.stack.origin, memberEmail, 'invitation')).text)![0];
    const memberToken = (await api('POST', '/v1/auth/login', undefined, { email: memberEmail, password: PASSWORD })).token as string;
    await api('POST', '/v1/invitations/accept', memberToken, { token: new URL(link).searchParams.get('token') });

    await owner.getByRole('link', { name: 'Team' }).click();
    await owner.getByRole('button', { name: 'Ask every member for two-factor' }).click();
    await owner.getByText('Turn on two-factor authentication for yourself first').waitFor();
    await owner.getByRole('link', { name: 'Your account' }).click();
    await turnOnInSettings(owner);
    await owner.getByRole('link', { name: 'Team' }).click();
    await owner.getByRole('button', { name: 'Ask every member for two-factor' }).click();
    await owner.getByText('Every member now needs two-factor').waitFor();
    await owner.getByText(/no two-factor/).waitFor();
    await screenshot(owner, 'team-two-factor-rule');

    await member.reload(); // it joined the team through the API, after the page loaded its workspaces
    await member.getByRole('combobox', { name: 'Workspace', exact: true }).selectOption(teamId);
    await member.getByRole('heading', { name: 'Two-factor authentication needed' }).waitFor();
    await screenshot(member, 'two-factor-needed');
    await member.getByRole('link', { name: 'Turn on two-factor' }).click();
    await turnOnInSettings(member);
    await member.getByRole('link', { name: 'Albums' }).click();
    await member.getByRole('heading', { name: 'Albums', exact: true }).waitFor();
    assert.equal(await member.getByRole('heading', { name: 'Two-factor authentication needed' }).count(), 0);
  }),
);
