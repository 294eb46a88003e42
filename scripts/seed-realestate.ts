// The estate agent's demo: one property with its whole record and a photo of each room, rooms set
// (transformations are left to the visitor: they spend the demo's credits). Idempotent across restarts.
import { type Account, albumOf, api, expectStatus, signIn, uploadFiles } from './lib/api-client';
import { roomPhotos } from './lib/room-photo';

export const AGENT: Account = { email: 'realestate@vitrine.dev', password: 'vitrine-realestate-2026', name: 'Demo Agent', workspace: { name: 'Demo Immobilier', kind: 'realestate' } };
const PROPERTY = {
  album: { title: '18 rue Oberkampf, 75011 Paris', slug: 'demo-appartement-paris-11', visibility: 'unlisted' },
  record: { address: '18 rue Oberkampf, 75011 Paris', propertyType: 'apartment', surfaceM2: 68, rooms: 3, bedrooms: 2, priceCents: 64_900_000, reference: 'DEMO-2026-011' },
  rooms: { 'living-room': 'living_room', kitchen: 'kitchen', bedroom: 'bedroom', exterior: 'exterior' },
};

export async function seedAgent(origin: string, mailboxKey = '') {
  const token = await signIn(origin, AGENT, mailboxKey);
  const album = await albumOf(origin, token, PROPERTY.album);
  const { property } = (await api(origin, 'GET', `/v1/albums/${album.id}/property`, { token })).data;
  // Once saved, the record is the agent's to change: a restart does not put it back.
  if (!property.updatedAt) expectStatus(await api(origin, 'PUT', `/v1/albums/${album.id}/property`, { token, json: PROPERTY.record }), 200, 'demo property');
  const { photoCounts } = (await api(origin, 'GET', `/v1/albums/${album.id}`, { token })).data;
  if (!Object.values(photoCounts as Record<string, number>).some((n) => n > 0)) {
    const ids = await uploadFiles(origin, token, album.id, await roomPhotos(Object.keys(PROPERTY.rooms)));
    for (const [i, room] of Object.values(PROPERTY.rooms).entries()) {
      expectStatus(await api(origin, 'PATCH', `/v1/photos/${ids[i]}/room`, { token, json: { room } }), 200, 'demo photo room');
    }
  }
  return { ...AGENT, album: { title: PROPERTY.album.title } };
}
