/**
 * Cron: photos whose job was lost are queued again — a message dropped between `complete` and
 * the queue, a consumer that died mid-way, a queue that lost its backlog. A photo is looked at
 * only once it has not changed for `staleAfterMs`, and re-sending stamps it, so even a long but
 * healthy backlog is sent again at most once per period; the jobs are idempotent, so a
 * duplicate costs one row read.
 */
import { and, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { photos } from '../../../db/schema/index';
import { enqueueAll } from '../../../jobs';
import { createDb, type Db } from '../../../core/db/client';

/** Per run; the next run takes the rest. */
export const SWEEP_PER_RUN = 500;
/** D1 binds at most 100 parameters per statement. */
const IDS_PER_UPDATE = 90;

/** Stamps photos a sweep sends again, so the next run leaves them alone for a whole period. */
export async function stampPhotos(db: Db, ids: string[], now: Date) {
  for (let i = 0; i < ids.length; i += IDS_PER_UPDATE) {
    await db.update(photos).set({ updatedAt: now }).where(inArray(photos.id, ids.slice(i, i + IDS_PER_UPDATE)));
  }
}

/** Word for word the condition of the partial index `photos_unfinished_idx`, so SQLite reads only that index. */
export const unfinished = sql`(${photos.status} in ('uploaded', 'processing') or ${photos.recognition} = 'queued')`;

/** Healthy work is done in seconds; retries with backoff give up (dead letters) within 3 minutes: `staleAfterMs` is PIPELINE_STALE_AFTER_SECONDS. */
export async function requeueStuckPhotos(env: Env, staleAfterMs: number) {
  const db = createDb(env.DB);
  const now = new Date();
  const stuck = await db
    .select({ id: photos.id, workspaceId: photos.workspaceId, status: photos.status })
    .from(photos)
    .where(and(unfinished, lt(photos.updatedAt, new Date(now.getTime() - staleAfterMs))))
    .limit(SWEEP_PER_RUN);
  if (!stuck.length) return { variants: 0, reading: 0 };

  await stampPhotos(db, stuck.map((p) => p.id), now);
  const unprocessed = stuck.filter((p) => p.status === 'uploaded' || p.status === 'processing');
  const unread = stuck.filter((p) => p.status === 'ready');
  await enqueueAll(env, unprocessed.map((p) => ({ type: 'photo.uploaded', photoId: p.id, workspaceId: p.workspaceId })));
  await enqueueAll(env, unread.map((p) => ({ type: 'photo.recognise', photoId: p.id, workspaceId: p.workspaceId })));
  const result = { variants: unprocessed.length, reading: unread.length };
  console.warn(JSON.stringify({ requeuedStuckPhotos: result }));
  return result;
}

/** A paid photo job (cutout, studio): its message type, the row's job id column, and its "under way" condition word for word as its partial index. */
type PaidPhotoJob = { type: 'photo.cutout' | 'photo.studio'; jobId: typeof photos.cutoutJob | typeof photos.studioJob; underWay: SQL };

/** Paid photo jobs still under way long after they were asked for lost their message: send it again (stamped, once per period). */
export async function requeueLostPhotoJobs(env: Env, job: PaidPhotoJob, staleAfterMs: number) {
  const db = createDb(env.DB);
  const now = new Date();
  const stuck = await db
    .select({ photoId: photos.id, workspaceId: photos.workspaceId, jobId: job.jobId })
    .from(photos)
    .where(and(job.underWay, lt(photos.updatedAt, new Date(now.getTime() - staleAfterMs))))
    .limit(SWEEP_PER_RUN);
  if (!stuck.length) return 0;
  await stampPhotos(db, stuck.map((p) => p.photoId), now);
  await enqueueAll(env, stuck.map((p) => ({ type: job.type, photoId: p.photoId, workspaceId: p.workspaceId, jobId: p.jobId ?? '' })));
  console.warn(JSON.stringify({ requeued: job.type, photos: stuck.length }));
  return stuck.length;
}
