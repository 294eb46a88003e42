/** The media pipeline's jobs (the `vitrine-photo-jobs` queue: image work done in the Worker). */
import { loadConfig } from '../../../core/config';
import { defineJobs } from '../../../core/jobs/job';
import { markPhotoFailed } from './failed';
import { requeueStuckPhotos } from './sweep';
import { processUploadedPhoto, rerenderPhoto } from './variants';

/** The original landed (`complete`): draw the variants, record the metadata, then ask for reading. */
export type PhotoUploaded = { type: 'photo.uploaded'; photoId: string; workspaceId: string };
/** The album's watermark changed: draw the variants again from the original. */
export type PhotoRerender = { type: 'photo.rerender'; photoId: string; workspaceId: string };

export type MediaMessage = PhotoUploaded | PhotoRerender;

// Handlers are called through arrows: the modules import `enqueue` back from workers/jobs.ts.
export const mediaJobs = defineJobs<MediaMessage>()({
  'photo.uploaded': {
    queue: 'PHOTO_QUEUE',
    run: (env, message) => processUploadedPhoto(env, message.photoId),
    deadLetter: (env, message, reason) => markPhotoFailed(env, message, reason),
  },
  // No dead-letter handler: the photo stays `ready` with its previous variants.
  'photo.rerender': { queue: 'PHOTO_QUEUE', run: (env, message) => rerenderPhoto(env, message.photoId) },
});

export const mediaSweeps = {
  stuckPhotos: (env: Env) => requeueStuckPhotos(env, loadConfig(env).pipeline.staleAfterMs),
};
