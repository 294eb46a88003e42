import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { and, eq, lt } from 'drizzle-orm';
import { createScheduledController } from 'cloudflare:test';
import worker from '../workers/index';
import { photos } from '../workers/db/schema/index';
import { CREDIT_PRICES } from '../workers/shared/billing/catalogue';
import { photoKeys } from '../workers/shared/r2-keys';
import { creditBalance } from '../workers/modules/billing/credit-ledger';
import { decodeWebp } from '../workers/modules/media/codecs/webp';
import { backdropOf, renderBackdrop } from '../workers/modules/vehicles/studio/backdrops';
import { studioUrls } from '../workers/modules/vehicles/studio/urls';
import { call, callBytes, sentMessages, testEnv } from './helpers/api';
import { studioUnfinished } from '../workers/modules/vehicles/studio/job';
import { carPhoto } from './helpers/car';
import { setBalance, testDb } from './helpers/credits';
import { DEAD_LETTERS, deliver } from './helpers/jobs';
import { makeAlbum, signUp } from './helpers/factories';
import { uploadPhoto, waitForPhoto, waitForRecognition } from './helpers/photos';

const PHOTO_JOBS = 'vitrine-photo-jobs';
const PRICE = CREDIT_PRICES.studio;

/** Polls until the photo's studio job has finished; the photo view. */
async function waitForStudio(token: string, photoId: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data } = await call('GET', `/v1/photos/${photoId}`, { token });
    if (['done', 'failed'].includes(data.photo?.studio?.status)) return data.photo;
    if (Date.now() > deadline) throw new Error(`studio of ${photoId} still ${JSON.stringify(data.photo?.studio)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The `photo.studio` message the request sent (the job id is on the row). */
async function studioMessage(photoId: string) {
  const row = await testDb().query.photos.findFirst({ where: (p, { eq }) => eq(p.id, photoId) });
  return { type: 'photo.studio' as const, photoId, workspaceId: row!.workspaceId, jobId: row!.studioJob! };
}

const studioLedger = async (workspaceId: string) =>
  (await testDb().query.creditLedger.findMany({ where: (l, { eq }) => eq(l.workspaceId, workspaceId) }))
    .filter((r) => r.reference.startsWith('studio:'))
    .map((r) => `${r.reason} ${r.delta}`)
    .sort();

const sha = async (bytes: ArrayBuffer) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
const stored = async (key: string) => sha(await (await env.PHOTOS.get(key))!.arrayBuffer());

/** Mean absolute difference of two RGBA images over a rectangle (RGB only). */
function meanDiff(a: Uint8Array, b: Uint8Array, width: number, box: { x: number; y: number; w: number; h: number }) {
  let sum = 0;
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w; x++) for (let c = 0; c < 3; c++) sum += Math.abs(a[(y * width + x) * 4 + c]! - b[(y * width + x) * 4 + c]!);
  }
  return sum / (box.w * box.h * 3);
}

type Dealer = Awaited<ReturnType<typeof signUp>>;
let dealer: Dealer;
let album: { id: string; slug: string };
let car: string;
let twin: string;

beforeAll(async () => {
  dealer = await signUp('vehicles');
  album = await makeAlbum(dealer.token, { title: 'Peugeot 208' });
  const bytes = await carPhoto();
  car = (await waitForRecognition(dealer.token, await uploadPhoto(dealer.token, album.id, bytes, 'image/webp', 'front.webp'))).id;
  twin = (await waitForPhoto(dealer.token, await uploadPhoto(dealer.token, album.id, bytes, 'image/webp', 'front-2.webp'))).id;
}, 120_000);

describe('POST /v1/photos/:id/studio', () => {
  it('makes the studio image through the queue: a 1600 px WebP with the car on the backdrop, the original untouched, paid once', async () => {
    const db = testDb();
    const before = await creditBalance(db, dealer.workspace.id);
    const [original, web] = await Promise.all([stored(photoKeys(car).original), stored(photoKeys(car).web)]);

    const res = await call('POST', `/v1/photos/${car}/studio`, { token: dealer.token, json: { backdrop: 'showroom_indoor', plate: 'logo' } });
    expect(res.status).toBe(202);
    expect(res.data.photo.studio).toMatchObject({
      status: 'queued', url: null, doubtful: false,
      options: { backdrop: 'showroom_indoor', scale: 1, positionX: 0.5, positionY: backdropOf('showroom_indoor').floor, autoCentre: true, shadow: true, reflection: false, plate: 'logo' },
    });
    expect(await creditBalance(db, dealer.workspace.id)).toBe(before - PRICE);

    const photo = await waitForStudio(dealer.token, car);
    expect(photo.studio).toMatchObject({ status: 'done', doubtful: false, reasons: [], note: null, url: `/v1/photos/${car}/studio.webp?v=1`, thumbUrl: `/v1/photos/${car}/studio-thumb.webp?v=1` });
    expect(photo.cutout).toMatchObject({ doubtful: false }); // the cutout made on the way is kept as the photo's

    const pixels = await decodeWebp(new Uint8Array(await (await env.PHOTOS.get(photoKeys(car).studio))!.arrayBuffer()));
    expect([pixels.width, pixels.height]).toEqual([1600, 1067]);
    const backdrop = renderBackdrop('showroom_indoor', 1600, 1067);
    const plain = new Uint8Array(backdrop.data.buffer);
    expect(meanDiff(pixels.data, plain, 1600, { x: 0, y: 0, w: 300, h: 150 })).toBeLessThan(4); // the wall, far from the car
    expect(meanDiff(pixels.data, plain, 1600, { x: 500, y: 500, w: 600, h: 200 })).toBeGreaterThan(30); // the car's body
    const thumb = await decodeWebp(new Uint8Array(await (await env.PHOTOS.get(photoKeys(car).studioThumb))!.arrayBuffer()));
    expect([thumb.width, thumb.height]).toEqual([400, 267]);

    const served = await call('GET', photo.studio.url, { token: dealer.token });
    expect(served.status).toBe(200);
    expect(served.headers.get('Content-Type')).toBe('image/webp');
    expect((await call('GET', photo.studio.thumbUrl, { token: dealer.token })).status).toBe(200);
    expect([await stored(photoKeys(car).original), await stored(photoKeys(car).web)]).toEqual([original, web]);

    // The same message delivered again (at-least-once): nothing more is made or charged.
    await deliver(PHOTO_JOBS, [await studioMessage(car)]);
    expect(await creditBalance(db, dealer.workspace.id)).toBe(before - PRICE);
    expect(await studioLedger(dealer.workspace.id)).toEqual(['commit 0', `reserve -${PRICE}`]);
    expect((await call('GET', `/v1/photos/${car}`, { token: dealer.token })).data.photo.studio.url).toBe(`/v1/photos/${car}/studio.webp?v=1`);
  }, 120_000);

  it('another look replaces the image: a new job, charged once more, a new version', async () => {
    const db = testDb();
    const before = await creditBalance(db, dealer.workspace.id);
    const first = await stored(photoKeys(car).studio);
    const { jobId } = await studioMessage(car);
    const look = { backdrop: 'studio_black', scale: 0.8, positionX: 0.45, reflection: true, plate: 'blur' };
    const res = await call('POST', `/v1/photos/${car}/studio`, { token: dealer.token, json: look });
    expect(res.status).toBe(202);
    expect(res.data.photo.studio).toMatchObject({ status: 'queued', options: look, url: `/v1/photos/${car}/studio.webp?v=1` }); // the old image meanwhile
    expect((await studioMessage(car)).jobId).not.toBe(jobId);

    const photo = await waitForStudio(dealer.token, car);
    expect(photo.studio).toMatchObject({ status: 'done', options: { ...look, positionY: backdropOf('studio_black').floor }, url: `/v1/photos/${car}/studio.webp?v=2` });
    expect(await stored(photoKeys(car).studio)).not.toBe(first);
    expect(await creditBalance(db, dealer.workspace.id)).toBe(before - PRICE);
    expect(await studioLedger(dealer.workspace.id)).toEqual(['commit 0', 'commit 0', `reserve -${PRICE}`, `reserve -${PRICE}`]);
  }, 120_000);

  it('refuses bad options naming the field, and answers 404 for another workspace and 409 for an events album or a photo not ready', async () => {
    for (const [body, field] of [
      [{ backdrop: 'beach' }, 'backdrop'],
      [{ backdrop: 'studio_white', scale: 3 }, 'scale'],
      [{ backdrop: 'studio_white', positionY: -0.1 }, 'positionY'],
      [{ backdrop: 'studio_white', plate: 'hide' }, 'plate'],
      [{ backdrop: 'studio_white', shadow: 'yes' }, 'shadow'],
    ] as const) {
      const res = await call('POST', `/v1/photos/${car}/studio`, { token: dealer.token, json: body });
      expect(res.status, field).toBe(400);
      expect(res.data.error.code).toBe('VALIDATION_ERROR');
      expect(res.data.error.details.fields[0].path).toBe(field);
      expect(res.data.error.message).toContain(field);
    }
    expect((await call('POST', `/v1/albums/${album.id}/studio`, { token: dealer.token, json: { scale: 0.2 } })).status).toBe(400);

    const look = { backdrop: 'studio_white' };
    const intruder = await signUp('vehicles');
    for (const path of [`/v1/photos/${car}/studio`, `/v1/albums/${album.id}/studio`]) {
      expect((await call('POST', path, { token: intruder.token, json: look })).status, path).toBe(404);
    }
    expect((await call('GET', `/v1/photos/${car}/studio.webp`, { token: intruder.token })).status).toBe(404);

    const events = await signUp('events');
    const race = await makeAlbum(events.token);
    const pending = (await call('POST', `/v1/albums/${race.id}/uploads`, { token: events.token, json: { files: [{ name: 'a.jpg', size: 1000, type: 'image/jpeg' }] } })).data.uploads[0].photoId;
    for (const path of [`/v1/photos/${pending}/studio`, `/v1/albums/${race.id}/studio`]) {
      const res = await call('POST', path, { token: events.token, json: look });
      expect([res.status, res.data.error.code], path).toEqual([409, 'WRONG_WORKSPACE_KIND']);
    }

    const notReady = (await call('POST', `/v1/albums/${album.id}/uploads`, { token: dealer.token, json: { files: [{ name: 'b.jpg', size: 1000, type: 'image/jpeg' }] } })).data.uploads[0].photoId;
    const res = await call('POST', `/v1/photos/${notReady}/studio`, { token: dealer.token, json: look });
    expect([res.status, res.data.error.code]).toEqual([409, 'PHOTO_NOT_READY']);
    await call('DELETE', `/v1/photos/${notReady}`, { token: dealer.token });
  });

  it('charges nothing without the credits: 402 for a photo, and for a vehicle whose photos it covers only in part', async () => {
    const db = testDb();
    const ledger = await studioLedger(dealer.workspace.id);
    await setBalance(dealer.workspace.id, PRICE); // one photo's worth; the vehicle has two ready photos
    const album402 = await call('POST', `/v1/albums/${album.id}/studio`, { token: dealer.token, json: { backdrop: 'garage_modern' } });
    expect([album402.status, album402.data.error.code]).toEqual([402, 'INSUFFICIENT_CREDITS']);
    expect(await creditBalance(db, dealer.workspace.id)).toBe(PRICE);

    await setBalance(dealer.workspace.id, PRICE - 1);
    const photo402 = await call('POST', `/v1/photos/${twin}/studio`, { token: dealer.token, json: { backdrop: 'garage_modern' } });
    expect([photo402.status, photo402.data.error.code]).toEqual([402, 'INSUFFICIENT_CREDITS']);
    expect(await creditBalance(db, dealer.workspace.id)).toBe(PRICE - 1);
    expect(await studioLedger(dealer.workspace.id)).toEqual(ledger);
    expect((await call('GET', `/v1/photos/${twin}`, { token: dealer.token })).data.photo.studio).toBeNull();
  });
});

describe('POST /v1/albums/:id/studio', () => {
  it('reserves one look for every ready photo at once, none twice while under way, and the jobs make them', async () => {
    const db = testDb();
    await setBalance(dealer.workspace.id, 100);
    const held = { ...testEnv, PHOTO_QUEUE: { send: async () => undefined, sendBatch: async () => undefined } } as unknown as Env;
    const look = { backdrop: 'garage_luxury', reflection: true };
    const res = await call('POST', `/v1/albums/${album.id}/studio`, { token: dealer.token, json: look, env: held });
    expect([res.status, res.data]).toEqual([202, { queued: 2, credits: 2 * PRICE }]);
    const again = await call('POST', `/v1/albums/${album.id}/studio`, { token: dealer.token, json: look, env: held });
    expect(again.data).toEqual({ queued: 0, credits: 0 });
    expect(await creditBalance(db, dealer.workspace.id)).toBe(100 - 2 * PRICE);

    const result = await deliver(PHOTO_JOBS, [await studioMessage(car), await studioMessage(twin)]);
    expect(result.retryMessages).toHaveLength(0);
    for (const id of [car, twin]) {
      const studio = (await call('GET', `/v1/photos/${id}`, { token: dealer.token })).data.photo.studio;
      expect(studio).toMatchObject({ status: 'done', options: { backdrop: 'garage_luxury', reflection: true } });
    }
    expect(await creditBalance(db, dealer.workspace.id)).toBe(100 - 2 * PRICE);
  }, 120_000);
});

describe('a studio job that finally fails', () => {
  it('is dead-lettered: failed with its reason, refunded once, the previous image kept', async () => {
    const db = testDb();
    const before = await creditBalance(db, dealer.workspace.id);
    const { url } = (await call('GET', `/v1/photos/${twin}`, { token: dealer.token })).data.photo.studio;
    const held = { ...testEnv, PHOTO_QUEUE: { send: async () => undefined } } as unknown as Env;
    expect((await call('POST', `/v1/photos/${twin}/studio`, { token: dealer.token, json: { backdrop: 'parking_outdoor' }, env: held })).status).toBe(202);
    expect(await creditBalance(db, dealer.workspace.id)).toBe(before - PRICE);

    const message = await studioMessage(twin);
    await deliver(DEAD_LETTERS, [message]);
    await deliver(DEAD_LETTERS, [message]); // dead letters are delivered at least once too
    const studio = (await call('GET', `/v1/photos/${twin}`, { token: dealer.token })).data.photo.studio;
    expect(studio).toMatchObject({ status: 'failed', note: expect.stringMatching(/refunded/), url });
    expect(await creditBalance(db, dealer.workspace.id)).toBe(before);
  });
});

describe('the cron', () => {
  it('sends a studio job again whose message was lost, and the image gets made', async () => {
    const losing = { ...testEnv, PHOTO_QUEUE: { send: async () => undefined } } as unknown as Env;
    expect((await call('POST', `/v1/photos/${twin}/studio`, { token: dealer.token, json: { backdrop: 'studio_grey' }, env: losing })).status).toBe(202);
    await env.DB.prepare('update photos set updated_at = ? where id = ?').bind(Date.now() - 20 * 60_000, twin).run();
    const before = sentMessages.length;
    await worker.scheduled(createScheduledController({ cron: '*/5 * * * *' }), testEnv);
    expect(sentMessages.slice(before)).toContainEqual(await studioMessage(twin));
    expect((await waitForStudio(dealer.token, twin)).studio).toMatchObject({ status: 'done', options: { backdrop: 'studio_grey' } });
  }, 120_000);

  it('looks for lost studio jobs in the partial index only, never the whole table', async () => {
    const query = testDb().select({ id: photos.id }).from(photos).where(and(studioUnfinished, lt(photos.updatedAt, new Date()))).toSQL();
    const plan = await env.DB.prepare(`explain query plan ${query.sql}`).bind(...query.params).all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join('\n')).toMatch(/USING INDEX photos_studio_unfinished_idx/);
  });
});

describe('GET /v1/public/studio/:photoId/:version/:file', () => {
  it('serves the image only while the vehicle is published or sold, not doubtful, at its current version', async () => {
    const { url } = (await call('GET', `/v1/photos/${car}`, { token: dealer.token })).data.photo.studio;
    const version = Number(new URL(url, 'http://x').searchParams.get('v'));
    const links = studioUrls(car, version);
    expect((await call('GET', links.web)).status).toBe(404); // no record yet: a draft
    await call('PUT', `/v1/albums/${album.id}/vehicle`, { token: dealer.token, json: { status: 'draft' } });
    expect((await call('GET', links.thumb)).status).toBe(404);

    expect((await call('PUT', `/v1/albums/${album.id}/vehicle`, { token: dealer.token, json: { status: 'published', make: 'Peugeot' } })).status).toBe(200);
    const web = await callBytes('GET', links.web);
    expect([web.status, web.headers.get('Content-Type')]).toEqual([200, 'image/webp']);
    expect(web.headers.get('Cache-Control')).toContain('immutable');
    expect((await decodeWebp(web.bytes)).width).toBe(1600);
    expect((await callBytes('GET', links.thumb)).status).toBe(200);
    expect((await call('GET', studioUrls(car, version - 1).web)).status).toBe(404);
    expect((await call('GET', `/v1/public/studio/${car}/${version}/cutout.png`)).status).toBe(404);

    const twinStudio = (await call('GET', `/v1/photos/${twin}`, { token: dealer.token })).data.photo.studio;
    const twinVersion = Number(new URL(twinStudio.url, 'http://x').searchParams.get('v'));
    const row = await testDb().query.photos.findFirst({ where: (p, { eq }) => eq(p.id, twin) });
    await testDb().update(photos).set({ studio: { ...row!.studio!, doubtful: true, reasons: ['the subject runs off the edges of the photo'] } }).where(eq(photos.id, twin));
    expect((await call('GET', studioUrls(twin, twinVersion).web)).status).toBe(404);
  });
});
