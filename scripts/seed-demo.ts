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
  return { email: DEMO.email, password: DEMO.password, album, token };
}
