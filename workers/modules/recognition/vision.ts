import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { photos, type Photo } from '../../db/schema/index';
import { photoKeys } from '../../shared/r2-keys';
import { platesOf } from './plates';
import { textReaderFor } from '../../integrations/vision/providers';
import { relativeBox } from './reading-tags';
import { VisionBusyError, VisionUnavailableError } from '../../integrations/vision/types';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { CREDIT_PRICES, type PaidWork } from '../../shared/billing/catalogue';
import { payInline, refund, reserve } from '../../core/jobs/paid-work';
import { enqueue } from '../../jobs';
import { cutoutCost, type PhotoCutout } from './jobs/index';
import { auditInsert, type Actor } from '../../core/audit';
import { getPhoto } from '../albums/photos';

/** The 1600 px web variant of a ready photo: what vision reads (never the 50 MB original). */
async function webVariant(db: Db, bucket: R2Bucket, workspaceId: string, photoId: string) {
  const photo = await getPhoto(db, workspaceId, photoId);
  const object = photo.status === 'ready' ? await bucket.get(photoKeys(photo.id).web) : null;
  if (!object) throw new AppError('PHOTO_NOT_READY', 'The photo is not processed yet; try again when it is ready');
  return { photo, bytes: new Uint8Array(await object.arrayBuffer()) };
}

async function visionCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof VisionBusyError) {
      throw new AppError('SERVICE_UNAVAILABLE', `The vision service is busy; retry in ${err.retryAfterSeconds} s`).retryAfter(err.retryAfterSeconds);
    }
    if (err instanceof VisionUnavailableError) throw new AppError('SERVICE_UNAVAILABLE', 'The vision service is unavailable; retry shortly');
    throw new AppError('UNSUPPORTED_TYPE', `The image could not be read: ${(err as Error).message}`);
  }
}

type Image = { bytes: Uint8Array; type: string };

const insufficient = (work: PaidWork) => () =>
  new AppError('INSUFFICIENT_CREDITS', `This costs ${CREDIT_PRICES[work]} credit(s); buy credits or subscribe`);

/**
 * Reads the plate in a photo (by id) or in an image sent with the request. Paid like any reading
 * (`plate`, one credit), inline because the answer is the reading: reserved, then committed once read or
 * refunded if the engine fails (core/jobs/paid-work.ts). Each call is its own charge: it reads again.
 */
export async function readPlate(db: Db, env: Env, workspaceId: string, source: { photoId: string } | Image) {
  const image = 'photoId' in source ? { bytes: (await webVariant(db, env.PHOTOS, workspaceId, source.photoId)).bytes, type: 'image/webp' } : source;
  const charge = { work: 'plate' as const, workspaceId, reference: `plate:${'photoId' in source ? source.photoId : 'image'}:${crypto.randomUUID()}` };
  const reading = await payInline(db, charge, insufficient('plate'), () => visionCall(() => textReaderFor(env).readText(image.bytes, image.type)));
  const candidates = platesOf(reading).map((c) => ({ ...c, box: relativeBox(reading, c.box) }));
  const [best] = candidates;
  return {
    plate: best?.plate ?? null,
    normalized: best?.normalized ?? null,
    format: best?.format ?? null,
    confidence: best?.confidence ?? null,
    candidates,
  };
}

/** Where a photo's cutout stands: `{status, reason?}`, and the result (`...info, url`) once done. */
export function cutoutState(photo: Photo) {
  // Rows cut out before cutouts became jobs have the result and no status.
  const status = photo.cutoutStatus ?? (photo.cutout ? 'done' : null);
  if (!status) throw new AppError('NOT_FOUND', 'No cutout yet: POST /v1/photos/:id/cutout first');
  if (status === 'failed') return { status, reason: photo.cutoutNote };
  if (status === 'queued' || status === 'running') return { status };
  // `done` and the result are committed together by the job: one without the other is no cutout.
  if (!photo.cutout) throw new AppError('NOT_FOUND', 'No cutout yet: POST /v1/photos/:id/cutout first');
  return { status, ...photo.cutout, url: `/v1/photos/${photo.id}/cutout.png` };
}

export async function getCutout(db: Db, workspaceId: string, photoId: string) {
  return cutoutState(await getPhoto(db, workspaceId, photoId));
}

/**
 * Asks for a cutout (an AI transform, paid: core/jobs/paid-work.ts): its credits are reserved,
 * the photo says `queued` and a `photo.cutout` job is sent. A cutout already under way is
 * answered as it stands, never charged twice.
 */
export async function requestCutout(db: Db, env: Env, actor: Actor, photoId: string) {
  const photo = await getPhoto(db, actor.workspaceId, photoId);
  if (photo.status !== 'ready') throw new AppError('PHOTO_NOT_READY', 'The photo is not processed yet; try again when it is ready');
  if (photo.cutoutStatus === 'queued' || photo.cutoutStatus === 'running') return cutoutState(photo);
  const job: PhotoCutout = { type: 'photo.cutout', photoId: photo.id, workspaceId: actor.workspaceId, jobId: crypto.randomUUID() };
  if (!(await reserve(db, cutoutCost(job)))) throw insufficient('cutout')();
  const [moved] = await db.batch([
    db
      .update(photos)
      .set({ cutoutStatus: 'queued', cutoutJob: job.jobId, cutoutNote: null, updatedAt: new Date() })
      .where(and(eq(photos.id, photo.id), or(isNull(photos.cutoutStatus), inArray(photos.cutoutStatus, ['done', 'failed']))))
      .returning({ id: photos.id }),
    auditInsert(db, { ...actor, action: 'photo.cutout', targetType: 'photo', targetId: photo.id, data: { jobId: job.jobId } }),
  ]);
  if (!moved.length) {
    await refund(db, cutoutCost(job)); // a concurrent request started one first: that one is the job
    return getCutout(db, actor.workspaceId, photo.id);
  }
  // If this send is lost, the photo stays `queued` and the cron sends it again.
  await enqueue(env, job);
  return { status: 'queued' as const };
}
