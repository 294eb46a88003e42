import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailOutbox } from '../workers/db/schema/index';
import { renderEmail } from '../workers/modules/notifications/templates';
import { call } from './helpers/api';
import { setBalance, testDb } from './helpers/credits';
import { makeAlbum, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForRecognition } from './helpers/photos';
import { becomePayable, payOnCheckoutPage, relayWebhooks } from './helpers/stripe';

const ORIGIN = env.PUBLIC_ORIGIN;

/** Every link of an outbox row: hrefs of the HTML, and in the text both absolute URLs and bare paths. */
function links(row: { html: string; text: string }) {
  const hrefs = [...row.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
  const inText = [...row.text.matchAll(/(?:https?:\/\/|(?<=^|\s)\/)\S+/gm)].map((m) => m[0]);
  return [...hrefs, ...inText];
}

/** The outbox rows to `to`, once every template in `templates` is there (emails are written just after the work). */
async function outboxOf(to: string, templates: string[], timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await testDb().select().from(emailOutbox).where(eq(emailOutbox.to, to));
    if (templates.every((t) => rows.some((r) => r.template === t))) return rows;
    if (Date.now() > deadline) throw new Error(`outbox of ${to} has ${rows.map((r) => r.template)}, wanted ${templates}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('links in emails', () => {
  it('are built on PUBLIC_ORIGIN, not on the host a request came in on', () => {
    expect(ORIGIN).toMatch(/^https?:\/\/[^/]+$/);
    expect(ORIGIN).not.toBe('http://vitrine.test'); // the tests' request host: a link built on it would be caught
  });

  it('welcome, credits low, processing finished and order paid: every link is absolute on PUBLIC_ORIGIN', async () => {
    const pro = await signUp('events');
    const album = await makeAlbum(pro.token, { title: `Links ${crypto.randomUUID().slice(0, 6)}` });
    await setBalance(pro.workspace.id, 1); // the reading below spends the last credit: "credits low"
    const photoId = await uploadPhoto(pro.token, album.id, image('bib1234'));
    expect((await waitForRecognition(pro.token, photoId)).status).toBe('ready');
    const proMail = await outboxOf(pro.email, ['welcome', 'credits_low', 'processing_finished']);

    const pack = await call('POST', `/v1/albums/${album.id}/packs`, { token: pro.token, json: { name: 'One', scope: 'photo', size: 'web', amountCents: 300 } });
    await becomePayable(pro.token);
    const buyer = `links-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const started = await call('POST', `/v1/public/albums/${album.slug}/checkout`, { json: { email: buyer, items: [{ packId: pack.data.pack.id, photoId }] } });
    expect(started.status).toBe(201);
    await payOnCheckoutPage(started.data.checkoutUrl);
    await relayWebhooks(new URL(started.data.checkoutUrl).pathname.split('/').pop()!);
    const buyerMail = await outboxOf(buyer, ['order_paid']);

    for (const row of [...proMail, ...buyerMail]) {
      const found = links(row);
      expect(found.length, row.template).toBeGreaterThan(0);
      for (const link of found) expect(link, `${row.template}: ${link}`).toMatch(new RegExp(`^${ORIGIN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/|$)`));
    }
    expect(links(proMail.find((r) => r.template === 'processing_finished')!)).toContain(`${ORIGIN}/albums/${album.id}`);
    expect(links(proMail.find((r) => r.template === 'credits_low')!)).toContain(`${ORIGIN}/billing`);
  });

  it('renderEmail refuses a relative link', () => {
    expect(() => renderEmail({ template: 'credits_low', balance: 1, awaiting: 0, billingUrl: '/billing' })).toThrow(/not absolute/);
    expect(() => renderEmail({ template: 'welcome', name: 'A', verifyUrl: '//vitrine.example' })).toThrow(/not absolute/);
    expect(renderEmail({ template: 'welcome', name: 'A', verifyUrl: 'https://vitrine.example' }).html).toContain('href="https://vitrine.example"');
  });
});
