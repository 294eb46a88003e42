/**
 * The queue consumer. Messages carry ids only; each job is idempotent (at-least-once delivery).
 * Photos are processed one at a time: the 128 MB isolate limit is shared by everything running
 * in it, and one decode at a time is what the memory budget assumes.
 */
import type { PipelineMessage } from '../shared/messages';
import { markFailed } from './jobs/failed';
import { recognisePhoto } from './jobs/recognise';
import { processUploadedPhoto, rerenderPhoto } from './jobs/variants';
import { resumeAwaitingRecognition } from './paid-work';

/** Exponential backoff for transient failures: 10 s, 20 s, 40 s, ... capped at 10 min. */
export const retryDelaySeconds = (attempts: number) => Math.min(600, 10 * 2 ** Math.max(0, attempts - 1));

async function run(message: PipelineMessage, env: Env): Promise<void> {
  switch (message.type) {
    case 'photo.uploaded':
      return processUploadedPhoto(env, message.photoId);
    case 'photo.recognise':
      return recognisePhoto(env, message.photoId);
    case 'photo.rerender':
      return rerenderPhoto(env, message.photoId);
    case 'credits.granted':
      return resumeAwaitingRecognition(env, message.workspaceId);
  }
}

export async function queue(batch: MessageBatch<PipelineMessage>, env: Env): Promise<void> {
  const deadLetters = batch.queue.endsWith('-dlq');
  for (const message of batch.messages) {
    try {
      await (deadLetters ? markFailed(env, message.body) : run(message.body, env));
      message.ack();
    } catch (err) {
      // One photo's trouble never blocks the others: retry just this message, later.
      console.error(JSON.stringify({ queue: batch.queue, message: message.body, attempts: message.attempts, error: String(err) }));
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}
