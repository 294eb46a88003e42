/** One local stack and one browser per test file, started before its tests and stopped after. */
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { e2eStack } from './stack';

export function stackAndBrowser() {
  const env = {} as { stack: Awaited<ReturnType<typeof e2eStack>>; browser: Browser };
  before(async () => {
    env.stack = await e2eStack();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.stack?.close();
  });
  return env;
}
