import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { commitCredits, creditBalance, grantCredits, refundCredits, reserveCredits } from '../workers/modules/billing/credit-ledger';
import { CREDIT_PRICES, STARTER_CREDITS } from '../workers/shared/billing/catalogue';
import { NotReadyYet, recognisePhoto } from '../workers/modules/recognition/jobs/recognise';
import { recognitionReference } from '../workers/modules/recognition/paid-reading';
import { call, testEnv } from './helpers/api';
import { setBalance, testDb } from './helpers/credits';
import { DEAD_LETTERS, deliver } from './helpers/jobs';
import { makeAlbum, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForPhoto, waitForRecognition } from './helpers/photos';

describe('credit ledger', () => {
  it('new workspaces start with the starter grant, shown with prices and the ledger', async () => {
    const { token } = await signUp('events');
    const { status, data } = await call('GET', '/v1/credits', { token });
    expect(status).toBe(200);
    expect(data.balance).toBe(STARTER_CREDITS);
    expect(data.prices).toMatchObject({ recognition: 1 });
    expect(data.ledger).toEqual([expect.objectContaining({ delta: STARTER_CREDITS, reason: 'starter', balanceAfter: STARTER_CREDITS })]);
    expect((await call('GET', '/v1/credits')).status).toBe(401);

    const estimate = await call('GET', '/v1/credits/estimate?work=recognition&count=80', { token });
    expect(estimate.data).toEqual({ work: 'recognition', count: 80, credits: 80, balance: STARTER_CREDITS, enough: false, missing: 80 - STARTER_CREDITS });
    expect((await call('GET', '/v1/credits/estimate?work=teleport&count=1', { token })).data.error.code).toBe('VALIDATION_ERROR');
    // Every kind of paid work has its price before it starts.
    const cutouts = await call('GET', '/v1/credits/estimate?work=cutout&count=2', { token });
    expect(cutouts.data).toMatchObject({ work: 'cutout', count: 2, credits: 2 * CREDIT_PRICES.cutout, enough: true });
  });

  it('10 concurrent reservations against a 3-credit balance: exactly 3 succeed, never negative', async () => {
    const { workspace } = await signUp('events');
    await setBalance(workspace.id, 3);
    const db = testDb();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => reserveCredits(db, workspace.id, 1, `job:${i}`)));
    expect(results.filter(Boolean)).toHaveLength(3);
    expect(await creditBalance(db, workspace.id)).toBe(0);
    const rows = await db.query.creditLedger.findMany({ where: (l, { eq }) => eq(l.workspaceId, workspace.id) });
    expect(rows.filter((r) => r.reason === 'reserve' && r.reference.startsWith('job:'))).toHaveLength(3);
    expect(Math.min(...rows.map((r) => r.balanceAfter))).toBeGreaterThanOrEqual(0);
  });

  it('a reservation is made once per reference, refunded once, and never after a commit', async () => {
    const { workspace } = await signUp('events');
    const db = testDb();
    await setBalance(workspace.id, 5);
    expect(await reserveCredits(db, workspace.id, 2, 'work:a')).toBe(true);
    expect(await reserveCredits(db, workspace.id, 2, 'work:a')).toBe(true); // a redelivered job: no second debit
    expect(await creditBalance(db, workspace.id)).toBe(3);
    expect(await refundCredits(db, workspace.id, 'work:a')).toBe(true);
    expect(await refundCredits(db, workspace.id, 'work:a')).toBe(false);
    expect(await creditBalance(db, workspace.id)).toBe(5);

    expect(await reserveCredits(db, workspace.id, 2, 'work:b')).toBe(true);
    await commitCredits(db, workspace.id, 'work:b');
    expect(await refundCredits(db, workspace.id, 'work:b')).toBe(false);
    expect(await creditBalance(db, workspace.id)).toBe(3);
    expect(await reserveCredits(db, workspace.id, 4, 'work:c')).toBe(false);
    expect(await creditBalance(db, workspace.id)).toBe(3);
  });

  it('a grant with the same reference (a redelivered payment) counts once', async () => {
    const { workspace } = await signUp('events');
    const db = testDb();
    expect(await grantCredits(db, workspace.id, 100, 'purchase', 'cs_same')).toBe(true);
    expect(await grantCredits(db, workspace.id, 100, 'purchase', 'cs_same')).toBe(false);
    expect(await creditBalance(db, workspace.id)).toBe(STARTER_CREDITS + 100);
  });
});

describe('paid bib reading', () => {
  it('costs one credit; a photo with no credit left waits (the owner is told), then resumes when credits are granted', async () => {
    const { token, workspace, email } = await signUp('events');
    const album = await makeAlbum(token, { title: `Paid ${crypto.randomUUID().slice(0, 6)}` });
    await setBalance(workspace.id, 1);
    const first = await waitForRecognition(token, await uploadPhoto(token, album.id, image('bib1234')));
    expect(first.recognition.status).toBe('done');
    expect((await call('GET', '/v1/credits', { token })).data.balance).toBe(0);

    const second = await waitForPhoto(token, await uploadPhoto(token, album.id, image('bib308')));
    expect(second.recognition.status).toBe('awaiting_credits');
    const overview = (await call('GET', '/v1/credits', { token })).data;
    expect(overview).toMatchObject({ balance: 0, awaitingCredits: { photos: 1, creditsNeeded: 1 } });
    const mails = (await call('GET', '/dev/mail?format=json')).data.emails.filter((m: { to: string }) => m.to === email);
    expect(mails.filter((m: { template: string }) => m.template === 'credits_low')).toHaveLength(1); // once per top-up, not per photo
    expect(mails.filter((m: { template: string }) => m.template === 'processing_finished').length).toBeGreaterThanOrEqual(1);

    // A refused last photo finishes the album too, and the email says so.
    const finished = async () =>
      (await call('GET', '/dev/mail?format=json')).data.emails.filter((m: { to: string; template: string }) => m.to === email && m.template === 'processing_finished');
    await new Promise((r) => setTimeout(r, 300)); // the previous photo's email is written just after it turns ready
    const before = (await finished()).length;
    const refused = await waitForPhoto(token, await uploadPhoto(token, album.id, image('truncated')));
    expect(refused.status).toBe('rejected');
    let after = await finished();
    for (let i = 0; i < 25 && after.length === before; i++) {
      await new Promise((r) => setTimeout(r, 200));
      after = await finished();
    }
    expect(after).toHaveLength(before + 1);
    expect(after[0].subject).toContain('processing finished');

    await grantCredits(testDb(), workspace.id, 10, 'adjustment', 'test:resume');
    await testEnv.READING_QUEUE.send({ type: 'credits.granted', workspaceId: workspace.id });
    const resumed = await waitForRecognition(token, second.id);
    expect(resumed.recognition.status).toBe('done');
    expect((await call('GET', `/v1/photos/${second.id}/tags`, { token })).data.tags.map((t: { value: string }) => t.value)).toEqual(['308']);
    expect((await call('GET', '/v1/credits', { token })).data.balance).toBe(9);
  });

  it('a reading that finally fails gives its credit back exactly once, and a finished one keeps it', async () => {
    const { token, workspace } = await signUp('events');
    const album = await makeAlbum(token, { title: `Refund ${crypto.randomUUID().slice(0, 6)}` });
    const done = await waitForRecognition(token, await uploadPhoto(token, album.id, image('bib1234')));
    const db = testDb();
    await setBalance(workspace.id, 2);
    const failing = { type: 'photo.recognise' as const, photoId: 'pho_never_read', workspaceId: workspace.id };
    expect(await reserveCredits(db, workspace.id, 1, recognitionReference(failing.photoId))).toBe(true);
    expect(await creditBalance(db, workspace.id)).toBe(1);

    await deliver(DEAD_LETTERS, [failing]);
    await deliver(DEAD_LETTERS, [failing]); // the dead-letter queue delivers at least once too
    expect(await creditBalance(db, workspace.id)).toBe(2);

    await deliver(DEAD_LETTERS, [{ type: 'photo.recognise', photoId: done.id, workspaceId: workspace.id }]);
    expect(await creditBalance(db, workspace.id)).toBe(2);
    expect((await call('GET', `/v1/photos/${done.id}`, { token })).data.photo.recognition.status).toBe('done');
  });

  it('a cutout (AI transform) is refused with 402 when the credits do not cover it, and costs nothing then', async () => {
    const { token, workspace } = await signUp('vehicles');
    const album = await makeAlbum(token, { title: `Stock ${crypto.randomUUID().slice(0, 6)}` });
    const photo = await waitForRecognition(token, await uploadPhoto(token, album.id, image('png'), 'image/png', 'car.png'));
    await setBalance(workspace.id, CREDIT_PRICES.cutout - 1);
    const res = await call('POST', `/v1/photos/${photo.id}/cutout`, { token });
    expect(res.status).toBe(402);
    expect(res.data.error).toMatchObject({ code: 'INSUFFICIENT_CREDITS', requestId: expect.any(String) });
    expect(await creditBalance(testDb(), workspace.id)).toBe(CREDIT_PRICES.cutout - 1);
  });

  it('a reading message that arrives before the photo is ready is retried, not dropped', async () => {
    const { token } = await signUp('events');
    const album = await makeAlbum(token, { title: `Early ${crypto.randomUUID().slice(0, 6)}` });
    const created = await call('POST', `/v1/albums/${album.id}/uploads`, { token, json: { files: [{ name: 'a.jpg', size: 100, type: 'image/jpeg' }] } });
    await expect(recognisePhoto(testEnv, created.data.uploads[0].photoId)).rejects.toBeInstanceOf(NotReadyYet);
  });
});

type HistoryEntry = { id: string; reason: string; work: string | null; count: number; delta: number; balanceAfter: number; createdAt: string; firstAt: string };

/** Each entry's balance, minus its change, is the balance of the entry shown below it. */
const expectRunningBalance = (entries: { delta: number; balanceAfter: number }[]) => {
  for (let i = 0; i + 1 < entries.length; i++) expect(entries[i]!.balanceAfter - entries[i]!.delta).toBe(entries[i + 1]!.balanceAfter);
};

/** Reads `n` photos' worth of credits the way the pipeline does: reserve, then commit (a zero row). */
async function readings(workspaceId: string, n: number, work = 'recognise') {
  const db = testDb();
  const references = Array.from({ length: n }, () => `${work}:pho_${crypto.randomUUID().slice(0, 8)}`);
  for (const reference of references) {
    expect(await reserveCredits(db, workspaceId, work === 'cutout' ? CREDIT_PRICES.cutout : 1, reference)).toBe(true);
    await commitCredits(db, workspaceId, reference);
  }
  return references;
}

describe('credit history', () => {
  it('newest first, zero rows hidden, same-day AI work of one kind grouped with a count, balances in the order shown', async () => {
    const { token, workspace } = await signUp('events');
    const db = testDb();
    await readings(workspace.id, 3);
    // Everything so far happened yesterday (moved back together, so the order holds).
    await env.DB.prepare('update credit_ledger set created_at = created_at - 86400000 where workspace_id = ?').bind(workspace.id).run();
    await grantCredits(db, workspace.id, 100, 'purchase', `cs_${crypto.randomUUID().slice(0, 8)}`);
    await readings(workspace.id, 4);
    const failed = `recognise:pho_${crypto.randomUUID().slice(0, 8)}`;
    await reserveCredits(db, workspace.id, 1, failed);
    await refundCredits(db, workspace.id, failed);
    await readings(workspace.id, 2, 'cutout');

    const { status, data } = await call('GET', '/v1/credits/history?timeZone=UTC', { token });
    expect(status).toBe(200);
    const entries: HistoryEntry[] = data.entries;
    expect(entries.map((e) => [e.reason, e.work, e.count, e.delta])).toEqual([
      ['reserve', 'cutout', 2, -2 * CREDIT_PRICES.cutout],
      ['refund', 'recognition', 1, 1],
      ['reserve', 'recognition', 5, -5],
      ['purchase', null, 1, 100],
      ['reserve', 'recognition', 3, -3],
      ['starter', null, 1, STARTER_CREDITS],
    ]);
    expect(entries.every((e) => e.delta !== 0)).toBe(true);
    expect(entries[0]!.balanceAfter).toBe(await creditBalance(db, workspace.id));
    expectRunningBalance(entries);
    expect(Date.parse(entries[4]!.createdAt)).toBeLessThan(Date.parse(entries[3]!.createdAt) - 23 * 3600_000);
    expect(data.nextCursor).toBeNull();
    // The raw ledger of GET /v1/credits follows the same order (same-second rows included).
    expectRunningBalance((await call('GET', '/v1/credits', { token })).data.ledger);
  });

  it('pages with a cursor without losing or repeating a change; bad cursors and time zones are a 400', async () => {
    const { token, workspace } = await signUp('events');
    const db = testDb();
    for (let i = 0; i < 3; i++) {
      await grantCredits(db, workspace.id, 10 + i, 'adjustment', `test:${crypto.randomUUID()}`);
      await readings(workspace.id, 2);
    }
    const seen: HistoryEntry[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; data: { entries: HistoryEntry[]; nextCursor: string | null } } = await call('GET', `/v1/credits/history?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token });
      expect(page.status).toBe(200);
      expect(page.data.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.entries);
      cursor = page.data.nextCursor;
    } while (cursor);
    expect(seen.map((e) => `${e.reason}:${e.count}`)).toEqual(['reserve:2', 'adjustment:1', 'reserve:2', 'adjustment:1', 'reserve:2', 'adjustment:1', 'starter:1']);
    expectRunningBalance(seen);

    expect((await call('GET', '/v1/credits/history?cursor=garbage', { token })).data.error.code).toBe('VALIDATION_ERROR');
    expect((await call('GET', '/v1/credits/history?timeZone=Mars/Olympus', { token })).data.error.code).toBe('VALIDATION_ERROR');
    expect((await call('GET', '/v1/credits/history')).status).toBe(401);
  });
});
