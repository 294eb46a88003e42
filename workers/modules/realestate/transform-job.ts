/**
 * `photo.transform`: one transformation of a property photo, stored beside the original (never
 * over it). Paid work: reserved by the request, committed here in the batch that marks the row
 * done, refunded by the dead-letter consumer. Only a row still under way runs, so a redelivery
 * after `done` or `failed` changes nothing and is never charged twice.
 */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { photos, transformations, type Transformation } from '../../db/schema/index';
import { TRANSFORMATIONS } from '../../shared/billing/transformations';
import { transformationKeys } from '../../shared/r2-keys';
import { createDb, type Db } from '../../core/db/client';
import { PermanentJobError } from '../../core/jobs/job';
import { commit } from '../../core/jobs/paid-work';
import { enqueueAll } from '../../jobs';
import { copyIntoWasm, freeInWasm } from '../media/codecs/jpegdec';
import { encodeWebp } from '../media/codecs/webp';
import { cleanWebPixels } from '../media/jobs/variants';
import { fitWithin } from '../media/limits';
import { resizedCopy } from '../media/render';
import { SWEEP_PER_RUN } from '../media/jobs/sweep';
import type { Rgba } from './engines/engine';
import { engineFor, stampLabel } from './engines/index';
import { notifyIfBatchFinished } from './batch-email';
import { transformCost, type PhotoTransform } from './transform-jobs';

const UNDER_WAY = ['queued', 'running'] as const;
const WEB_EDGE = 2048;
const THUMB_EDGE = 400;

const thisJob = (message: PhotoTransform) => and(eq(transformations.id, message.transformationId), inArray(transformations.status, UNDER_WAY));

/** `image` fitted within `edge` px (never upscaled), through the wasm resizer the variants use. */
function fitted(image: Rgba, edge: number): Rgba {
  const size = fitWithin(image.width, image.height, edge);
  if (size.width === image.width && size.height === image.height) return image;
  const source = copyIntoWasm(image.data, image.width, image.height);
  const data = resizedCopy(source, size.width, size.height);
  freeInWasm(source);
  return { data, ...size };
}

/** The photo's clean pixels (never the web variant: an album watermark would be baked in). */
async function sourcePixels(env: Env, db: Db, photoId: string): Promise<Rgba> {
  const photo = await db.select({ originalKey: photos.originalKey }).from(photos).where(eq(photos.id, photoId)).get();
  if (!photo) throw new PermanentJobError('the photo was deleted');
  return cleanWebPixels(env, photo.originalKey);
}

/** Runs the engine, stamps the disclosure label when the kind has one; the web and thumb WebPs. */
async function render(env: Env, db: Db, row: Transformation) {
  const out = await engineFor(env, row.kind).run({ kind: row.kind, style: row.style, roomType: row.roomType, seed: row.seed, image: await sourcePixels(env, db, row.photoId) });
  const web = fitted(out.image, WEB_EDGE);
  const label = TRANSFORMATIONS[row.kind].label;
  if (label) stampLabel(web, label.en);
  const thumb = fitted(web, THUMB_EDGE);
  const [webBytes, thumbBytes] = await Promise.all([encodeWebp(web.data, web.width, web.height), encodeWebp(thumb.data, thumb.width, thumb.height)]);
  return { engine: out.engine, labelled: label !== null, width: web.width, height: web.height, webBytes, thumbBytes };
}

export async function transformPhoto(env: Env, message: PhotoTransform): Promise<void> {
  const db = createDb(env.DB);
  const row = await db.select().from(transformations).where(eq(transformations.id, message.transformationId)).get();
  if (!row) throw new PermanentJobError('the transformation was deleted with its photo');
  if (!UNDER_WAY.some((s) => s === row.status)) return;
  await db.update(transformations).set({ status: 'running', updatedAt: new Date() }).where(thisJob(message));

  const started = Date.now();
  const made = await render(env, db, row);
  const keys = transformationKeys(row.photoId, row.id);
  const httpMetadata = { contentType: 'image/webp' };
  await Promise.all([env.PHOTOS.put(keys.web, made.webBytes, { httpMetadata }), env.PHOTOS.put(keys.thumb, made.thumbBytes, { httpMetadata })]);
  const now = new Date();
  const [moved] = await db.batch([
    db
      .update(transformations)
      .set({ status: 'done', engine: made.engine, labelled: made.labelled, width: made.width, height: made.height, reason: null, finishedAt: now, updatedAt: now })
      .where(thisJob(message))
      .returning({ id: transformations.id }),
    commit(db, transformCost(message)),
  ]);
  console.log(JSON.stringify({ transform: { id: row.id, kind: row.kind, engine: made.engine, ms: Date.now() - started } }));
  if (moved.length) await notifyIfBatchFinished(env, db, row.batchId);
}

/** The transformation finally failed: the row says why (its credits are refunded by the runtime). */
export async function markTransformFailed(env: Env, message: PhotoTransform, reason: string): Promise<void> {
  const db = createDb(env.DB);
  const now = new Date();
  const moved = await db
    .update(transformations)
    .set({ status: 'failed', reason: `The transformation failed (${reason}); its credits were refunded`, finishedAt: now, updatedAt: now })
    .where(thisJob(message))
    .returning({ batchId: transformations.batchId });
  if (moved[0]) await notifyIfBatchFinished(env, db, moved[0].batchId);
}

/** Word for word the condition of the partial index `transformations_unfinished_idx`. */
const unfinished = sql`${transformations.status} in ('queued', 'running')`;

/** Cron: transformations under way long after they were asked for lost their message: send it again (stamped, once per period). */
export async function requeueLostTransforms(env: Env, staleAfterMs: number) {
  const db = createDb(env.DB);
  const now = new Date();
  const stuck = await db
    .select({ id: transformations.id, photoId: transformations.photoId, workspaceId: transformations.workspaceId, kind: transformations.kind })
    .from(transformations)
    .where(and(unfinished, lt(transformations.updatedAt, new Date(now.getTime() - staleAfterMs))))
    .limit(SWEEP_PER_RUN);
  if (!stuck.length) return 0;
  // D1 binds at most 100 parameters per statement: stamped 90 ids at a time.
  for (let i = 0; i < stuck.length; i += 90) {
    await db.update(transformations).set({ updatedAt: now }).where(inArray(transformations.id, stuck.slice(i, i + 90).map((t) => t.id)));
  }
  await enqueueAll(env, stuck.map((t) => ({ type: 'photo.transform' as const, transformationId: t.id, photoId: t.photoId, workspaceId: t.workspaceId, kind: t.kind })));
  console.warn(JSON.stringify({ requeued: 'photo.transform', transformations: stuck.length }));
  return stuck.length;
}
