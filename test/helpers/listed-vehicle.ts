import { env } from 'cloudflare:workers';
import { newId } from '../../workers/shared/ids';
import { call } from './api';
import { makeAlbum, type signUp } from './factories';

type Dealer = Awaited<ReturnType<typeof signUp>>;

export const RECORD = {
  plate: 'AB-123-CD', make: 'Peugeot', model: '208', version: '1.2 PureTech 100 Allure', year: 2021, firstRegistration: '2021-03-15',
  mileageKm: 42_000, fuel: 'petrol', gearbox: 'manual', powerHp: 100, colour: 'Bleu Vertigo', doors: 5, seats: 5, condition: 'good',
  equipment: ['GPS', 'Rear camera'], askingPriceCents: 1_450_000,
};

/** A vehicle (a private album, as dealers' are) with its record saved in `status`. */
export async function vehicleIn(dealer: Dealer, status: 'draft' | 'published' | 'sold' = 'published') {
  const album = await makeAlbum(dealer.token, { title: `Car ${crypto.randomUUID().slice(0, 8)}`, visibility: 'private' });
  const sold = status === 'sold' ? { soldPriceCents: 1_400_000, soldAt: '2025-02-01' } : {};
  const res = await call('PUT', `/v1/albums/${album.id}/vehicle`, { token: dealer.token, json: { ...RECORD, status, ...sold } });
  if (res.status !== 200) throw new Error(`vehicle failed: ${JSON.stringify(res.data)}`);
  return album;
}

type PhotoRow = { sortAt: number; studio?: { status: string; doubtful?: boolean; version?: number }; status?: string };

/** A ready photo row as the pipeline leaves it (web 1600x1067, variants version 1), with an optional studio job's result. */
export async function insertPhoto(dealer: Dealer, albumId: string, row: PhotoRow) {
  const id = newId('pho');
  const studio = row.studio
    ? JSON.stringify({ options: { backdrop: 'studio_white' }, doubtful: row.studio.doubtful ?? false, reasons: [], width: 1600, height: 900, createdAt: new Date().toISOString() })
    : null;
  await env.DB.prepare(
    `insert into photos (id, album_id, workspace_id, status, original_name, declared_size, declared_type, original_key, web_width, web_height,
       thumb_width, thumb_height, variants_version, placeholder, sort_at, studio, studio_status, studio_version)
     values (?, ?, ?, ?, 'car.jpg', 1000, 'image/jpeg', ?, 1600, 1067, 400, 267, 1, 'abc', ?, ?, ?, ?)`,
  )
    .bind(id, albumId, dealer.workspace.id, row.status ?? 'ready', `photos/${id}/original`, row.sortAt, studio, row.studio?.status ?? null, row.studio?.version ?? 0)
    .run();
  return id;
}
