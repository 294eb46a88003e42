import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { photoKeys } from '../workers/shared/r2-keys';
import { call, callBytes } from './helpers/api';
import { makeAlbum, signUp } from './helpers/factories';
import { insertPhoto, RECORD, vehicleIn } from './helpers/listed-vehicle';

type Dealer = Awaited<ReturnType<typeof signUp>>;
const page = (slug: string) => call('GET', `/v1/public/vehicles/${slug}`);
const withoutRequestId = (body: { error: Record<string, unknown> }) => ({ ...body.error, requestId: undefined });

let dealer: Dealer;
beforeAll(async () => {
  dealer = await signUp('vehicles');
});

describe('GET /v1/public/vehicles/:slug', () => {
  it('shows a published vehicle: its specs, price, listing and dealer, never the plate or internal ids', async () => {
    const album = await vehicleIn(dealer);
    await env.DB.prepare("update vehicles set listing_title = ?, listing_text = ?, listing_lang = 'en' where album_id = ?").bind('Peugeot 208 Allure, like new', 'One owner.', album.id).run();
    const res = await page(album.slug);
    expect(res.status).toBe(200);
    const { plate: _plate, ...specs } = RECORD;
    expect(res.data.vehicle).toMatchObject({
      ...specs, slug: album.slug, status: 'published', title: 'Peugeot 208 Allure, like new',
      listing: { title: 'Peugeot 208 Allure, like new', text: 'One owner.', lang: 'en' }, photos: [], dealer: { name: 'Test Studio' },
    });
    const body = JSON.stringify(res.data);
    for (const secret of ['AB-123-CD', album.id, dealer.workspace.id, dealer.email]) expect(body).not.toContain(secret);
    expect(res.headers.get('Cache-Control')).toMatch(/^public, max-age=\d+/);
  });

  it('without a listing, the title is make, model and version and the listing is null', async () => {
    const album = await vehicleIn(dealer);
    expect((await page(album.slug)).data.vehicle).toMatchObject({ title: 'Peugeot 208 1.2 PureTech 100 Allure', listing: null });
  });

  it('a sold vehicle stays on its page, marked sold', async () => {
    const album = await vehicleIn(dealer, 'sold');
    expect((await page(album.slug)).data.vehicle).toMatchObject({ status: 'sold', askingPriceCents: RECORD.askingPriceCents });
  });

  it('a draft, an unknown slug, an album without a record and an events album are the same 404', async () => {
    const draft = await vehicleIn(dealer, 'draft');
    const bare = await makeAlbum(dealer.token, { title: 'No record yet', visibility: 'public' });
    const photographer = await signUp('events');
    const race = await makeAlbum(photographer.token, { title: 'A race', visibility: 'public' });
    // A record can only be saved in a vehicles workspace; written by hand, it still shows nothing.
    await env.DB.prepare("insert into vehicles (album_id, workspace_id, status) values (?, ?, 'published')").bind(race.id, photographer.workspace.id).run();
    const answers = await Promise.all([draft.slug, 'no-such-vehicle', bare.slug, race.slug].map(page));
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(withoutRequestId(res.data)).toEqual(withoutRequestId(answers[1]!.data));
    }
    expect(answers[1]!.data.error.code).toBe('NOT_FOUND');
  });

  it('photos in gallery order: the studio image when done and not doubtful, else the web variant', async () => {
    const album = await vehicleIn(dealer);
    const done = await insertPhoto(dealer, album.id, { sortAt: 3000, studio: { status: 'done', version: 4 } });
    const doubtful = await insertPhoto(dealer, album.id, { sortAt: 1000, studio: { status: 'done', doubtful: true, version: 2 } });
    const running = await insertPhoto(dealer, album.id, { sortAt: 2000, studio: { status: 'running', version: 1 } });
    const plain = await insertPhoto(dealer, album.id, { sortAt: 4000 });
    await insertPhoto(dealer, album.id, { sortAt: 500, status: 'rejected' });
    const { photos } = (await page(album.slug)).data.vehicle;
    expect(photos.map((p: { id: string }) => p.id)).toEqual([doubtful, running, done, plain]);
    expect(photos[2]).toEqual({
      id: done, url: `/v1/public/studio/${done}/4/web.webp`, thumbUrl: `/v1/public/studio/${done}/4/thumb.webp`, width: 1600, height: 900, placeholder: null, studio: true,
    });
    for (const [i, id] of [[0, doubtful], [1, running], [3, plain]] as const) {
      expect(photos[i]).toEqual({
        id, url: `/v1/public/photos/${id}/web.webp?v=1`, thumbUrl: `/v1/public/photos/${id}/thumb.webp?v=1`, width: 1600, height: 1067, placeholder: 'abc', studio: false,
      });
    }
  });

  it("a listed vehicle's web variants are public though its album is private; a draft's are not", async () => {
    const listed = await vehicleIn(dealer);
    const draft = await vehicleIn(dealer, 'draft');
    const [shown, hidden] = await Promise.all([insertPhoto(dealer, listed.id, { sortAt: 1 }), insertPhoto(dealer, draft.id, { sortAt: 1 })]);
    for (const id of [shown, hidden]) await env.PHOTOS.put(photoKeys(id).web, new Uint8Array([0x52, 0x49, 0x46, 0x46]));
    const variant = (id: string) => callBytes('GET', `/v1/public/photos/${id}/web.webp?v=1`);
    expect((await variant(shown)).status).toBe(200);
    expect((await variant(hidden)).status).toBe(404);
  });
});
