/**
 * Recognition's jobs, on the `vitrine-reading-jobs` queue: work that waits on the vision service,
 * whose slowness or outage must never hold photos back from the gallery. Both readings and
 * cutouts are paid work (core/jobs/paid-work.ts).
 */
import { loadConfig } from '../../../core/config';
import { defineJobs } from '../../../core/jobs/job';
import type { Cost } from '../../../core/jobs/paid-work';
import { recognitionReference, resumeAwaitingRecognition } from '../paid-reading';
import { cutoutPhoto, markCutoutFailed, requeueStuckCutouts } from './cutout';
import { markReadingFailed, recognisePhoto } from './recognise';

/** After the variants: read bibs (events) or the plate (vehicles) on the web variant. */
export type PhotoRecognise = { type: 'photo.recognise'; photoId: string; workspaceId: string };
/** Cut the subject out of a photo; `jobId` is the request's, recorded on the photo row. */
export type PhotoCutout = { type: 'photo.cutout'; photoId: string; workspaceId: string; jobId: string };
/** Credits were granted (billing sends it): photos waiting for credits get theirs and are read. */
export type CreditsGranted = { type: 'credits.granted'; workspaceId: string };

export type RecognitionMessage = PhotoRecognise | PhotoCutout | CreditsGranted;

/** One reading per photo, ever: a redelivered or re-swept message finds the same reservation. */
export const recognitionCost: Cost<PhotoRecognise> = (m) => ({ work: 'recognition', workspaceId: m.workspaceId, reference: recognitionReference(m.photoId) });
/** One charge per cutout asked for (the job id): asking again after a result or a refund is new work. */
export const cutoutCost: Cost<PhotoCutout> = (m) => ({ work: 'cutout', workspaceId: m.workspaceId, reference: `cutout:${m.photoId}:${m.jobId}` });

// Handlers are called through arrows: the modules import `enqueue` back from workers/jobs.ts.
export const recognitionJobs = defineJobs<RecognitionMessage>()({
  'photo.recognise': {
    queue: 'READING_QUEUE',
    run: (env, message) => recognisePhoto(env, message.photoId),
    deadLetter: (env, message, reason) => markReadingFailed(env, message, reason),
    cost: recognitionCost,
  },
  'photo.cutout': {
    queue: 'READING_QUEUE',
    run: (env, message) => cutoutPhoto(env, message),
    deadLetter: (env, message, reason) => markCutoutFailed(env, message, reason),
    cost: cutoutCost,
  },
  // No dead-letter handler: nothing to mark, the next grant resumes the photos.
  'credits.granted': { queue: 'READING_QUEUE', run: (env, message) => resumeAwaitingRecognition(env, message.workspaceId) },
});

export const recognitionSweeps = {
  stuckCutouts: (env: Env) => requeueStuckCutouts(env, loadConfig(env).pipeline.staleAfterMs),
};
