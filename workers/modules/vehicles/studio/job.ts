/**
 * `photo.studio`: the photo's car on a backdrop (render.ts), stored as its studio image. Paid
 * work (3 credits): reserved by the request, committed here in the batch that records the image,
 * refunded by the dead-letter consumer if it finally fails. Only the job the photo row names
 * runs, once: a redelivery after `done` changes nothing, and an older look's message finds
 * another job id on the row and does nothing.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { photos, type StudioInfo } from '../../../db/schema/index';
import { photoKeys } from '../../../shared/r2-keys';
import { createDb } from '../../../core/db/client';
import { PermanentJobError } from '../../../core/jobs/job';
import { commit } from '../../../core/jobs/paid-work';
import { requeueLostPhotoJobs } from '../../media/jobs/sweep';
import { studioCost, type PhotoStudio } from './jobs';
import { freshCutoutUpdate, renderStudio } from './render';

const UNDER_WAY = ['queued', 'running'] as const;

const thisJob = (message: PhotoStudio) =>
  and(eq(photos.id, message.photoId), eq(photos.studioJob, message.jobId), inArray(photos.studioStatus, UNDER_WAY));

export async function studioPhoto(env: Env, message: PhotoStudio): Promise<void> {
  const db = createDb(env.DB);
  const photo = await db.select().from(photos).where(eq(photos.id, message.photoId)).get();
  if (!photo) throw new PermanentJobError('the photo was deleted');
  if (photo.studioJob !== message.jobId || !UNDER_WAY.some((s) => s === photo.studioStatus)) return;
  const options = photo.studioRequest;
  if (!options) throw new PermanentJobError('no look was asked for');
  await db.update(photos).set({ studioStatus: 'running', updatedAt: new Date() }).where(thisJob(message));

  const started = Date.now();
  const rendered = await renderStudio(env, db, photo, options);
  const keys = photoKeys(photo.id);
  const httpMetadata = { contentType: 'image/webp' };
  await Promise.all([
    env.PHOTOS.put(keys.studio, rendered.web.bytes, { httpMetadata }),
    env.PHOTOS.put(keys.studioThumb, rendered.thumb, { httpMetadata }),
    rendered.freshCutout && env.PHOTOS.put(keys.cutout, rendered.freshCutout.png, { httpMetadata: { contentType: 'image/png' } }),
  ]);
  const info: StudioInfo = { options, doubtful: rendered.doubtful, reasons: rendered.reasons, width: rendered.web.width, height: rendered.web.height, createdAt: new Date().toISOString() };
  await db.batch([
    db
      .update(photos)
      .set({ studio: info, studioStatus: 'done', studioNote: null, studioVersion: sql`${photos.studioVersion} + 1`, updatedAt: new Date() })
      .where(thisJob(message)),
    commit(db, studioCost(message)),
    ...(rendered.freshCutout ? [freshCutoutUpdate(db, photo.id, rendered.freshCutout.info)] : []),
  ]);
  console.log(JSON.stringify({ studio: { photoId: photo.id, ms: Date.now() - started, peakWasmBytes: rendered.peakWasmBytes, doubtful: info.doubtful } }));
}

/** The studio job finally failed: the photo says why and keeps its previous image (credits refunded by the runtime). */
export async function markStudioFailed(env: Env, message: PhotoStudio, reason: string): Promise<void> {
  await createDb(env.DB)
    .update(photos)
    .set({ studioStatus: 'failed', studioNote: `The studio image failed (${reason}); its credits were refunded`, updatedAt: new Date() })
    .where(thisJob(message));
}

/** Word for word the condition of the partial index `photos_studio_unfinished_idx` (bound values would not match it). */
export const studioUnfinished = sql`${photos.studioStatus} in ('queued', 'running')`;

/** Cron: studio jobs still under way long after they were asked for lost their message: send it again. */
export const requeueStuckStudio = (env: Env, staleAfterMs: number) =>
  requeueLostPhotoJobs(env, { type: 'photo.studio', jobId: photos.studioJob, underWay: studioUnfinished }, staleAfterMs);
