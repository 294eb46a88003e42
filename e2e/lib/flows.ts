/** Steps several browser tests take, written once. */
import type { Page } from 'playwright-core';
import { confirmationLink } from '../../scripts/lib/api-client';

export const uniqueEmail = (who: string) => `${who}-${Date.now().toString(36)}@e2e.vitrine.dev`;

/** Opens the confirmation link sign-up emailed (from the dev mailbox), as the user would; back on the app after. */
export async function confirmEmailThroughUi(page: Page, email: string) {
  const link = await confirmationLink(new URL(page.url()).origin, email);
  await page.goto(link.href);
  await page.getByText('Your email is confirmed.').waitFor();
  await page.getByRole('link', { name: 'Open Vitrine' }).click();
}

/** Signs up through the form and confirms the address from its email; lands on the (empty) albums screen. */
export async function registerThroughUi(page: Page, email: string) {
  await page.goto('/register');
  await page.getByLabel('Your name').fill('Camille Photo');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct-horse-battery');
  await page.getByLabel('Business name').fill('Camille Sports Photo');
  await page.getByLabel('What you shoot').selectOption('events');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Albums', exact: true }).waitFor();
  await confirmEmailThroughUi(page, email);
  await page.getByRole('heading', { name: 'Albums', exact: true }).waitFor();
}

/** Creates an album from the albums screen; lands on its page and returns its id. */
export async function createAlbumThroughUi(page: Page, title: string, visibility: 'public' | 'unlisted' | 'private' = 'public') {
  await page.getByRole('button', { name: 'New album' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New album' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Location').fill('Paris');
  await dialog.getByLabel('Visibility').selectOption(visibility);
  await dialog.getByRole('button', { name: 'Create album' }).click();
  await page.getByRole('heading', { name: title }).waitFor();
  return page.url().split('/albums/')[1]!.split('/')[0]!;
}

/** Waits until the batch is over with every file uploaded ("20 photos: 20 uploaded"). */
export async function waitForUploads(page: Page, count: number, timeout = 120_000) {
  await page.getByText(new RegExp(`^${count} photos?: ${count} uploaded$`)).waitFor({ timeout });
}

export async function waitForProcessing(page: Page, count: number, timeout = 180_000) {
  await page.getByText(new RegExp(`^Done: ${count} photos? processed`)).waitFor({ timeout });
}
