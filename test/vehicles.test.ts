import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateVehicle, type EstimateInput } from '../workers/modules/vehicles/estimate';
import { call } from './helpers/api';
import { makeAlbum, makeApiKey, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForRecognition } from './helpers/photos';

type Dealer = Awaited<ReturnType<typeof signUp>>;
const newAlbum = (dealer: Dealer) => makeAlbum(dealer.token, { title: `Car ${crypto.randomUUID().slice(0, 8)}`, visibility: 'private' });
const put = (dealer: Dealer, albumId: string, json: unknown) => call('PUT', `/v1/albums/${albumId}/vehicle`, { token: dealer.token, json });
const get = async (dealer: Dealer, albumId: string) => (await call('GET', `/v1/albums/${albumId}/vehicle`, { token: dealer.token })).data.vehicle;
const estimate = (dealer: Dealer, albumId: string) => call('POST', `/v1/albums/${albumId}/vehicle/estimate`, { token: dealer.token });
const fieldsOf = (res: { data: { error: { details?: { fields: { path: string }[] } } } }) => res.data.error.details?.fields.map((f) => f.path);
const yearsAgo = (years: number) => `${new Date().getUTCFullYear() - years}-01-15`;
const today = () => new Date().toISOString().slice(0, 10);

/** A plate read as the recognise job stores it, on a photo row of its own (the reader is tested in vision.test.ts). */
async function insertRead(dealer: Dealer, albumId: string, value: string, confidence: number, status = 'sure') {
  const photoId = `pho_${crypto.randomUUID().replace(/-/g, '').slice(0, 26)}`;
  await env.DB.batch([
    env.DB.prepare("insert into photos (id, album_id, workspace_id, status, original_name, declared_size, declared_type, original_key) values (?, ?, ?, 'ready', 'car.jpg', 1000, 'image/jpeg', ?)").bind(
      photoId,
      albumId,
      dealer.workspace.id,
      `originals/${photoId}`,
    ),
    env.DB.prepare("insert into photo_tags (id, photo_id, album_id, kind, value, confidence, status, source) values (?, ?, ?, 'plate', ?, ?, ?, 'ocr:external')").bind(
      `tag_${photoId.slice(4)}`,
      photoId,
      albumId,
      value,
      confidence,
      status,
    ),
  ]);
}

const peugeot = { make: 'Peugeot', model: '208', firstRegistration: yearsAgo(3), mileageKm: 40_000, fuel: 'petrol', gearbox: 'manual', condition: 'good' };

let dealer: Dealer;
beforeAll(async () => {
  dealer = await signUp('vehicles');
});

describe('the vehicle record', () => {
  it('starts as an empty draft, and a PUT replaces it with every field, French plates normalised', async () => {
    const album = await newAlbum(dealer);
    expect(await get(dealer, album.id)).toMatchObject({ albumId: album.id, plate: null, plateSource: null, status: 'draft', equipment: [], updatedAt: null });

    const body = {
      plate: 'ab 123 cd', make: 'Renault', model: 'Clio V', version: 'TCe 90 Evolution', year: 2021, firstRegistration: '2021-06-01', mileageKm: 38_500,
      fuel: 'petrol', gearbox: 'manual', powerHp: 90, colour: 'Gris Titanium', doors: 5, seats: 5, condition: 'excellent',
      equipment: ['GPS', 'Rear camera', 'GPS'], newPriceCents: 1_900_000, askingPriceCents: 1_390_000, status: 'published',
    };
    const res = await put(dealer, album.id, body);
    expect(res.status).toBe(200);
    expect(res.data.vehicle).toMatchObject({ ...body, plate: 'AB-123-CD', plateFormat: 'siv', plateSource: 'dealer', equipment: ['GPS', 'Rear camera'] });
    expect(await get(dealer, album.id)).toEqual(res.data.vehicle);

    const fni = await put(dealer, album.id, { plate: '1234 ab 56', status: 'sold', soldPriceCents: 1_350_000, soldAt: '2025-02-01' });
    expect(fni.data.vehicle).toMatchObject({ plate: '1234 AB 56', plateFormat: 'fni', make: null, mileageKm: null, equipment: [], status: 'sold', soldPriceCents: 1_350_000 });
    const other = await put(dealer, album.id, { plate: 'b-1234-xy' });
    expect(other.data.vehicle).toMatchObject({ plate: 'B-1234-XY', plateFormat: 'other', plateSource: 'dealer', status: 'draft', soldPriceCents: null });
    // No letter/digit repair on what a person typed: an O where SIV has digits is not SIV.
    expect((await put(dealer, album.id, { plate: 'AB-1O3-CD' })).data.vehicle).toMatchObject({ plate: 'AB-1O3-CD', plateFormat: 'other' });
  });

  it('refuses bad fields with a 400 naming each one', async () => {
    const album = await newAlbum(dealer);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ year: 1850 }, ['year']],
      [{ condition: 'mint' }, ['condition']],
      [{ mileageKm: -1 }, ['mileageKm']],
      [{ plate: '<script>' }, ['plate']],
      [{ firstRegistration: '2999-01-01' }, ['firstRegistration']],
      [{ askingPriceCents: 12.5 }, ['askingPriceCents']],
      [{ status: 'sold' }, ['soldPriceCents', 'soldAt']],
      [{ status: 'published', soldPriceCents: 1_000_000 }, ['soldPriceCents']],
    ];
    for (const [body, fields] of cases) {
      const res = await put(dealer, album.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.data.error.code).toBe('VALIDATION_ERROR');
      expect(fieldsOf(res), JSON.stringify(body)).toEqual(fields);
    }
    expect((await get(dealer, album.id)).updatedAt).toBeNull();
  });

  it("answers 404 for another workspace's vehicle and changes nothing", async () => {
    const album = await newAlbum(dealer);
    await put(dealer, album.id, { make: 'Dacia', model: 'Sandero' });
    const intruder = await signUp('vehicles');
    expect((await call('GET', `/v1/albums/${album.id}/vehicle`, { token: intruder.token })).status).toBe(404);
    const res = await put(intruder, album.id, { make: 'Stolen' });
    expect(res.status).toBe(404);
    expect(res.data.error.code).toBe('ALBUM_NOT_FOUND');
    expect((await estimate(intruder, album.id)).status).toBe(404);
    expect((await get(dealer, album.id)).make).toBe('Dacia');
  });

  it('has no vehicle record in a workspace of another kind (409 WRONG_WORKSPACE_KIND)', async () => {
    const photographer = await signUp('events');
    const album = await newAlbum(photographer);
    for (const res of [await call('GET', `/v1/albums/${album.id}/vehicle`, { token: photographer.token }), await put(photographer, album.id, {}), await estimate(photographer, album.id)]) {
      expect(res.status).toBe(409);
      expect(res.data.error).toMatchObject({ code: 'WRONG_WORKSPACE_KIND', message: expect.stringMatching(/events workspace/) });
    }
  });

  it('lets an API key read with vehicles:read and write only with vehicles:write', async () => {
    const album = await newAlbum(dealer);
    const reader = await makeApiKey(dealer.token, ['vehicles:read']);
    expect((await call('GET', `/v1/albums/${album.id}/vehicle`, { token: reader.key })).status).toBe(200);
    const refused = await call('PUT', `/v1/albums/${album.id}/vehicle`, { token: reader.key, json: { make: 'Fiat' } });
    expect(refused.data.error.code).toBe('INSUFFICIENT_SCOPE');
    const writer = await makeApiKey(dealer.token, ['vehicles:write']);
    expect((await call('PUT', `/v1/albums/${album.id}/vehicle`, { token: writer.key, json: { make: 'Fiat' } })).data.vehicle.make).toBe('Fiat');
  });
});

describe("the plate read from the vehicle's photos", () => {
  it('fills the record from the reading of an uploaded photo', async () => {
    const album = await newAlbum(dealer);
    await waitForRecognition(dealer.token, await uploadPhoto(dealer.token, album.id, image('plate')));
    expect(await get(dealer, album.id)).toMatchObject({ plate: 'AB-123-CD', plateFormat: 'siv', plateSource: 'read', plateConfidence: expect.any(Number) });
  });

  it('takes the most confident French-valid read across the photos, else the most confident read', async () => {
    const album = await newAlbum(dealer);
    await insertRead(dealer, album.id, 'XK4471', 0.99, 'unsure');
    expect(await get(dealer, album.id)).toMatchObject({ plate: 'XK4471', plateFormat: 'other', plateSource: 'read' });
    await insertRead(dealer, album.id, 'GH-456-JK', 0.62);
    await insertRead(dealer, album.id, 'EF-789-GH', 0.81);
    await insertRead(dealer, album.id, '1234 AB 56', 0.7);
    expect(await get(dealer, album.id)).toMatchObject({ plate: 'EF-789-GH', plateFormat: 'siv', plateSource: 'read', plateConfidence: 0.81 });
  });

  it("never overwrites the plate the dealer typed, and a form saved unchanged keeps following the reads", async () => {
    const album = await newAlbum(dealer);
    await insertRead(dealer, album.id, 'GH-456-JK', 0.6);
    // Saving the form as shown (the read plate) does not make it the dealer's...
    expect((await put(dealer, album.id, { plate: 'GH-456-JK', make: 'Toyota' })).data.vehicle).toMatchObject({ plate: 'GH-456-JK', plateSource: 'read' });
    await insertRead(dealer, album.id, 'EF-789-GH', 0.9);
    expect(await get(dealer, album.id)).toMatchObject({ plate: 'EF-789-GH', plateSource: 'read', make: 'Toyota' });
    // ...typing another one does, and no later read, however confident, replaces it.
    await put(dealer, album.id, { plate: 'ZZ-111-ZZ', make: 'Toyota' });
    await insertRead(dealer, album.id, 'AA-222-BB', 0.99, 'confirmed');
    expect(await get(dealer, album.id)).toMatchObject({ plate: 'ZZ-111-ZZ', plateSource: 'dealer', plateConfidence: null });
    // Clearing it hands the plate back to the photos.
    expect((await put(dealer, album.id, { plate: null })).data.vehicle).toMatchObject({ plate: 'AA-222-BB', plateSource: 'read' });
  });
});

describe('the explained estimate', () => {
  const sumOf = (factors: { effect: number }[]) => factors.reduce((sum, f) => sum + f.effect, 0);

  it('adds up: base (catalogue, source named) and every factor in cents, mid = their sum rounded to 100 €, a range around it', async () => {
    const album = await newAlbum(dealer);
    await put(dealer, album.id, peugeot);
    const res = await estimate(dealer, album.id);
    expect(res.status).toBe(200);
    const { low, mid, high, currency, factors } = res.data.estimate;
    expect(currency).toBe('eur');
    expect(factors.map((f: { name: string }) => f.name)).toEqual(['base_value', 'age', 'mileage', 'gearbox', 'condition']);
    expect(factors[0]).toMatchObject({ effect: 1_950_000, explanation: expect.stringMatching(/catalogue.*price lists/) });
    expect(factors[1].effect).toBeLessThan(0);
    for (const f of factors) expect(Number.isInteger(f.effect / 100)).toBe(true);
    expect(mid).toBe(Math.round(sumOf(factors) / 10_000) * 10_000);
    expect([low, mid, high].every((v) => v % 10_000 === 0)).toBe(true);
    expect(low).toBeLessThan(mid);
    expect(high).toBeGreaterThan(mid);
  });

  it('prefers the new price on the record, and weighs mileage against the yearly reference of the fuel', async () => {
    const album = await newAlbum(dealer);
    await put(dealer, album.id, { ...peugeot, newPriceCents: 2_100_000, mileageKm: 60_000 });
    const petrol = (await estimate(dealer, album.id)).data.estimate;
    expect(petrol.factors[0]).toMatchObject({ effect: 2_100_000, explanation: expect.stringMatching(/entered on the record/) });
    await put(dealer, album.id, { ...peugeot, newPriceCents: 2_100_000, mileageKm: 60_000, fuel: 'diesel' });
    const diesel = (await estimate(dealer, album.id)).data.estimate;
    const mileage = (e: { factors: { name: string; effect: number; explanation: string }[] }) => e.factors.find((f) => f.name === 'mileage')!;
    // 60,000 km in 3 years: far above a petrol's 12,000 km a year, just under a diesel's 20,000.
    expect(mileage(petrol).effect).toBeLessThan(0);
    expect(mileage(diesel).effect).toBeGreaterThan(0);
    expect(mileage(diesel).explanation).toMatch(/20,000 km a year for diesel/);
  });

  it('refuses a record that lacks what it needs (422), naming the missing fields', async () => {
    const album = await newAlbum(dealer);
    const empty = await estimate(dealer, album.id);
    expect(empty.status).toBe(422);
    expect(empty.data.error).toMatchObject({ code: 'ESTIMATE_NEEDS_DETAILS', details: { missing: ['make', 'model', 'newPriceCents', 'year', 'mileageKm', 'fuel', 'condition'] } });
    await put(dealer, album.id, { ...peugeot, make: 'Lada', model: 'Niva' });
    const unknown = await estimate(dealer, album.id);
    expect(unknown.data.error).toMatchObject({ code: 'ESTIMATE_NEEDS_DETAILS', details: { missing: ['newPriceCents'] }, message: expect.stringMatching(/catalogue/) });
    await put(dealer, album.id, { ...peugeot, make: 'Lada', model: 'Niva', newPriceCents: 1_800_000 });
    expect((await estimate(dealer, album.id)).status).toBe(200);
  });

  it("adjusts to the workspace's own sales of the same model, and only those", async () => {
    const seller = await signUp('vehicles');
    const album = await newAlbum(seller);
    await put(seller, album.id, peugeot);
    const before = (await estimate(seller, album.id)).data.estimate;
    expect(before.factors.map((f: { name: string }) => f.name)).not.toContain('market');

    // Sales in another workspace and of another model say nothing about this one.
    const rival = await signUp('vehicles');
    await put(rival, (await newAlbum(rival)).id, { ...peugeot, status: 'sold', soldPriceCents: 3_000_000, soldAt: today() });
    await put(seller, (await newAlbum(seller)).id, { ...peugeot, model: 'Clio', make: 'Renault', status: 'sold', soldPriceCents: 3_000_000, soldAt: today() });
    expect((await estimate(seller, album.id)).data.estimate.factors).toHaveLength(5);

    // Three 208s of the same age sold a good 25% above what the model predicted for them.
    for (let i = 0; i < 3; i++) {
      await put(seller, (await newAlbum(seller)).id, { ...peugeot, model: '208', make: 'PEUGEOT', firstRegistration: yearsAgo(3), status: 'sold', soldPriceCents: Math.round(before.mid * 1.25), soldAt: today() });
    }
    const after = (await estimate(seller, album.id)).data.estimate;
    const market = after.factors.find((f: { name: string }) => f.name === 'market');
    expect(market).toMatchObject({ effect: expect.any(Number), explanation: expect.stringMatching(/^3 Peugeot 208 sold by your workspace/) });
    expect(market.effect).toBeGreaterThan(0);
    expect(after.mid).toBe(Math.round(sumOf(after.factors) / 10_000) * 10_000);
    expect(after.mid).toBeGreaterThan(before.mid);
  });

  it('computes each factor as documented (a fixed date, exact figures)', () => {
    const car: EstimateInput = {
      make: 'Any', model: 'Car', year: 2023, firstRegistration: '2023-01-01', mileageKm: 22_000, fuel: 'petrol', gearbox: 'automatic', condition: 'fair', newPriceCents: 2_000_000,
    };
    // 365.25 days after first registration: exactly one year on the road.
    const result = estimateVehicle(car, [], new Date('2024-01-01T06:00:00Z'));
    expect(result.factors.map((f) => [f.name, f.effect])).toEqual([
      ['base_value', 2_000_000],
      ['age', -400_000], // -20% the first year
      ['mileage', -48_000], // 10,000 km over 12,000 expected: -3% of the aged €16,000
      ['gearbox', 80_000], // automatic +5%
      ['condition', -160_000], // fair -10%
    ]);
    expect(result).toMatchObject({ mid: 1_470_000, low: 1_350_000, high: 1_590_000, currency: 'eur' });
  });
});
