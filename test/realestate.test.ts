import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { CREDIT_PRICES } from '../workers/shared/billing/catalogue';
import { transformationKeys } from '../workers/shared/r2-keys';
import { creditBalance } from '../workers/modules/billing/credit-ledger';
import { decodeWebp } from '../workers/modules/media/codecs/webp';
import { shownUrls } from '../workers/modules/realestate/urls';
import { createScheduledController } from 'cloudflare:test';
import worker from '../workers/index';
import { call, callBytes, sentMessages, testEnv } from './helpers/api';
import { setBalance, testDb } from './helpers/credits';
import { DEAD_LETTERS, deliver } from './helpers/jobs';
import { makeAlbum, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForPhoto } from './helpers/photos';
import { waitFor } from './helpers/wait';

const PHOTO_JOBS = 'vitrine-photo-jobs';
/** Requests whose job messages are held back, so the test delivers them itself (and again). */
const held = { ...testEnv, PHOTO_QUEUE: { send: async () => undefined, sendBatch: async () => undefined } } as unknown as Env;

type Agent = Awaited<ReturnType<typeof signUp>>;
let agent: Agent;
let album: { id: string; slug: string };
let living: string;
let kitchen: string;
const upload = image('webp');

beforeAll(async () => {
  agent = await signUp('realestate');
  album = await makeAlbum(agent.token, { title: '12 rue des Lilas' });
  living = (await waitForPhoto(agent.token, await uploadPhoto(agent.token, album.id, upload, 'image/webp', 'living.webp'))).id;
  kitchen = (await waitForPhoto(agent.token, await uploadPhoto(agent.token, album.id, upload, 'image/webp', 'kitchen.webp'))).id;
}, 120_000);

const rowsOf = (photoId: string) => testDb().query.transformations.findMany({ where: (t, { eq }) => eq(t.photoId, photoId) });
const message = (t: { id: string; photoId: string; kind: string }) => ({ type: 'photo.transform', transformationId: t.id, photoId: t.photoId, workspaceId: agent.workspace.id, kind: t.kind });
const ledgerOf = async (trfId: string) =>
  (await testDb().query.creditLedger.findMany({ where: (l, { like }) => like(l.reference, `transform:%:${trfId}`) })).map((r) => `${r.reason} ${r.delta}`).sort();
const balance = () => creditBalance(testDb(), agent.workspace.id);

/** Asks for one transformation with its message held, then runs the job once; the done view. */
async function transformed(photoId: string, body: Record<string, unknown>) {
  const res = await call('POST', `/v1/photos/${photoId}/transformations`, { token: agent.token, json: body, env: held });
  expect(res.status, JSON.stringify(res.data)).toBe(202);
  const result = await deliver(PHOTO_JOBS, [message(res.data.transformation)]);
  expect(result.retryMessages).toHaveLength(0);
  const list = (await call('GET', `/v1/photos/${photoId}/transformations`, { token: agent.token })).data.transformations;
  return list.find((t: { id: string }) => t.id === res.data.transformation.id);
}

describe('properties', () => {
  it('keeps a record per property, lists the properties, and sets a photo\'s room; 409 outside real estate', async () => {
    const empty = await call('GET', `/v1/albums/${album.id}/property`, { token: agent.token });
    expect(empty.data.property).toMatchObject({ albumId: album.id, address: null, priceCents: null, updatedAt: null });
    const record = { address: '12 rue des Lilas, 69003 Lyon', propertyType: 'apartment', surfaceM2: 64.5, rooms: 3, bedrooms: 2, priceCents: 32_500_000 };
    const put = await call('PUT', `/v1/albums/${album.id}/property`, { token: agent.token, json: record });
    expect(put.status).toBe(200);
    expect((await call('GET', `/v1/albums/${album.id}/property`, { token: agent.token })).data.property).toMatchObject({ ...record, reference: null });

    const list = await call('GET', '/v1/properties', { token: agent.token });
    expect(list.data.properties).toEqual([expect.objectContaining({ albumId: album.id, photoCount: 2, property: expect.objectContaining(record), coverThumbUrl: expect.stringContaining('/thumb.webp') })]);

    const room = await call('PATCH', `/v1/photos/${living}/room`, { token: agent.token, json: { room: 'living_room' } });
    expect([room.status, room.data.photo.room, room.data.photo.shownTransformationId]).toEqual([200, 'living_room', null]);
    expect((await call('PATCH', `/v1/photos/${living}/room`, { token: agent.token, json: { room: 'attic' } })).status).toBe(400);

    const events = await signUp('events');
    const race = await makeAlbum(events.token);
    for (const [method, path] of [['GET', `/v1/albums/${race.id}/property`], ['GET', '/v1/properties'], ['POST', `/v1/albums/${race.id}/transformations`]] as const) {
      const res = await call(method, path, { token: events.token, json: method === 'POST' ? { items: [{ photoId: 'pho_x', kind: 'enhance' }] } : undefined });
      expect([res.status, res.data.error?.code], path).toEqual([409, 'WRONG_WORKSPACE_KIND']);
    }
  });
});

describe('POST /v1/photos/:id/transformations', () => {
  it('answers 402 without the credits: nothing charged, nothing written (one photo, and a batch covered only in part)', async () => {
    await setBalance(agent.workspace.id, CREDIT_PRICES.stage - 1);
    const one = await call('POST', `/v1/photos/${kitchen}/transformations`, { token: agent.token, json: { kind: 'stage', style: 'modern' } });
    expect([one.status, one.data.error.code]).toEqual([402, 'INSUFFICIENT_CREDITS']);
    const items = [{ photoId: living, kind: 'enhance' }, { photoId: kitchen, kind: 'stage', style: 'modern' }];
    const batch = await call('POST', `/v1/albums/${album.id}/transformations`, { token: agent.token, json: { items } });
    expect([batch.status, batch.data.error.code]).toEqual([402, 'INSUFFICIENT_CREDITS']);
    expect(await balance()).toBe(CREDIT_PRICES.stage - 1);
    expect([...(await rowsOf(living)), ...(await rowsOf(kitchen))]).toEqual([]);
  });

  it('runs exactly as many of 10 concurrent requests as the balance covers, to the credit', async () => {
    await setBalance(agent.workspace.id, 3 * CREDIT_PRICES.enhance);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call('POST', `/v1/photos/${living}/transformations`, { token: agent.token, json: { kind: 'enhance' }, env: held })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(3).fill(202), ...Array(7).fill(402)]);
    expect(await balance()).toBe(0);
    const rows = await rowsOf(living);
    expect(rows).toHaveLength(3);
    const result = await deliver(PHOTO_JOBS, rows.map(message));
    expect(result.retryMessages).toHaveLength(0);
    await deliver(PHOTO_JOBS, rows.map(message)); // redelivered: nothing more made or charged
    expect((await rowsOf(living)).map((r) => r.status)).toEqual(['done', 'done', 'done']);
    expect(await balance()).toBe(0);
    for (const row of rows) expect(await ledgerOf(row.id)).toEqual(['commit 0', `reserve -${CREDIT_PRICES.enhance}`]);
  }, 120_000);

  it('stages a room: a labelled result at the photo\'s size, its images private to the workspace', async () => {
    await setBalance(agent.workspace.id, 50);
    const staged = await transformed(living, { kind: 'stage', style: 'scandinavian' });
    expect(staged).toMatchObject({ status: 'done', kind: 'stage', style: 'scandinavian', roomType: 'living_room', labelled: true, credits: CREDIT_PRICES.stage, reason: null });
    expect(staged.urls).toEqual({ web: `/v1/transformations/${staged.id}/web.webp`, thumb: `/v1/transformations/${staged.id}/thumb.webp` });
    expect(await balance()).toBe(50 - CREDIT_PRICES.stage);

    const web = await callBytes('GET', staged.urls.web, agent.token);
    expect([web.status, web.headers.get('Content-Type')]).toEqual([200, 'image/webp']);
    const pixels = await decodeWebp(web.bytes);
    expect([pixels.width, pixels.height]).toEqual([staged.width, staged.height]);
    expect((await decodeWebp((await callBytes('GET', staged.urls.thumb, agent.token)).bytes)).width).toBeLessThanOrEqual(400);
    const download = await callBytes('GET', `${staged.urls.web}?download=1`, agent.token);
    expect(download.headers.get('Content-Disposition')).toMatch(/^attachment; filename=/);

    const intruder = await signUp('realestate');
    for (const [method, path] of [
      ['POST', `/v1/photos/${living}/transformations`], ['GET', `/v1/photos/${living}/transformations`], ['GET', staged.urls.web],
      ['PUT', `/v1/photos/${living}/shown-version`], ['GET', `/v1/photos/${living}/original`], ['GET', `/v1/albums/${album.id}/transformations`],
    ] as const) {
      const json = method === 'POST' ? { kind: 'enhance' } : method === 'PUT' ? { transformationId: staged.id } : undefined;
      expect((await call(method, path, { token: intruder.token, json })).status, `${method} ${path}`).toBe(404);
    }
  }, 120_000);
});

describe('a transformation that finally fails', () => {
  it('is dead-lettered: failed with its reason, refunded exactly once, and cannot be shown', async () => {
    await setBalance(agent.workspace.id, 10);
    const res = await call('POST', `/v1/photos/${kitchen}/transformations`, { token: agent.token, json: { kind: 'declutter' }, env: held });
    expect(await balance()).toBe(10 - CREDIT_PRICES.declutter);
    await deliver(DEAD_LETTERS, [message(res.data.transformation)]);
    await deliver(DEAD_LETTERS, [message(res.data.transformation)]); // dead letters are delivered at least once too
    await deliver(PHOTO_JOBS, [message(res.data.transformation)]); // a late redelivery runs nothing
    const [row] = (await call('GET', `/v1/photos/${kitchen}/transformations`, { token: agent.token })).data.transformations;
    expect(row).toMatchObject({ id: res.data.transformation.id, status: 'failed', reason: expect.stringMatching(/refunded/), urls: null });
    expect(await balance()).toBe(10);
    expect(await ledgerOf(row.id)).toEqual(['refund 4', 'reserve -4']);
    const [refunded, reserved] = (await call('GET', '/v1/credits/history', { token: agent.token })).data.entries;
    expect([refunded, reserved]).toMatchObject([{ reason: 'refund', work: 'declutter', delta: 4 }, { reason: 'reserve', work: 'declutter', delta: -4 }]);
    const shown = await call('PUT', `/v1/photos/${kitchen}/shown-version`, { token: agent.token, json: { transformationId: row.id } });
    expect([shown.status, shown.data.error.code]).toEqual([409, 'TRANSFORMATION_NOT_DONE']);
  });
});

describe('POST /v1/albums/:id/transformations', () => {
  it('reserves the whole batch, and its last job writes one email', async () => {
    await setBalance(agent.workspace.id, 20);
    const items = [{ photoId: living, kind: 'enhance' }, { photoId: kitchen, kind: 'twilight' }];
    const res = await call('POST', `/v1/albums/${album.id}/transformations`, { token: agent.token, json: { items }, env: held });
    expect([res.status, res.data.credits, res.data.transformations.length]).toEqual([202, CREDIT_PRICES.enhance + CREDIT_PRICES.twilight, 2]);
    expect(await balance()).toBe(20 - res.data.credits);
    const messages = res.data.transformations.map(message);
    await deliver(PHOTO_JOBS, messages);
    await deliver(PHOTO_JOBS, messages);
    const progress = (await call('GET', `/v1/albums/${album.id}/transformations`, { token: agent.token })).data.transformations;
    expect(progress.filter((t: { batchId: string }) => t.batchId === res.data.batchId).map((t: { status: string }) => t.status)).toEqual(['done', 'done']);
    const emails = await testDb().query.emailOutbox.findMany({ where: (e, { eq }) => eq(e.dedupeKey, `transform-batch:${res.data.batchId}`) });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toContain('12 rue des Lilas');
  }, 120_000);
});

describe('the cron', () => {
  it('sends a transformation again whose message was lost, and it gets made', async () => {
    await setBalance(agent.workspace.id, 5);
    const res = await call('POST', `/v1/photos/${kitchen}/transformations`, { token: agent.token, json: { kind: 'enhance' }, env: held });
    await env.DB.prepare('update transformations set updated_at = ? where id = ?').bind(Date.now() - 20 * 60_000, res.data.transformation.id).run();
    const before = sentMessages.length;
    await worker.scheduled(createScheduledController({ cron: '*/5 * * * *' }), testEnv);
    expect(sentMessages.slice(before)).toContainEqual(message(res.data.transformation));
    const row = await waitFor(async () => (await rowsOf(kitchen)).find((r) => r.id === res.data.transformation.id), (r) => r?.status === 'done', 60_000);
    expect(row?.status).toBe('done');
    expect(await balance()).toBe(5 - CREDIT_PRICES.enhance);
  }, 120_000);
});

describe('the shown version', () => {
  it('is what the public gallery serves, at an immutable URL that stops once another version is shown', async () => {
    const [done] = (await rowsOf(living)).filter((r) => r.status === 'done' && r.kind === 'stage');
    const shown = await call('PUT', `/v1/photos/${living}/shown-version`, { token: agent.token, json: { transformationId: done!.id } });
    expect([shown.status, shown.data.photo.shownTransformationId]).toEqual([200, done!.id]);
    const urls = shownUrls(living, done!.id);
    const gallery = (await call('GET', `/v1/public/albums/${album.slug}/photos`)).data.photos;
    expect(gallery.find((p: { id: string }) => p.id === living)).toMatchObject({ web: { url: urls.web }, thumb: { url: urls.thumb } });
    const served = await callBytes('GET', urls.web);
    expect([served.status, served.headers.get('Cache-Control')]).toEqual([200, 'public, max-age=31536000, immutable']);
    const stored = new Uint8Array(await (await env.PHOTOS.get(transformationKeys(living, done!.id).web))!.arrayBuffer());
    expect(served.bytes).toEqual(stored);

    expect((await call('PUT', `/v1/photos/${living}/shown-version`, { token: agent.token, json: { transformationId: null } })).data.photo.shownTransformationId).toBeNull();
    expect((await call('GET', urls.web)).status).toBe(404);
    const back = (await call('GET', `/v1/public/albums/${album.slug}/photos`)).data.photos.find((p: { id: string }) => p.id === living);
    expect(back.web.url).toMatch(new RegExp(`^/v1/public/photos/${living}/web\\.webp`));
  });
});

describe('the original and deletion', () => {
  it('downloads the untouched original as an attachment, and deleting the photo removes its transformations', async () => {
    const original = await callBytes('GET', `/v1/photos/${living}/original`, agent.token);
    expect(original.status).toBe(200);
    expect(original.headers.get('Content-Disposition')).toContain('attachment; filename="living.webp"');
    expect(original.bytes).toEqual(upload);

    const keys = (await rowsOf(living)).filter((r) => r.status === 'done').map((r) => transformationKeys(living, r.id).web);
    expect(keys.length).toBeGreaterThan(0);
    expect((await call('DELETE', `/v1/photos/${living}`, { token: agent.token })).status).toBe(204);
    for (const key of keys) expect(await env.PHOTOS.head(key), key).toBeNull();
  });

  it('deleting the property removes its photos\' transformations from storage too', async () => {
    const made = (await rowsOf(kitchen)).filter((r) => r.status === 'done');
    expect(made.length).toBeGreaterThan(0);
    const keys = made.flatMap((r) => Object.values(transformationKeys(kitchen, r.id)));
    for (const key of keys) expect(await env.PHOTOS.head(key), key).not.toBeNull();
    expect((await call('DELETE', `/v1/albums/${album.id}`, { token: agent.token })).status).toBe(204);
    for (const key of keys) expect(await env.PHOTOS.head(key), key).toBeNull();
  });
});
