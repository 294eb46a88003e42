/** Debian's Chromium driven by playwright-core (Playwright's own browser download is not possible here). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const SCREENSHOTS = join(import.meta.dirname, '..', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
  });
}

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

export async function newContext(browser: Browser, origin: string, device: typeof PHONE | typeof DESKTOP = DESKTOP): Promise<BrowserContext> {
  const context = await browser.newContext({ ...device, baseURL: origin });
  context.setDefaultTimeout(20_000);
  return context;
}

/** A screenshot per screen, to look at (git-ignored; README's are copied to docs/ by hand). */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/**
 * On a failure, every open page is photographed (as failure-N.png) and the services' last log
 * lines are printed before the error goes on: a CI run shows what the Worker was doing.
 */
export async function withFailureShots<T>(env: { browser: Browser; stack: { logTails(): string } }, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const pages = env.browser.contexts().flatMap((c) => c.pages());
    await Promise.all(pages.map((page, i) => screenshot(page, `failure-${i + 1}`).catch(() => undefined)));
    console.error(env.stack.logTails());
    throw err;
  }
}
