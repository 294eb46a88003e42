import { beforeAll, describe, expect, inject, it } from 'vitest';
import { call, callBytes, testEnv } from './helpers/api';
import { makeAlbum, makeApiKey, signUp } from './helpers/factories';
import { readZip } from './helpers/zip';
import { FULL_RECORD, makeVehicle, seedPhoto } from './helpers/vehicles';

type Dealer = Awaited<ReturnType<typeof signUp>>;
const write = (dealer: Dealer, albumId: string, json: unknown, env?: Env) => call('POST', `/v1/albums/${albumId}/vehicle/listing`, { token: dealer.token, json, env });
const save = (dealer: Dealer, albumId: string, json: unknown) => call('PUT', `/v1/albums/${albumId}/vehicle/listing`, { token: dealer.token, json });
const vehicleOf = async (dealer: Dealer, albumId: string) => (await call('GET', `/v1/albums/${albumId}/vehicle`, { token: dealer.token })).data.vehicle;
const fieldsOf = (res: { data: { error: { details?: { fields: { path: string }[] } } } }) => res.data.error.details?.fields.map((f) => f.path);
const standIn = () => inject('workersAi').url;
const withAi = (apiUrl: string) => ({ ...testEnv, WORKERS_AI_API_URL: apiUrl }) as Env;
const NO_MISSING_FIELD = /\b(null|undefined|NaN)\b/;

/** What the record says, as each language writes it: every one must be in the text. */
const FACTS = {
  fr: ['Peugeot 208 1.2 PureTech 100 Allure', '2021', '15/03/2021', '42 000 km', 'Essence', 'Manuelle', '100 ch', 'Bleu Vertigo', '5 portes', '5 places', 'GPS', 'Caméra de recul', 'Apple CarPlay', '14 500 €', 'bon état'],
  en: ['Peugeot 208 1.2 PureTech 100 Allure', '2021', '15/03/2021', '42,000 km', 'Petrol', 'Manual', '100 hp', 'Bleu Vertigo', '5 doors', '5 seats', 'GPS', 'Caméra de recul', 'Apple CarPlay', '€14,500', 'good overall condition'],
};

let dealer: Dealer;
let albumId: string;
beforeAll(async () => {
  dealer = await signUp('vehicles');
  albumId = (await makeVehicle(dealer)).id;
});

describe('writing a listing', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`writes the record's facts in ${lang} through Workers AI (the stand-in), in every tone`, async () => {
      const texts = new Set<string>();
      for (const tone of ['professional', 'friendly', 'premium']) {
        const res = await write(dealer, albumId, { lang, tone });
        expect(res.status).toBe(200);
        const { listing } = res.data;
        expect(listing).toMatchObject({ lang, engine: 'workers-ai' });
        expect(listing.title).toBe(lang === 'fr' ? 'Peugeot 208 1.2 PureTech 100 Allure - 2021 - 42 000 km' : 'Peugeot 208 1.2 PureTech 100 Allure - 2021 - 42,000 km');
        for (const fact of FACTS[lang]) expect(listing.text, fact).toContain(fact);
        expect(listing.text).not.toMatch(NO_MISSING_FIELD);
        expect(listing.text).not.toContain('AB-123-CD');
        texts.add(listing.text);
      }
      expect(texts.size).toBe(3);
    });
  }

  it('sends the model the facts but never the plate (what the stand-in received)', async () => {
    await write(dealer, albumId, { lang: 'fr', tone: 'friendly' });
    const { requests } = await (await fetch(`${standIn()}/_standin/requests`)).json<{ requests: { messages: { role: string; content: string }[] }[] }>();
    const prompt = JSON.stringify(requests.at(-1));
    expect(prompt).toContain('Bleu Vertigo');
    expect(prompt).toContain('friendly');
    expect(prompt).not.toContain('AB-123-CD');
  });

  it('uses the template engine without a Workers AI token, and leaves unknown fields out', async () => {
    const sparse = await makeVehicle(dealer, { make: 'Dacia', model: 'Sandero' });
    for (const lang of ['fr', 'en'] as const) {
      const res = await write(dealer, sparse.id, { lang, tone: 'professional' }, { ...testEnv, CF_API_TOKEN: '' } as Env);
      expect(res.data.listing).toMatchObject({ engine: 'template', title: 'Dacia Sandero' });
      expect(res.data.listing.text).toContain('Dacia Sandero');
      expect(res.data.listing.text).not.toMatch(NO_MISSING_FIELD);
      expect(res.data.listing.text).not.toMatch(/Kilométrage|Mileage|Prix|Price|€/);
    }
  });

  it('falls back to the template engine when the AI answers badly, fails or cannot be reached', async () => {
    for (const apiUrl of [`${standIn()}/_standin/malformed`, `${standIn()}/_standin/failing`, 'http://127.0.0.1:9']) {
      const res = await write(dealer, albumId, { lang: 'en', tone: 'premium' }, withAi(apiUrl));
      expect(res.status, apiUrl).toBe(200);
      expect(res.data.listing.engine, apiUrl).toBe('template');
      for (const fact of FACTS.en) expect(res.data.listing.text).toContain(fact);
    }
  });

  it('refuses bad options with a 400 naming the field, and a record without make and model with a 422', async () => {
    for (const [body, fields] of [[{ lang: 'de' }, ['lang']], [{ lang: 'fr', tone: 'pushy' }, ['tone']], [{}, ['lang']]] as const) {
      const res = await write(dealer, albumId, body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual(fields);
    }
    const empty = await makeAlbum(dealer.token, { title: 'Empty', visibility: 'private' });
    const res = await write(dealer, empty.id, { lang: 'fr' });
    expect(res.status).toBe(422);
    expect(res.data.error).toMatchObject({ code: 'LISTING_NEEDS_DETAILS', details: { missing: ['make', 'model'] } });
  });
});

describe('saving the listing', () => {
  it("saves the dealer's edit, shows it on the vehicle, and a PUT of the record keeps it", async () => {
    const car = await makeVehicle(dealer);
    expect(await vehicleOf(dealer, car.id)).toMatchObject({ listing: null, publishedAt: null });
    const edited = { title: 'Peugeot 208 Allure — très belle', text: 'Première main, factures à l’appui.\n\nPrix : 14 500 €', lang: 'fr' };
    const res = await save(dealer, car.id, edited);
    expect(res.status).toBe(200);
    expect(res.data.listing).toEqual(edited);
    expect((await vehicleOf(dealer, car.id)).listing).toEqual(edited);

    const published = await call('PUT', `/v1/albums/${car.id}/vehicle`, { token: dealer.token, json: { ...FULL_RECORD, status: 'published' } });
    expect(published.data.vehicle).toMatchObject({ listing: edited, publishedAt: expect.any(String) });
    const first = published.data.vehicle.publishedAt;
    await new Promise((r) => setTimeout(r, 5));
    const again = await call('PUT', `/v1/albums/${car.id}/vehicle`, { token: dealer.token, json: { ...FULL_RECORD, mileageKm: 43_000, status: 'published' } });
    expect(again.data.vehicle).toMatchObject({ listing: edited, publishedAt: first, mileageKm: 43_000 });
    expect(await vehicleOf(dealer, car.id)).toEqual(again.data.vehicle);
  });

  it('refuses a title over 100 characters, a text over 4000, an unknown language (400 naming the field)', async () => {
    const ok = { title: 'Peugeot 208', text: 'Très belle.', lang: 'fr' };
    const cases = [
      [{ ...ok, title: 'x'.repeat(101) }, ['title']],
      [{ ...ok, text: 'x'.repeat(4001) }, ['text']],
      [{ ...ok, title: '   ' }, ['title']],
      [{ ...ok, lang: 'de' }, ['lang']],
      [{ title: 'x' }, ['text', 'lang']],
    ] as const;
    for (const [body, fields] of cases) {
      const res = await save(dealer, albumId, body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res), JSON.stringify(body).slice(0, 60)).toEqual(fields);
    }
    expect((await save(dealer, albumId, { ...ok, title: 'x'.repeat(100), text: 'y'.repeat(4000) })).status).toBe(200);
  });
});

describe('the listing routes refuse', () => {
  it("another workspace's vehicle (404, nothing changed)", async () => {
    const intruder = await signUp('vehicles');
    const car = await makeVehicle(dealer);
    await save(dealer, car.id, { title: 'Mine', text: 'Mine.', lang: 'fr' });
    expect((await write(intruder, car.id, { lang: 'fr' })).status).toBe(404);
    expect((await save(intruder, car.id, { title: 'Stolen', text: 'Stolen.', lang: 'en' })).status).toBe(404);
    expect((await callBytes('GET', `/v1/albums/${car.id}/vehicle/copy-pack.zip`, intruder.token)).status).toBe(404);
    expect((await vehicleOf(dealer, car.id)).listing.title).toBe('Mine');
  });

  it('an album of an events workspace (409 WRONG_WORKSPACE_KIND)', async () => {
    const photographer = await signUp('events');
    const album = await makeAlbum(photographer.token);
    for (const res of [
      await write(photographer, album.id, { lang: 'fr' }),
      await save(photographer, album.id, { title: 'T', text: 'T', lang: 'fr' }),
      await call('GET', `/v1/albums/${album.id}/vehicle/copy-pack.zip`, { token: photographer.token }),
    ]) {
      expect(res.status).toBe(409);
      expect(res.data.error.code).toBe('WRONG_WORKSPACE_KIND');
    }
  });

  it('an API key without vehicles:write (writing, saving) or vehicles:read (the copy pack)', async () => {
    const reader = await makeApiKey(dealer.token, ['vehicles:read']);
    const res = await call('POST', `/v1/albums/${albumId}/vehicle/listing`, { token: reader.key, json: { lang: 'fr' } });
    expect(res.data.error.code).toBe('INSUFFICIENT_SCOPE');
    expect((await call('PUT', `/v1/albums/${albumId}/vehicle/listing`, { token: reader.key, json: { title: 'T', text: 'T', lang: 'fr' } })).status).toBe(403);
    const other = await makeApiKey(dealer.token, ['albums:read']);
    expect((await call('GET', `/v1/albums/${albumId}/vehicle/copy-pack.zip`, { token: other.key })).status).toBe(403);
    expect((await callBytes('GET', `/v1/albums/${albumId}/vehicle/copy-pack.zip`, reader.key)).status).toBe(200);
  });
});

describe('the copy pack', () => {
  it('is a ZIP of the listing text and every photo, numbered, studio image when sound else the web variant', async () => {
    const car = await makeVehicle(dealer);
    const edited = { title: 'Peugeot 208 Allure 2021', text: 'Superbe 208, entretien suivi.', lang: 'fr' };
    await save(dealer, car.id, edited);
    const studio = await seedPhoto(dealer, car.id, 'done', 1);
    const doubtful = await seedPhoto(dealer, car.id, 'doubtful', 2);
    const plain = await seedPhoto(dealer, car.id, 'none', 3);

    const res = await callBytes('GET', `/v1/albums/${car.id}/vehicle/copy-pack.zip`, dealer.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/zip');
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="[\w-]+-annonce\.zip"$/);
    const entries = readZip(res.bytes);
    expect(entries.map((e) => e.name)).toEqual(['annonce.txt', 'photo-01.webp', 'photo-02.webp', 'photo-03.webp']);
    const text = new TextDecoder().decode(entries[0]!.data);
    for (const part of [edited.title, edited.text, 'Prix : 14 500 €', 'Kilométrage : 42 000 km', 'Énergie : Essence', '- Peugeot 208 1.2 PureTech 100 Allure']) expect(text).toContain(part);
    expect(text).not.toMatch(NO_MISSING_FIELD);
    const contents = entries.slice(1).map((e) => new TextDecoder().decode(e.data));
    expect(contents).toEqual([`studio:${studio}`, `web:${doubtful}`, `web:${plain}`]);
  });

  it('holds the template listing when none was saved, and no photo when there is none', async () => {
    const car = await makeVehicle(dealer, { make: 'Renault', model: 'Clio', mileageKm: 90_000 });
    const entries = readZip((await callBytes('GET', `/v1/albums/${car.id}/vehicle/copy-pack.zip`, dealer.token)).bytes);
    expect(entries.map((e) => e.name)).toEqual(['annonce.txt']);
    const text = new TextDecoder().decode(entries[0]!.data);
    expect(text).toContain('Renault Clio - 90 000 km');
    expect(text).not.toMatch(NO_MISSING_FIELD);
  });
});
