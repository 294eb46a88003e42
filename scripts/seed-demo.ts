// Demo data through the public API (the same code paths a user takes), idempotent across restarts.
import { api, expectStatus, signIn } from './lib/api-client';

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

export async function seedDemo(origin: string) {
  const token = await signIn(origin, DEMO);
  const albums = await api(origin, 'GET', '/v1/albums', { token });
  let album = albums.data.albums.find((a: { slug: string }) => a.slug === DEMO.album.slug);
  album ??= expectStatus(await api(origin, 'POST', '/v1/albums', { token, json: DEMO.album }), 201, 'demo album').data.album;
  await seedShop(origin, token, album.id);
  return { email: DEMO.email, password: DEMO.password, album, token };
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
