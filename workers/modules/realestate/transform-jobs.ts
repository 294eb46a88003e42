/**
 * The real-estate job, on the `vitrine-photo-jobs` queue: one transformation of one photo (the
 * engines in ./engines), paid work reserved by the request (transformations.ts), committed with
 * the result, refunded by the dead-letter consumer.
 */
import { loadConfig } from '../../core/config';
import { defineJobs } from '../../core/jobs/job';
import type { Cost } from '../../core/jobs/paid-work';
import type { TransformationKind } from '../../shared/enums';
import { markTransformFailed, requeueLostTransforms, transformPhoto } from './transform-job';

/** Make one transformation; the row (`transformationId`) holds what was asked for. */
export type PhotoTransform = { type: 'photo.transform'; transformationId: string; photoId: string; workspaceId: string; kind: TransformationKind };

export type RealestateMessage = PhotoTransform;

/**
 * One charge per transformation. The kind is in the reference (`transform:<kind>:<trfId>`) so the
 * credit history can name the work without reading the transformations table.
 */
export const transformCost: Cost<PhotoTransform> = (m) => ({ work: m.kind, workspaceId: m.workspaceId, reference: `transform:${m.kind}:${m.transformationId}` });

// Handlers are called through arrows: the modules import `enqueue` back from workers/jobs.ts.
export const realestateJobs = defineJobs<RealestateMessage>()({
  'photo.transform': {
    queue: 'PHOTO_QUEUE',
    run: (env, message) => transformPhoto(env, message),
    deadLetter: (env, message, reason) => markTransformFailed(env, message, reason),
    cost: transformCost,
  },
});

export const realestateSweeps = {
  lostTransforms: (env: Env) => requeueLostTransforms(env, loadConfig(env).pipeline.staleAfterMs),
};
