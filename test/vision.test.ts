import { describe, expect, it } from 'vitest';
import { CREDIT_PRICES } from '../workers/shared/billing/catalogue';
import { creditBalance } from '../workers/modules/billing/credit-ledger';
import { call, testEnv } from './helpers/api';
import { setBalance, testDb } from './helpers/credits';
import { DEAD_LETTERS, deliver } from './helpers/jobs';
import { makeAlbum, makeApiKey, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForPhoto, waitForRecognition } from './helpers/photos';

/** Polls until the photo's cutout job has finished. */
async function waitForCutout(token: string, photoId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data } = await call('GET', `/v1/photos/${photoId}/cutout`, { token });
    if (['done', 'failed'].includes(data.cutout?.status)) return data.cutout;
    if (Date.now() > deadline) throw new Error(`cutout of ${photoId} still ${JSON.stringify(data.cutout)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The `photo.cutout` message the request sent (the job id is on the row). */
async function cutoutMessage(photoId: string, workspaceId: string) {
  const row = await testDb().query.photos.findFirst({ where: (p, { eq }) => eq(p.id, photoId) });
  return { type: 'photo.cutout' as const, photoId, workspaceId, jobId: row!.cutoutJob! };
}

const cutoutLedger = async (workspaceId: string) =>
  (await testDb().query.creditLedger.findMany({ where: (l, { eq }) => eq(l.workspaceId, workspaceId) })).filter((r) => r.reference.startsWith('cutout:'));

/** These run against the real local vision service (models from npm), started by the test setup. */
describe('bibs read automatically (events)', () => {
  it('tags the bib, ignores excluded numbers, and runners find the photo by bib and by name', async () => {
    const { token } = await signUp('events');
    const album = await makeAlbum(token, { title: `Race ${crypto.randomUUID().slice(0, 6)}`, bibRules: { exclude: ['2026'] } });
    await call('POST', `/v1/albums/${album.id}/start-list`, { token, body: 'bib,name\n1234,Marie Dupont\n308,Jean Martin', headers: { 'Content-Type': 'text/csv' } });

    const photo = await waitForRecognition(token, await uploadPhoto(token, album.id, image('bib1234')));
    expect(photo.recognition).toMatchObject({ status: 'done' });
    const { data } = await call('GET', `/v1/photos/${photo.id}/tags`, { token });
    expect(data.tags).toEqual([expect.objectContaining({ kind: 'bib', value: '1234', status: 'sure', source: 'ocr:external' })]);
    const box = data.tags[0].box;
    expect(box.x).toBeGreaterThan(0.3);
    expect(box.x + box.w).toBeLessThan(0.7);

    const other = await waitForRecognition(token, await uploadPhoto(token, album.id, image('bib308')));
    expect((await call('GET', `/v1/photos/${other.id}/tags`, { token })).data.tags.map((t: { value: string }) => t.value)).toEqual(['308']);

    const byBib = await call('GET', `/v1/public/albums/${album.slug}/photos?bib=1234`);
    expect(byBib.data.photos.map((p: { id: string }) => p.id)).toEqual([photo.id]);
    const byName = await call('GET', `/v1/public/albums/${album.slug}/photos?q=jean%20martn`);
    expect(byName.data.photos.map((p: { id: string }) => p.id)).toEqual([other.id]);
  });

  it('skips reading exact duplicates', async () => {
    const { token } = await signUp('events');
    const album = await makeAlbum(token, { title: 'Dup race' });
    await waitForRecognition(token, await uploadPhoto(token, album.id, image('bib308')));
    const copy = await waitForPhoto(token, await uploadPhoto(token, album.id, image('bib308')));
    expect(copy.recognition).toMatchObject({ status: 'skipped', note: expect.stringMatching(/duplicate/) });
  });
});

describe('plates and cutouts (vehicles)', () => {
  it('reads and validates a French plate automatically, by photo id and from a sent image', async () => {
    const { token } = await signUp('vehicles');
    const album = await makeAlbum(token, { title: 'Stock' });
    const photo = await waitForRecognition(token, await uploadPhoto(token, album.id, image('plate')));
    const tags = (await call('GET', `/v1/photos/${photo.id}/tags`, { token })).data.tags;
    expect(tags).toEqual([expect.objectContaining({ kind: 'plate', value: 'AB-123-CD', status: 'sure' })]);

    const byId = await call('POST', '/v1/vision/plate', { token, json: { photoId: photo.id } });
    expect(byId.data).toMatchObject({ plate: 'AB-123-CD', normalized: 'AB123CD', format: 'FR-SIV' });
    const sent = await call('POST', '/v1/vision/plate', { token, body: image('plate'), headers: { 'Content-Type': 'image/jpeg' } });
    expect(sent.data.plate).toBe('AB-123-CD');
    const text = await call('POST', '/v1/vision/plate', { token, body: 'hello', headers: { 'Content-Type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(text.data.error.code).toBe('UNSUPPORTED_TYPE');
  });

  it('charges a plate read by request one credit, nothing when refused, and refunds it when the engine fails', async () => {
    const { token, workspace } = await signUp('vehicles');
    const album = await makeAlbum(token, { title: 'Plates' });
    const photo = await waitForRecognition(token, await uploadPhoto(token, album.id, image('plate')));
    const db = testDb();
    const before = await creditBalance(db, workspace.id);
    expect((await call('POST', '/v1/vision/plate', { token, json: { photoId: photo.id } })).status).toBe(200);
    expect(await creditBalance(db, workspace.id)).toBe(before - CREDIT_PRICES.plate);
    expect((await call('POST', '/v1/vision/plate', { token, body: 'hello', headers: { 'Content-Type': 'text/plain' } })).status).toBe(415);
    const down = { ...testEnv, VISION_URL: 'http://127.0.0.1:9' } as Env;
    expect((await call('POST', '/v1/vision/plate', { token, json: { photoId: photo.id }, env: down })).status).toBe(503);
    expect(await creditBalance(db, workspace.id)).toBe(before - CREDIT_PRICES.plate);
    const plateRows = (await db.query.creditLedger.findMany({ where: (l, { eq }) => eq(l.workspaceId, workspace.id) })).filter((r) => r.reference.startsWith('plate:'));
    expect(plateRows.map((r) => r.reason).sort()).toEqual(['commit', 'refund', 'reserve', 'reserve']);

    await setBalance(workspace.id, 0);
    const broke = await call('POST', '/v1/vision/plate', { token, json: { photoId: photo.id } });
    expect(broke.status).toBe(402);
    expect(broke.data.error.code).toBe('INSUFFICIENT_CREDITS');
  });

  it('a plate read from a sent image needs the vision:plate scope and a credit: 402 charges nothing, a failed read is refunded', async () => {
    const { token, workspace } = await signUp('vehicles');
    const db = testDb();
    const plate = { body: image('plate'), headers: { 'Content-Type': 'image/jpeg' } };
    const reader = await makeApiKey(token, ['photos:read']);
    expect((await call('POST', '/v1/vision/plate', { token: reader.key, ...plate })).status).toBe(403);
    const plates = await makeApiKey(token, ['vision:plate']);
    const before = await creditBalance(db, workspace.id);
    const read = await call('POST', '/v1/vision/plate', { token: plates.key, ...plate });
    expect(read.data.plate).toBe('AB-123-CD');
    expect(await creditBalance(db, workspace.id)).toBe(before - CREDIT_PRICES.plate);

    const garbage = await call('POST', '/v1/vision/plate', { token: plates.key, body: new Uint8Array(4096).fill(7), headers: { 'Content-Type': 'image/jpeg' } });
    expect(garbage.status).toBe(415);
    expect(await creditBalance(db, workspace.id)).toBe(before - CREDIT_PRICES.plate);

    await setBalance(workspace.id, 0);
    const ledgerRows = async () => (await db.query.creditLedger.findMany({ where: (l, { eq }) => eq(l.workspaceId, workspace.id) })).length;
    const rows = await ledgerRows();
    const broke = await call('POST', '/v1/vision/plate', { token: plates.key, ...plate });
    expect(broke.status).toBe(402);
    expect(broke.data.error.code).toBe('INSUFFICIENT_CREDITS');
    expect(await ledgerRows()).toBe(rows);
    expect(await creditBalance(db, workspace.id)).toBe(0);

    const estimate = await call('GET', '/v1/credits/estimate?work=plate&count=3', { token });
    expect(estimate.data).toMatchObject({ work: 'plate', credits: 3 * CREDIT_PRICES.plate, enough: false });
  });

  it('cuts the subject out as a paid job: 202, the job stores an RGBA PNG with quality hints, 3 credits taken once', async () => {
    const { token, workspace } = await signUp('vehicles');
    const album = await makeAlbum(token, { title: 'Cutouts' });
    const photo = await waitForRecognition(token, await uploadPhoto(token, album.id, image('plate')));
    expect((await call('GET', `/v1/photos/${photo.id}/cutout`, { token })).status).toBe(404);
    const db = testDb();
    const before = await creditBalance(db, workspace.id);

    const res = await call('POST', `/v1/photos/${photo.id}/cutout`, { token });
    expect(res.status).toBe(202);
    expect(res.data.cutout).toEqual({ status: 'queued' });
    const again = await call('POST', `/v1/photos/${photo.id}/cutout`, { token }); // a double click: the same job
    expect(again.status).toBe(202);
    expect(['queued', 'running']).toContain(again.data.cutout.status);

    const done = await waitForCutout(token, photo.id);
    expect(done).toMatchObject({ status: 'done', subjectArea: expect.any(Number), doubtful: expect.any(Boolean), url: `/v1/photos/${photo.id}/cutout.png` });
    const png = await call('GET', done.url, { token });
    expect(png.headers.get('Content-Type')).toBe('image/png');
    expect((await call('GET', `/v1/photos/${photo.id}`, { token })).data.photo.cutout).toMatchObject({ subjectArea: done.subjectArea });
    expect(await creditBalance(db, workspace.id)).toBe(before - CREDIT_PRICES.cutout);

    // The same message delivered again (at-least-once): nothing more is cut out or charged.
    await deliver('vitrine-reading-jobs', [await cutoutMessage(photo.id, workspace.id)]);
    expect(await creditBalance(db, workspace.id)).toBe(before - CREDIT_PRICES.cutout);
    expect((await cutoutLedger(workspace.id)).map((r) => `${r.reason} ${r.delta}`).sort()).toEqual(['commit 0', `reserve -${CREDIT_PRICES.cutout}`]);
  });

  it('a cutout whose engine keeps failing is retried, then dead-lettered: failed with its reason, refunded once', async () => {
    const { token, workspace } = await signUp('vehicles');
    const album = await makeAlbum(token, { title: 'Cutouts down' });
    const photo = await waitForRecognition(token, await uploadPhoto(token, album.id, image('plate')));
    const db = testDb();
    const before = await creditBalance(db, workspace.id);
    // The job is run by hand here, not by the queue's consumer.
    const held = { ...testEnv, READING_QUEUE: { send: async () => undefined } } as unknown as Env;
    expect((await call('POST', `/v1/photos/${photo.id}/cutout`, { token, env: held })).status).toBe(202);
    expect(await creditBalance(db, workspace.id)).toBe(before - CREDIT_PRICES.cutout);

    const message = await cutoutMessage(photo.id, workspace.id);
    const down = { ...testEnv, VISION_URL: 'http://127.0.0.1:9' } as Env;
    const tried = await deliver('vitrine-reading-jobs', [message], down);
    expect(tried.retryMessages).toHaveLength(1);
    expect((await call('GET', `/v1/photos/${photo.id}/cutout`, { token })).data.cutout).toEqual({ status: 'running' });

    await deliver(DEAD_LETTERS, [message]);
    await deliver(DEAD_LETTERS, [message]); // dead letters are delivered at least once too
    const failed = (await call('GET', `/v1/photos/${photo.id}/cutout`, { token })).data.cutout;
    expect(failed).toEqual({ status: 'failed', reason: expect.stringMatching(/refunded/) });
    expect(await creditBalance(db, workspace.id)).toBe(before);
    expect((await cutoutLedger(workspace.id)).map((r) => r.reason).sort()).toEqual(['refund', 'reserve']);
  });

  it('answers 503 when the vision service is down', async () => {
    const { token } = await signUp('vehicles');
    const album = await makeAlbum(token, { title: 'Down' });
    const photo = await waitForPhoto(token, await uploadPhoto(token, album.id, image('orientation1')));
    const down = { ...testEnv, VISION_URL: 'http://127.0.0.1:9' } as Env;
    const res = await call('POST', '/v1/vision/plate', { token, json: { photoId: photo.id }, env: down });
    expect(res.status).toBe(503);
    expect(res.data.error.code).toBe('SERVICE_UNAVAILABLE');
  });
});
