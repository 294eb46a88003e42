/**
 * Asking for studio images (paid: core/jobs/paid-work.ts): the look is recorded on the photo
 * row, its credits reserved, then a `photo.studio` job is sent. A photo whose studio image is
 * already under way is answered as it stands, never charged twice; asking again once it is done
 * (or failed) makes a new image under a new job id, paid again.
 */
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { photos, type Photo } from '../../../db/schema/index';
import type { StudioOptions } from '../../../shared/enums';
import type { StudioBody } from '../../../shared/schemas/studio';
import { CREDIT_PRICES } from '../../../shared/billing/catalogue';
import { newId } from '../../../shared/ids';
import type { Db } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { auditInsert, type Actor } from '../../../core/audit';
import { refund, reserve } from '../../../core/jobs/paid-work';
import { enqueue, enqueueAll } from '../../../jobs';
import { creditBalance } from '../../billing/credit-ledger';
import { getPhoto } from '../../albums/photos';
import { vehicleAlbum } from '../vehicles';
import { backdropOf } from './backdrops';
import { studioCost, type PhotoStudio } from './jobs';

const insufficient = (count: number) =>
  new AppError('INSUFFICIENT_CREDITS', `This costs ${count * CREDIT_PRICES.studio} credit(s) (${CREDIT_PRICES.studio} per photo); buy credits or subscribe`);

/** The body with its defaults: `positionY` left out is the chosen backdrop's floor line. */
export const lookOf = (body: StudioBody): StudioOptions => ({ ...body, positionY: body.positionY ?? backdropOf(body.backdrop).floor });

const underWay = (photo: Photo) => photo.studioStatus === 'queued' || photo.studioStatus === 'running';
const jobFor = (photo: Photo): PhotoStudio => ({ type: 'photo.studio', photoId: photo.id, workspaceId: photo.workspaceId, jobId: newId('stu') });

/** Moves a photo to `queued` with `look` under `job`, unless another request did first. */
const queueStatement = (db: Db, job: PhotoStudio, look: StudioOptions) =>
  db
    .update(photos)
    .set({ studioStatus: 'queued', studioJob: job.jobId, studioRequest: look, studioNote: null, updatedAt: new Date() })
    .where(and(eq(photos.id, job.photoId), or(isNull(photos.studioStatus), inArray(photos.studioStatus, ['done', 'failed']))))
    .returning();

/** One photo: 202 with the photo as it now stands. */
export async function requestStudio(db: Db, env: Env, actor: Actor, photoId: string, body: StudioBody): Promise<Photo> {
  const photo = await getPhoto(db, actor.workspaceId, photoId);
  await vehicleAlbum(db, actor.workspaceId, photo.albumId);
  if (photo.status !== 'ready') throw new AppError('PHOTO_NOT_READY', 'The photo is not processed yet; make its studio image once it is ready');
  if (underWay(photo)) return photo;
  const look = lookOf(body);
  const job = jobFor(photo);
  if (!(await reserve(db, studioCost(job)))) throw insufficient(1);
  const [moved] = await db.batch([
    queueStatement(db, job, look),
    auditInsert(db, { ...actor, action: 'photo.studio', targetType: 'photo', targetId: photo.id, data: { jobId: job.jobId, backdrop: look.backdrop } }),
  ]);
  if (!moved.length) {
    await refund(db, studioCost(job)); // a concurrent request queued one first: that one is the job
    return getPhoto(db, actor.workspaceId, photo.id);
  }
  // If this send is lost, the photo stays `queued` and the cron sends it again.
  await enqueue(env, job);
  return moved[0]!;
}

/**
 * One look for every ready photo of the vehicle whose studio image is not under way: reserved
 * for all of them or for none (402, nothing charged). A reservation that fails half-way (another
 * request spent the credits meanwhile) gives back the ones already made.
 */
export async function requestAlbumStudio(db: Db, env: Env, actor: Actor, albumId: string, body: StudioBody) {
  await vehicleAlbum(db, actor.workspaceId, albumId);
  const look = lookOf(body);
  const ready = (await db.select().from(photos).where(and(eq(photos.albumId, albumId), eq(photos.status, 'ready')))).filter((p) => !underWay(p));
  const jobs = ready.map(jobFor);
  if ((await creditBalance(db, actor.workspaceId)) < jobs.length * CREDIT_PRICES.studio) throw insufficient(jobs.length);
  const reserved: PhotoStudio[] = [];
  for (const job of jobs) {
    if (!(await reserve(db, studioCost(job)))) {
      for (const done of reserved) await refund(db, studioCost(done));
      throw insufficient(jobs.length);
    }
    reserved.push(job);
  }
  if (!jobs.length) return { queued: 0, credits: 0 };
  const results = await db.batch([
    auditInsert(db, { ...actor, action: 'album.studio', targetType: 'album', targetId: albumId, data: { photos: jobs.length, backdrop: look.backdrop } }),
    ...jobs.map((job) => queueStatement(db, job, look)),
  ]);
  const moved = jobs.filter((_, i) => (results[i + 1] as unknown[]).length > 0);
  for (const job of jobs.filter((j) => !moved.includes(j))) await refund(db, studioCost(job));
  await enqueueAll(env, moved);
  return { queued: moved.length, credits: moved.length * CREDIT_PRICES.studio };
}
