/**
 * Asking for transformations (paid: core/jobs/paid-work.ts): each is a row of its own, its
 * credits reserved under its id before the row is written, then a `photo.transform` job is sent.
 * Without the credits nothing is written (402). A batch of photos is reserved for all or none.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { photos, transformations, type Photo, type Transformation } from '../../db/schema/index';
import type { AlbumTransformationsBody, TransformationBody } from '../../shared/schemas/realestate';
import { CREDIT_PRICES } from '../../shared/billing/catalogue';
import { newId } from '../../shared/ids';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { auditInsert, type Actor } from '../../core/audit';
import { refund, reserve } from '../../core/jobs/paid-work';
import { enqueueAll } from '../../jobs';
import { getPhoto } from '../albums/photos';
import { propertyAlbum } from './properties';
import { transformCost, type PhotoTransform } from './transform-jobs';

type Item = TransformationBody & { photoId: string };

const insufficient = (credits: number) => new AppError('INSUFFICIENT_CREDITS', `This costs ${credits} credit(s); buy credits or subscribe`);
const notReady = (photoId: string) => new AppError('PHOTO_NOT_READY', `Photo ${photoId} is not processed yet; transform it once it is ready`);

/** One seed per property and style (FNV-1a of both), so every room staged in one style looks like one home. */
export function seedOf(albumId: string, style: string | null | undefined): number {
  let hash = 0x811c9dc5;
  for (const ch of `${albumId}:${style ?? ''}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return hash & 0x7fffffff;
}

/** The row of one transformation asked for `photo` (the room defaults to the photo's). */
const rowOf = (photo: Photo, item: Item, batchId: string) => ({
  id: newId('trf'), workspaceId: photo.workspaceId, albumId: photo.albumId, photoId: photo.id, batchId,
  kind: item.kind, style: item.style ?? null, roomType: item.roomType ?? photo.room ?? null,
  seed: seedOf(photo.albumId, item.style), status: 'queued' as const, credits: CREDIT_PRICES[item.kind],
});

const messageOf = (row: ReturnType<typeof rowOf>): PhotoTransform => ({ type: 'photo.transform', transformationId: row.id, photoId: row.photoId, workspaceId: row.workspaceId, kind: row.kind });

/** Reserves every row's credits, or none (the ones made are given back); false when the balance does not cover them all. */
async function reserveAll(db: Db, rows: ReturnType<typeof rowOf>[]) {
  const reserved: PhotoTransform[] = [];
  for (const row of rows) {
    const message = messageOf(row);
    if (!(await reserve(db, transformCost(message)))) {
      for (const done of reserved) await refund(db, transformCost(done));
      return false;
    }
    reserved.push(message);
  }
  return true;
}

/** Reserves, writes the rows with their audit in one batch, then sends the jobs (a lost send is the cron's). */
async function start(db: Db, env: Env, actor: Actor, rows: ReturnType<typeof rowOf>[], albumId: string): Promise<Transformation[]> {
  const credits = rows.reduce((sum, r) => sum + r.credits, 0);
  if (!(await reserveAll(db, rows))) throw insufficient(credits);
  const audit = { action: 'transformations.requested', targetType: 'album', targetId: albumId, data: { batchId: rows[0]!.batchId, count: rows.length, credits } };
  let inserted: Transformation[];
  try {
    [inserted] = await db.batch([db.insert(transformations).values(rows).returning(), auditInsert(db, { ...actor, ...audit })]);
  } catch (err) {
    // No row, no job to commit or refund them: the reservations are given back here.
    for (const row of rows) await refund(db, transformCost(messageOf(row)));
    throw err;
  }
  await enqueueAll(env, rows.map(messageOf));
  return inserted;
}

/** One transformation of one photo of a property: 202 with its row. */
export async function requestTransformation(db: Db, env: Env, actor: Actor, photoId: string, body: TransformationBody) {
  const photo = await getPhoto(db, actor.workspaceId, photoId);
  await propertyAlbum(db, actor.workspaceId, photo.albumId);
  if (photo.status !== 'ready') throw notReady(photo.id);
  const [row] = await start(db, env, actor, [rowOf(photo, { ...body, photoId }, newId('tbt'))], photo.albumId);
  return row!;
}

/** Several photos of one property at once: every photo must be this property's and ready, then all are reserved or none (402). */
export async function requestAlbumTransformations(db: Db, env: Env, actor: Actor, albumId: string, body: AlbumTransformationsBody) {
  await propertyAlbum(db, actor.workspaceId, albumId);
  for (const item of body.items) {
    if ((item.kind === 'stage') !== (item.style !== undefined)) throw new AppError('VALIDATION_ERROR', 'A style goes with `stage`, and only with it');
  }
  const ids = [...new Set(body.items.map((i) => i.photoId))];
  const found = await db.select().from(photos).where(and(eq(photos.albumId, albumId), inArray(photos.id, ids)));
  const byId = new Map(found.map((p) => [p.id, p]));
  const batchId = newId('tbt');
  const rows = body.items.map((item) => {
    const photo = byId.get(item.photoId);
    if (!photo) throw new AppError('PHOTO_NOT_FOUND', `No photo ${item.photoId} in this property`);
    if (photo.status !== 'ready') throw notReady(photo.id);
    return rowOf(photo, item, batchId);
  });
  const made = await start(db, env, actor, rows, albumId);
  return { batchId, transformations: made, credits: rows.reduce((sum, r) => sum + r.credits, 0) };
}
