/**
 * The API reference: `/openapi.json` is a valid OpenAPI 3.x document, and `/docs` renders it
 * (Scalar, from this origin) with every request to another origin blocked — and recorded, so
 * a font, a CDN script, telemetry or an AI chat calling out fails the test even though the
 * page may still look fine.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileErrors, validate } from '@readme/openapi-parser';
import type { Page } from 'playwright-core';
import { DESKTOP, screenshot, withFailureShots } from './lib/browser';
import { stackAndBrowser } from './lib/harness';

type Operation = { summary?: string; operationId?: string };
type OpenApiDocument = { openapi: string; info: { title: string }; paths: Record<string, Record<string, Operation>> };

const env = stackAndBrowser();

async function fetchDocument(origin: string): Promise<OpenApiDocument> {
  const res = await fetch(`${origin}/openapi.json`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  return (await res.json()) as OpenApiDocument;
}

test('GET /openapi.json is a valid OpenAPI 3.x document', { timeout: 60_000 }, async () => {
  const document = await fetchDocument(env.stack.origin);
  assert.match(document.openapi, /^3\.\d+\.\d+$/);
  // validate() dereferences in place: give it a copy.
  const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);
  assert.ok(result.valid, result.valid ? '' : compileErrors(result));
  assert.equal(result.specification, 'OpenAPI');
});

/**
 * /docs in a fresh context, with every request to another origin aborted and recorded, and
 * console errors, page errors and failed same-origin requests collected. `bypassCSP` switches the
 * page's CSP off in the browser, to show nothing even tries to leave without the CSP's help.
 */
async function openDocs(origin: string, { bypassCSP }: { bypassCSP: boolean }) {
  const context = await env.browser.newContext({ ...DESKTOP, baseURL: origin, bypassCSP });
  context.setDefaultTimeout(20_000);
  const offsite: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    offsite.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('websocket', (ws) => offsite.push(ws.url()));
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  const failed: string[] = [];
  page.on('response', (res) => {
    if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
  });
  const response = await page.goto('/docs');
  assert.equal(response?.status(), 200);
  return { context, page, response: response!, offsite, errors, failed };
}

/** The document's title and at least one operation on screen (the first tag opens by itself). */
async function waitForReference(page: Page, document: OpenApiDocument) {
  const summaries = Object.values(document.paths).flatMap((item) => Object.values(item)).flatMap((op) => (op.summary ? [op.summary] : []));
  assert.ok(summaries.length > 0, 'the document has at least one operation with a summary');
  await page.getByRole('heading', { name: document.info.title }).first().waitFor({ timeout: 30_000 });
  const operation = page.getByRole('heading').filter({ hasText: new RegExp(`^(${summaries.map(escapeRegExp).join('|')})$`) });
  await operation.first().waitFor();
  // Late work (fonts, lazy parts, telemetry) gets its chance to show itself before we judge.
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.waitForTimeout(1000);
}

/** "Test Request" on the first open operation: Scalar's in-page API client, in a dialog. */
async function openTestRequest(page: Page) {
  await page.getByRole('button', { name: /^Test Request/ }).first().click();
  const client = page.getByRole('dialog');
  await client.getByRole('button', { name: /^Send .*request to / }).waitFor();
  return client;
}

test('GET /docs renders the API reference under a strict CSP', { timeout: 120_000 }, () => withFailureShots(env, async () => {
  const document = await fetchDocument(env.stack.origin);
  const docs = await openDocs(env.stack.origin, { bypassCSP: false });
  const csp = (docs.response.headers()['content-security-policy'] ?? '').split(';').map((d) => d.trim());
  for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "font-src 'self' data:", "img-src 'self' data:"]) {
    assert.ok(csp.includes(directive), `CSP has ${directive}: ${csp.join('; ')}`);
  }
  await waitForReference(docs.page, document);
  await screenshot(docs.page, 'docs');
  // A CSP violation (a remote font, a CDN script, an inline script) is a console error here.
  assert.deepEqual(docs.errors, [], 'console errors');
  assert.deepEqual(docs.offsite, [], 'requests to other origins');
  assert.deepEqual(docs.failed, [], 'failed same-origin requests');

  // The in-page client sends straight to this API (connect-src 'self', no proxy); any status
  // will do, the operation may well want credentials.
  const client = await openTestRequest(docs.page);
  const sent = docs.page.waitForResponse((res) => new URL(res.url()).origin === env.stack.origin && !res.url().endsWith('/openapi.json'));
  await client.getByRole('button', { name: /^Send .*request to / }).click();
  await sent;
  await docs.page.waitForTimeout(500);
  await screenshot(docs.page, 'docs-test-request');
  assert.deepEqual(docs.offsite, [], 'requests to other origins from the API client');
  // Chromium logs a 4xx answer as a console error; that is the API's answer, not a fault.
  const answered = /^console: Failed to load resource: the server responded with a status of 4\d\d/;
  assert.deepEqual(docs.errors.filter((e) => !answered.test(e)), [], 'console errors from the API client');
  await docs.context.close();
}));

test('nothing on /docs tries to leave the origin, even with the CSP switched off', { timeout: 120_000 }, () => withFailureShots(env, async () => {
  const document = await fetchDocument(env.stack.origin);
  const docs = await openDocs(env.stack.origin, { bypassCSP: true });
  await waitForReference(docs.page, document);
  await openTestRequest(docs.page);
  await docs.page.waitForTimeout(1000);
  assert.deepEqual(docs.offsite, [], 'requests to other origins');
  assert.deepEqual(docs.errors, [], 'console errors');
  assert.deepEqual(docs.failed, [], 'failed same-origin requests');
  await docs.context.close();
}));

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
