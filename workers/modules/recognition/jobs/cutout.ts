/**
 * `photo.cutout`: cuts the subject out of the 1600 px web variant into `cutout.png` (RGBA) and
 * says when the mask looks wrong. Paid work (3 credits): reserved by the request, committed here
 * with the result, refunded by the dead-letter consumer if it finally fails. Only the job the
 * photo row names runs, once: a redelivery after `done` changes nothing.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { photos, type CutoutInfo } from '../../../db/schema/index';
import { photoKeys } from '../../../shared/r2-keys';
import { cutoutFor } from '../../../integrations/vision/providers';
import { VisionUnavailableError } from '../../../integrations/vision/types';
import { PermanentJobError } from '../../../core/jobs/job';
import { commit } from '../../../core/jobs/paid-work';
import { cutoutCost, type PhotoCutout } from './index';
import { retryWhenBusy } from './vision-busy';
import { createDb } from '../../../core/db/client';
import { requeueLostPhotoJobs } from '../../media/jobs/sweep';

const UNDER_WAY = ['queued', 'running'] as const;

const thisJob = (message: PhotoCutout) =>
  and(eq(photos.id, message.photoId), eq(photos.cutoutJob, message.jobId), inArray(photos.cutoutStatus, UNDER_WAY));

function qualityHints(subjectArea: number, touchesBorder: boolean) {
  return [
    ...(subjectArea < 0.08 ? ['the subject covers under 8% of the photo: maybe a detail (plate, logo) was kept, not the vehicle'] : []),
    ...(subjectArea > 0.95 ? ['almost nothing was removed'] : []),
    ...(touchesBorder ? ['the subject runs off the edges of the photo'] : []),
  ];
}

/**
 * The vision engine's cutout of a photo's web variant, with its quality hints: what the cutout
 * job stores, and what the studio job uses when the photo has no cutout yet. Throws by the job rule.
 */
export async function cutOut(env: Env, photoId: string): Promise<{ png: Uint8Array; info: CutoutInfo }> {
  const web = await env.PHOTOS.get(photoKeys(photoId).web);
  if (!web) throw new Error(`web variant of ${photoId} missing`);
  const result = await cutoutFor(env)
    .cutout(new Uint8Array(await web.arrayBuffer()), 'image/webp')
    .catch((err: Error) => {
      if (err instanceof VisionUnavailableError) throw retryWhenBusy(err); // an outage or a full queue: retried
      throw new PermanentJobError(`the image could not be cut out: ${err.message}`);
    });
  const reasons = qualityHints(result.subjectArea, result.touchesBorder);
  const info: CutoutInfo = { subjectArea: result.subjectArea, touchesBorder: result.touchesBorder, doubtful: reasons.length > 0, reasons, createdAt: new Date().toISOString() };
  return { png: result.png, info };
}

export async function cutoutPhoto(env: Env, message: PhotoCutout): Promise<void> {
  const db = createDb(env.DB);
  const photo = await db.select().from(photos).where(eq(photos.id, message.photoId)).get();
  // Deleted meanwhile: nothing to cut out, and the reservation must not stay open.
  if (!photo) throw new PermanentJobError('the photo was deleted');
  if (photo.cutoutJob !== message.jobId || !UNDER_WAY.some((s) => s === photo.cutoutStatus)) return;
  await db.update(photos).set({ cutoutStatus: 'running', updatedAt: new Date() }).where(thisJob(message));

  const { png, info } = await cutOut(env, photo.id);
  await env.PHOTOS.put(photoKeys(photo.id).cutout, png, { httpMetadata: { contentType: 'image/png' } });
  await db.batch([
    db.update(photos).set({ cutout: info, cutoutStatus: 'done', cutoutNote: null, updatedAt: new Date() }).where(thisJob(message)),
    commit(db, cutoutCost(message)),
  ]);
}

/** The cutout finally failed: the photo says why (its credits are refunded by the runtime). */
export async function markCutoutFailed(env: Env, message: PhotoCutout, reason: string): Promise<void> {
  const db = createDb(env.DB);
  await db
    .update(photos)
    .set({ cutoutStatus: 'failed', cutoutNote: `The cutout failed (${reason}); its credits were refunded`, updatedAt: new Date() })
    .where(thisJob(message));
}

/** Word for word the condition of the partial index `photos_cutout_unfinished_idx` (bound values would not match it). */
export const cutoutUnfinished = sql`${photos.cutoutStatus} in ('queued', 'running')`;

/** Cron: cutouts still under way long after they were asked for lost their message: send it again. */
export const requeueStuckCutouts = (env: Env, staleAfterMs: number) =>
  requeueLostPhotoJobs(env, { type: 'photo.cutout', jobId: photos.cutoutJob, underWay: cutoutUnfinished }, staleAfterMs);
