import { beforeAll, describe, expect, it } from 'vitest';
import { call, callBytes } from './helpers/api';
import { makeApiKey, signUp } from './helpers/factories';
import { FULL_RECORD, makeVehicle, seedPhoto } from './helpers/vehicles';
import { childText, parseCsv, parseXml, type XmlElement } from './helpers/xml';

type Dealer = Awaited<ReturnType<typeof signUp>>;
const ORIGIN = 'https://vitrine.example';
const TRICKY = 'Noir <Onyx> & "Perle"';

let dealer: Dealer;
let rival: Dealer;
const cars: Record<'published' | 'tricky' | 'draft' | 'sold' | 'rivals', { id: string; slug: string }> = {} as never;
const photos: Record<'studio' | 'doubtful' | 'plain' | 'second', string> = {} as never;

beforeAll(async () => {
  dealer = await signUp('vehicles');
  rival = await signUp('vehicles');
  cars.published = await makeVehicle(dealer, { ...FULL_RECORD, status: 'published' });
  cars.tricky = await makeVehicle(dealer, { make: 'Renault', model: 'Clio', version: 'E-Tech 145, "Iconic"', fuel: 'hybrid', gearbox: 'automatic', colour: TRICKY, askingPriceCents: 2_199_000, status: 'published' });
  await call('PUT', `/v1/albums/${cars.tricky.id}/vehicle/listing`, {
    token: dealer.token,
    json: { title: 'Clio <E-Tech> & co', text: 'Ligne 1, "citée"\nLigne 2 & <fin>', lang: 'fr' },
  });
  cars.draft = await makeVehicle(dealer, { ...FULL_RECORD, make: 'Draftmobile' });
  cars.sold = await makeVehicle(dealer, { ...FULL_RECORD, make: 'Soldmobile', status: 'sold', soldPriceCents: 1_300_000, soldAt: '2025-01-10' });
  cars.rivals = await makeVehicle(rival, { ...FULL_RECORD, make: 'Rivalmobile', status: 'published' });
  photos.studio = await seedPhoto(dealer, cars.published.id, 'done', 1);
  photos.doubtful = await seedPhoto(dealer, cars.published.id, 'doubtful', 2);
  photos.plain = await seedPhoto(dealer, cars.published.id, 'none', 3);
  photos.second = await seedPhoto(dealer, cars.published.id, 'done', 4);
});

const feed = (format: 'xml' | 'csv', token = dealer.token) => call('GET', `/v1/vehicles/feed.${format}`, { token });
const studioUrl = (id: string) => `${ORIGIN}/v1/public/studio/${id}/2/web.webp`;

describe('the XML feed', () => {
  let root: XmlElement;
  beforeAll(async () => {
    const res = await feed('xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/xml; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toBe('inline; filename="vehicles.xml"');
    expect(res.data).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<vehicles /);
    root = parseXml(res.data);
  });
  const vehicle = (id: string) => root.children.find((v) => v.attrs.id === id);

  it("lists this workspace's published vehicles only, with the classifieds' attribute names", () => {
    expect(root.name).toBe('vehicles');
    expect(root.children.map((v) => v.attrs.id).sort()).toEqual([cars.published.id, cars.tricky.id].sort());
    const v = vehicle(cars.published.id)!;
    expect(Object.fromEntries(v.children.filter((c) => c.name !== 'photos').map((c) => [c.name, c.text]))).toMatchObject({
      id: cars.published.id, brand: 'Peugeot', model: '208', version: '1.2 PureTech 100 Allure', regdate: '2021-03-15', year: '2021', mileage: '42000',
      fuel: 'Essence', gearbox: 'Manuelle', power_din: '100', colour: 'Bleu Vertigo', doors: '5', seats: '5', price: '14500',
      title: 'Peugeot 208 1.2 PureTech 100 Allure - 2021 - 42 000 km', url: `${ORIGIN}/v/${cars.published.slug}`,
    });
    // Never saved: the template's French text.
    expect(childText(v, 'text')).toContain('Nous vous proposons cette Peugeot 208');
  });

  it('links the studio images only (done, not doubtful), as absolute public URLs in gallery order', () => {
    const list = vehicle(cars.published.id)!.children.find((c) => c.name === 'photos')!;
    expect(list.children.map((p) => p.text)).toEqual([studioUrl(photos.studio), studioUrl(photos.second)]);
    expect(vehicle(cars.tricky.id)!.children.find((c) => c.name === 'photos')!.children).toEqual([]);
  });

  it('escapes < & " in values and attributes, and leaves unknown fields out', () => {
    const v = vehicle(cars.tricky.id)!;
    expect(childText(v, 'colour')).toBe(TRICKY);
    expect(childText(v, 'version')).toBe('E-Tech 145, "Iconic"');
    expect(childText(v, 'title')).toBe('Clio <E-Tech> & co');
    expect(childText(v, 'text')).toBe('Ligne 1, "citée"\nLigne 2 & <fin>');
    expect(childText(v, 'fuel')).toBe('Hybride');
    expect(childText(v, 'gearbox')).toBe('Automatique');
    expect(childText(v, 'mileage')).toBeUndefined();
    expect(childText(v, 'regdate')).toBeUndefined();
  });
});

describe('the CSV feed', () => {
  it('is RFC 4180 with a BOM: a header, one CRLF record per published vehicle, quoted where needed', async () => {
    const res = await callBytes('GET', '/v1/vehicles/feed.csv', dealer.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="vehicles.csv"');
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const raw = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(res.bytes.subarray(3));
    expect(raw.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(raw);
    expect(header).toEqual(['id', 'brand', 'model', 'version', 'regdate', 'year', 'mileage', 'fuel', 'gearbox', 'power_din', 'colour', 'doors', 'seats', 'price', 'title', 'text', 'url', 'photos']);
    expect(rows.map((r) => r[0]).sort()).toEqual([cars.published.id, cars.tricky.id].sort());
    const byId = Object.fromEntries(rows.map((r) => [r[0], Object.fromEntries(header!.map((h, i) => [h, r[i]]))]));
    expect(byId[cars.tricky.id]).toMatchObject({ version: 'E-Tech 145, "Iconic"', colour: TRICKY, text: 'Ligne 1, "citée"\nLigne 2 & <fin>', mileage: '', price: '21990', photos: '' });
    expect(byId[cars.published.id]).toMatchObject({ fuel: 'Essence', photos: `${studioUrl(photos.studio)}|${studioUrl(photos.second)}` });
    // The quoting itself: doubled quotes inside a quoted field.
    expect(raw).toContain('"E-Tech 145, ""Iconic"""');
  });
});

describe('feed access', () => {
  it('takes an API key with vehicles:read (or a session), refuses one without it (403), and a rival sees only their own', async () => {
    const reader = await makeApiKey(dealer.token, ['vehicles:read']);
    const xml = await feed('xml', reader.key);
    expect(xml.status).toBe(200);
    expect(parseXml(xml.data).children).toHaveLength(2);
    const other = await makeApiKey(dealer.token, ['albums:read', 'vehicles:write']);
    for (const format of ['xml', 'csv'] as const) {
      const res = await feed(format, other.key);
      expect(res.status).toBe(403);
      expect(res.data.error.code).toBe('INSUFFICIENT_SCOPE');
    }
    expect((await call('GET', '/v1/vehicles/feed.xml')).status).toBe(401);
    const theirs = parseXml((await feed('xml', rival.token)).data);
    expect(theirs.children.map((v) => v.attrs.id)).toEqual([cars.rivals.id]);
  });

  it('drops a vehicle once it is sold or back to draft', async () => {
    const car = await makeVehicle(dealer, { ...FULL_RECORD, make: 'Fleeting', status: 'published' });
    expect(parseXml((await feed('xml')).data).children.map((v) => v.attrs.id)).toContain(car.id);
    await call('PUT', `/v1/albums/${car.id}/vehicle`, { token: dealer.token, json: { ...FULL_RECORD, status: 'draft' } });
    expect(parseXml((await feed('xml')).data).children.map((v) => v.attrs.id)).not.toContain(car.id);
  });
});
