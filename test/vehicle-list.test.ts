import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, callBytes } from './helpers/api';
import { makeAlbum, makeApiKey, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForRecognition } from './helpers/photos';

type Dealer = Awaited<ReturnType<typeof signUp>>;
const newVehicle = (dealer: Dealer, title: string) => makeAlbum(dealer.token, { title, visibility: 'private' });
const put = (dealer: Dealer, albumId: string, json: unknown) => call('PUT', `/v1/albums/${albumId}/vehicle`, { token: dealer.token, json });
const list = (dealer: Dealer, query = '') => call('GET', `/v1/vehicles${query}`, { token: dealer.token });

/**
 * A ready photo row of its own, uploaded after the others (a minute ahead: rows are stamped to the
 * second), with an optional plate read (the pipeline and reader are tested elsewhere).
 */
async function insertPhoto(dealer: Dealer, albumId: string, plate?: { value: string; confidence: number }) {
  const photoId = `pho_${crypto.randomUUID().replace(/-/g, '').slice(0, 26)}`;
  await env.DB.prepare("insert into photos (id, album_id, workspace_id, status, original_name, declared_size, declared_type, original_key, created_at) values (?, ?, ?, 'ready', 'car.jpg', 1000, 'image/jpeg', ?, ?)")
    .bind(photoId, albumId, dealer.workspace.id, `originals/${photoId}`, Date.now() + 60_000)
    .run();
  if (plate) {
    await env.DB.prepare("insert into photo_tags (id, photo_id, album_id, kind, value, confidence, status, source) values (?, ?, ?, 'plate', ?, ?, 'sure', 'ocr:external')")
      .bind(`tag_${photoId.slice(4)}`, photoId, albumId, plate.value, plate.confidence)
      .run();
  }
  return photoId;
}

let dealer: Dealer;
let clio: { id: string }, sandero: { id: string }, bare: { id: string }, coverPhoto: string;
beforeAll(async () => {
  dealer = await signUp('vehicles');
  clio = await newVehicle(dealer, 'Renault Clio');
  await put(dealer, clio.id, { plate: 'ab 123 cd', make: 'Renault', model: 'Clio', year: 2021, askingPriceCents: 1_390_000, status: 'published' });
  coverPhoto = await uploadPhoto(dealer.token, clio.id, image('plate'));
  await waitForRecognition(dealer.token, coverPhoto);
  await insertPhoto(dealer, clio.id);
  sandero = await newVehicle(dealer, 'Dacia Sandero');
  await put(dealer, sandero.id, { make: 'Dacia', model: 'Sandero', year: 2019, status: 'sold', soldPriceCents: 800_000, soldAt: '2025-01-10' });
  await insertPhoto(dealer, sandero.id, { value: 'XK4471', confidence: 0.99 });
  await insertPhoto(dealer, sandero.id, { value: 'GH-456-JK', confidence: 0.7 });
  bare = await newVehicle(dealer, 'New vehicle');
  // Albums are stamped to the second: space them out so "newest first" has one right answer.
  for (const [i, album] of [clio, sandero, bare].entries()) {
    await env.DB.prepare('update albums set created_at = ? where id = ?').bind(Date.UTC(2026, 0, 1 + i), album.id).run();
  }
});

describe('GET /v1/vehicles', () => {
  it('lists every album of the workspace as a vehicle, newest first, with its summary, photo count and cover', async () => {
    const res = await list(dealer);
    expect(res.status).toBe(200);
    expect(res.data.nextCursor).toBeNull();
    expect(res.data.vehicles.map((v: { albumId: string }) => v.albumId)).toEqual([bare.id, sandero.id, clio.id]);
    const [empty, sold, published] = res.data.vehicles;
    expect(empty).toEqual({
      albumId: bare.id, title: 'New vehicle', slug: expect.any(String), plate: null, make: null, model: null, year: null,
      askingPriceCents: null, status: 'draft', photoCount: 0, coverThumbUrl: null,
    });
    // No plate typed: the best French-valid read wins, as on the record itself.
    expect(sold).toMatchObject({ title: 'Dacia Sandero', plate: 'GH-456-JK', make: 'Dacia', model: 'Sandero', year: 2019, status: 'sold', photoCount: 2 });
    // The dealer's plate beats the read one; the cover is the first ready photo's thumbnail.
    expect(published).toMatchObject({ plate: 'AB-123-CD', make: 'Renault', model: 'Clio', askingPriceCents: 1_390_000, status: 'published', photoCount: 2 });
    expect(published.coverThumbUrl).toMatch(new RegExp(`^/v1/public/photos/${coverPhoto}/thumb\\.webp\\?v=\\d+&grant=`));
    const thumb = await callBytes('GET', published.coverThumbUrl);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
  });

  it('pages with a cursor, without repeating or skipping a vehicle', async () => {
    const first = await list(dealer, '?limit=2');
    expect(first.data.vehicles.map((v: { albumId: string }) => v.albumId)).toEqual([bare.id, sandero.id]);
    expect(first.data.nextCursor).toEqual(expect.any(String));
    const second = await list(dealer, `?limit=2&cursor=${first.data.nextCursor}`);
    expect(second.data.vehicles.map((v: { albumId: string }) => v.albumId)).toEqual([clio.id]);
    expect(second.data.nextCursor).toBeNull();
    const tampered = await list(dealer, '?cursor=garbage');
    expect(tampered.status).toBe(400);
  });

  it('filters by status, an album without a saved record counting as a draft', async () => {
    const ids = async (status: string) => (await list(dealer, `?status=${status}`)).data.vehicles.map((v: { albumId: string }) => v.albumId);
    expect(await ids('published')).toEqual([clio.id]);
    expect(await ids('sold')).toEqual([sandero.id]);
    expect(await ids('draft')).toEqual([bare.id]);
  });

  it('refuses an unknown status with a 400 naming the field', async () => {
    const res = await list(dealer, '?status=archived');
    expect(res.status).toBe(400);
    expect(res.data.error.code).toBe('VALIDATION_ERROR');
    expect(res.data.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['status']);
  });

  it("never shows another workspace's vehicles", async () => {
    const other = await signUp('vehicles');
    await newVehicle(other, 'Their car');
    const theirs = (await list(other)).data.vehicles.map((v: { title: string }) => v.title);
    expect(theirs).toEqual(['Their car']);
    const mine = (await list(dealer)).data.vehicles.map((v: { title: string }) => v.title);
    expect(mine).not.toContain('Their car');
  });

  it('answers 409 WRONG_WORKSPACE_KIND in an events workspace', async () => {
    const photographer = await signUp('events');
    await makeAlbum(photographer.token);
    const res = await list(photographer);
    expect(res.status).toBe(409);
    expect(res.data.error.code).toBe('WRONG_WORKSPACE_KIND');
  });

  it('needs the vehicles:read scope for an API key', async () => {
    const reader = await makeApiKey(dealer.token, ['vehicles:read']);
    expect((await call('GET', '/v1/vehicles', { token: reader.key })).data.vehicles).toHaveLength(3);
    const albumsOnly = await makeApiKey(dealer.token, ['albums:read']);
    expect((await call('GET', '/v1/vehicles', { token: albumsOnly.key })).data.error.code).toBe('INSUFFICIENT_SCOPE');
  });
});
