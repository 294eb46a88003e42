/**
 * The queue consumer of both pipeline queues (image work and reading, see wrangler.toml) and
 * their dead letters. Messages carry ids only; each job is idempotent (at-least-once delivery).
 * Photos are processed one at a time: the 128 MB isolate limit is shared by everything running
 * in it, and one decode at a time is what the memory budget assumes.
 */
import type { PipelineMessage } from './messages';
import { markFailed } from '../../modules/media/jobs/failed';
import { recognisePhoto } from '../../modules/recognition/jobs/recognise';
import { processUploadedPhoto, rerenderPhoto } from '../../modules/media/jobs/variants';
import { resumeAwaitingRecognition } from '../../modules/recognition/paid-reading';

/** Exponential backoff for transient failures: 10 s, 20 s, 40 s, ... capped at 10 min. */
export const retryDelaySeconds = (attempts: number) => Math.min(600, 10 * 2 ** Math.max(0, attempts - 1));

/**
 * A job still running after this is abandoned and retried later. A 50 MP photo takes about a
 * second; a job this late is stuck on a call that will not answer (a stalled stream, a service
 * that hangs), and it must not hold its batch, and every message queued behind it, with it.
 */
const JOB_DEADLINE_MS = 120_000;

class JobDeadlineError extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JobDeadlineError(`still running after ${ms / 1000} s: abandoned, to be retried`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

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

export async function queue(batch: MessageBatch<PipelineMessage>, env: Env, deadlineMs = JOB_DEADLINE_MS): Promise<void> {
  const deadLetters = batch.queue.endsWith('-dlq');
  const started = Date.now();
  let retried = 0;
  for (const message of batch.messages) {
    try {
      await withDeadline(deadLetters ? markFailed(env, message.body) : run(message.body, env), deadlineMs);
      message.ack();
    } catch (err) {
      // One photo's trouble never blocks the others: retry just this message, later.
      console.error(JSON.stringify({ queue: batch.queue, message: message.body, attempts: message.attempts, error: String(err) }));
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      retried++;
    }
  }
  // One line per batch: with the queue's own metrics, what tells a stalled consumer from an idle queue.
  console.log(JSON.stringify({ queue: batch.queue, messages: batch.messages.length, retried, ms: Date.now() - started }));
}
