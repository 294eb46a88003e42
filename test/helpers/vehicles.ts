/** Seed data for the listing and feed tests: a vehicle with its record, photos as the studio job leaves them. */
import { env } from 'cloudflare:workers';
import { call } from './api';
import { makeAlbum, type signUp } from './factories';

type Dealer = Awaited<ReturnType<typeof signUp>>;

/** A record with every field a listing can use. */
export const FULL_RECORD = {
  plate: 'AB-123-CD', make: 'Peugeot', model: '208', version: '1.2 PureTech 100 Allure', year: 2021, firstRegistration: '2021-03-15',
  mileageKm: 42_000, fuel: 'petrol', gearbox: 'manual', powerHp: 100, colour: 'Bleu Vertigo', doors: 5, seats: 5, condition: 'good',
  equipment: ['GPS', 'Caméra de recul', 'Apple CarPlay'], askingPriceCents: 1_450_000, status: 'draft',
} as const;

/** A vehicle (an album of the dealer's workspace) with its record saved. */
export async function makeVehicle(dealer: Dealer, record: Record<string, unknown> = FULL_RECORD) {
  const album = await makeAlbum(dealer.token, { title: `Car ${crypto.randomUUID().slice(0, 8)}`, visibility: 'private' });
  const res = await call('PUT', `/v1/albums/${album.id}/vehicle`, { token: dealer.token, json: record });
  if (res.status !== 200) throw new Error(`vehicle failed: ${JSON.stringify(res.data)}`);
  return album;
}

type StudioState = 'done' | 'doubtful' | 'none';

/**
 * A ready photo row with its web variant in R2, and a studio image as the studio job leaves it
 * (`done`, `doubtful`: done but flagged, `none`: never made). The bytes say which file is which.
 */
export async function seedPhoto(dealer: Dealer, albumId: string, studio: StudioState, sortAt: number) {
  const id = `pho_${crypto.randomUUID().replace(/-/g, '').slice(0, 26)}`;
  const info = studio === 'none' ? null : JSON.stringify({
    options: { backdrop: 'studio_white', scale: 1, positionX: 0.5, positionY: 0.8, autoCentre: true, shadow: true, reflection: false, plate: 'blur' },
    doubtful: studio === 'doubtful', reasons: studio === 'doubtful' ? ['mask touches the edge'] : [], width: 1600, height: 900, createdAt: new Date().toISOString(),
  });
  await env.DB.prepare(
    `insert into photos (id, album_id, workspace_id, status, original_name, declared_size, declared_type, original_key, studio, studio_status, studio_version, sort_at)
     values (?, ?, ?, 'ready', 'car.jpg', 1000, 'image/jpeg', ?, ?, ?, ?, ?)`,
  )
    .bind(id, albumId, dealer.workspace.id, `photos/${id}/original`, info, studio === 'none' ? null : 'done', studio === 'none' ? 0 : 2, sortAt)
    .run();
  await env.PHOTOS.put(`photos/${id}/web.webp`, `web:${id}`);
  if (studio !== 'none') await env.PHOTOS.put(`photos/${id}/studio.webp`, `studio:${id}`);
  return id;
}
