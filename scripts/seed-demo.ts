// Demo data through the public API (the same code paths a user takes), idempotent across restarts:
// a demo account per workspace kind (race photos, a car dealer, an estate agent, a brand).
import { type Account, albumOf, api, expectStatus, signIn, uploadFiles } from './lib/api-client';
import { carPhotos } from './lib/car-photo';
import { seedAgent } from './seed-realestate';

export const DEMO = {
  email: 'demo@vitrine.dev',
  password: 'vitrine-demo-2026',
  name: 'Demo Photographer',
  workspace: { name: 'Demo Race Photos', kind: 'events' },
  album: {
    title: 'Paris Half Marathon 2026',
    slug: 'demo-paris-half-marathon-2026',
    visibility: 'public',
    date: '2026-03-08',
    location: 'Paris',
    watermark: { text: '© Demo Race Photos', position: 'bottom-right', opacity: 0.5 },
  },
};

/** `mailboxKey`: the dev mailbox's key when it asks for one (the demo accounts confirm their address from it). */
export async function seedDemo(origin: string, mailboxKey = '') {
  const token = await signIn(origin, DEMO, mailboxKey);
  const albums = await api(origin, 'GET', '/v1/albums', { token });
  let album = albums.data.albums.find((a: { slug: string }) => a.slug === DEMO.album.slug);
  album ??= expectStatus(await api(origin, 'POST', '/v1/albums', { token, json: DEMO.album }), 201, 'demo album').data.album;
  await seedShop(origin, token, album.id);
  const others = [await seedDealer(origin, mailboxKey), await seedAgent(origin, mailboxKey), ...(await Promise.all(TRADE_DEMOS.map((demo) => seedTrade(origin, demo, mailboxKey))))];
  return { email: DEMO.email, password: DEMO.password, album, token, others };
}

type AlbumBody = { title: string; slug: string; visibility: string };


/** The brand workspace: an account and one album (its own screens are to come). */
const TRADE_DEMOS: { account: Account; album: AlbumBody }[] = [
  {
    account: { email: 'brand@vitrine.dev', password: 'vitrine-brand-2026', name: 'Demo Brand', workspace: { name: 'Demo Brand Studio', kind: 'brand' } },
    album: { title: 'Spring collection 2026', slug: 'demo-spring-collection-2026', visibility: 'unlisted' },
  },
];

async function seedTrade(origin: string, demo: (typeof TRADE_DEMOS)[number], mailboxKey: string) {
  const token = await signIn(origin, demo.account, mailboxKey);
  return { ...demo.account, album: await albumOf(origin, token, demo.album) };
}

export const DEALER: Account = { email: 'dealer@vitrine.dev', password: 'vitrine-dealer-2026', name: 'Demo Dealer', workspace: { name: 'Garage du Centre (demo)', kind: 'vehicles' } };

/** Two vehicles with complete records (the 208 published), each with generated photos of its plate. */
const DEMO_VEHICLES = [
  {
    album: { title: 'Peugeot 208 (2021)', slug: 'demo-peugeot-208-2021', visibility: 'private' },
    colour: '#1f4e9c',
    record: {
      plate: 'FG-482-KL', make: 'Peugeot', model: '208', version: '1.2 PureTech 100 Allure', year: 2021, firstRegistration: '2021-03-15',
      mileageKm: 42_000, fuel: 'petrol', gearbox: 'manual', powerHp: 100, colour: 'Bleu Vertigo', doors: 5, seats: 5, condition: 'good',
      equipment: ['GPS', 'Rear camera', 'Apple CarPlay', 'Cruise control'], newPriceCents: 2_150_000, askingPriceCents: 1_450_000, status: 'published',
    },
  },
  {
    album: { title: 'Renault Clio (2019)', slug: 'demo-renault-clio-2019', visibility: 'private' },
    colour: '#b3202a',
    record: {
      plate: 'EH-735-RT', make: 'Renault', model: 'Clio', version: 'dCi 85 Intens', year: 2019, firstRegistration: '2019-06-20',
      mileageKm: 88_500, fuel: 'diesel', gearbox: 'manual', powerHp: 85, colour: 'Rouge Flamme', doors: 5, seats: 5, condition: 'fair',
      equipment: ['Air conditioning', 'Bluetooth'], newPriceCents: 2_050_000, askingPriceCents: 990_000, status: 'draft',
    },
  },
];

async function seedDealer(origin: string, mailboxKey: string) {
  const token = await signIn(origin, DEALER, mailboxKey);
  for (const demo of DEMO_VEHICLES) {
    const album = await albumOf(origin, token, demo.album);
    const { vehicle } = (await api(origin, 'GET', `/v1/albums/${album.id}/vehicle`, { token })).data;
    // Once saved, the record is the dealer's to change: a restart does not put it back.
    if (!vehicle.updatedAt) expectStatus(await api(origin, 'PUT', `/v1/albums/${album.id}/vehicle`, { token, json: demo.record }), 200, 'demo vehicle');
    const { photoCounts } = (await api(origin, 'GET', `/v1/albums/${album.id}`, { token })).data;
    if (Object.values(photoCounts as Record<string, number>).some((n) => n > 0)) continue;
    await uploadFiles(origin, token, album.id, await carPhotos(3, { plate: demo.record.plate, colour: demo.colour }));
  }
  return { ...DEALER, album: { title: `${DEMO_VEHICLES.length} vehicles` } };
}

const DEMO_PACKS = [
  { name: 'One photo', scope: 'photo', size: 'original', amountCents: 500 },
  { name: 'All photos of my bib', scope: 'bib', size: 'original', amountCents: 1500 },
  { name: 'All photos of my bib, web size', scope: 'bib', size: 'web', amountCents: 900 },
];

/**
 * Price packs on the demo album, and the demo photographer's payouts set up through the Stripe
 * stand-in's onboarding page (its `account.updated` webhook makes the workspace payable).
 * Skipped quietly when payments are not configured.
 */
async function seedShop(origin: string, token: string, albumId: string) {
  const packs = await api(origin, 'GET', `/v1/albums/${albumId}/packs`, { token });
  if (!packs.data.packs?.length) {
    for (const json of DEMO_PACKS) expectStatus(await api(origin, 'POST', `/v1/albums/${albumId}/packs`, { token, json }), 201, 'demo pack');
  }
  const payouts = await api(origin, 'GET', '/v1/payouts', { token });
  if (payouts.data.payable) return;
  const onboarding = await api(origin, 'POST', '/v1/payouts/onboarding', { token });
  if (onboarding.status !== 201) return;
  await fetch(`${onboarding.data.url}/complete`, { method: 'POST', redirect: 'manual' }).then((r) => r.arrayBuffer());
}
