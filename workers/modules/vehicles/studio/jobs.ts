/**
 * The studio's job, on the `vitrine-photo-jobs` queue: image work done in the Worker (the
 * compose step and the WebP encodes are wasm and typed arrays in the isolate, like the variants).
 * When the photo has no cutout yet the job asks the vision service for one; a busy service says
 * when to come back and the job is retried then, so the photo queue is not held behind it.
 */
import { loadConfig } from '../../../core/config';
import { defineJobs } from '../../../core/jobs/job';
import type { Cost } from '../../../core/jobs/paid-work';
import { markStudioFailed, requeueStuckStudio, studioPhoto } from './job';

/** Make a photo's studio image; `jobId` is the request's, recorded on the photo row with the look asked for. */
export type PhotoStudio = { type: 'photo.studio'; photoId: string; workspaceId: string; jobId: string };

export type StudioMessage = PhotoStudio;

/** One charge per look asked for (the job id): asking again after a result or a refund is new work. */
export const studioCost: Cost<PhotoStudio> = (m) => ({ work: 'studio', workspaceId: m.workspaceId, reference: `studio:${m.photoId}:${m.jobId}` });

// Handlers are called through arrows: the modules import `enqueue` back from workers/jobs.ts.
export const studioJobs = defineJobs<StudioMessage>()({
  'photo.studio': {
    queue: 'PHOTO_QUEUE',
    run: (env, message) => studioPhoto(env, message),
    deadLetter: (env, message, reason) => markStudioFailed(env, message, reason),
    cost: studioCost,
  },
});

export const studioSweeps = {
  stuckStudio: (env: Env) => requeueStuckStudio(env, loadConfig(env).pipeline.staleAfterMs),
};
