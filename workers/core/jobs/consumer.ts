/**
 * One queue consumer for every queue, built from the job maps (see job.ts for the error rule).
 * Messages are processed one at a time: the 128 MB isolate limit is shared by everything running
 * in it, and one decode at a time is what the pipeline's memory budget assumes.
 */
import { loadConfig } from '../config';
import { createDb } from '../db/client';
import { PermanentJobError, RetryLaterError, type Job, type Message } from './job';
import { refund } from './paid-work';

/** Exponential backoff for transient failures: 10 s, 20 s, 40 s, ... capped at 10 min. */
export const retryDelaySeconds = (attempts: number) => Math.min(600, 10 * 2 ** Math.max(0, attempts - 1));

/**
 * A job still running after this is abandoned and retried later. A 50 MP photo takes about a
 * second; a job this late is stuck on a call that will not answer (a stalled stream, a service
 * that hangs), and it must not hold its batch, and every message queued behind it, with it.
 */
const JOB_DEADLINE_MS = 120_000;

/** Dead-letter queues are named `<something>-dlq` (wrangler.toml `dead_letter_queue`). */
const isDeadLetterQueue = (queue: string) => queue.endsWith('-dlq');

const GAVE_UP = 'kept failing after several attempts';

class JobDeadlineError extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JobDeadlineError(`still running after ${ms / 1000} s: abandoned, to be retried`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

// biome-ignore lint/suspicious/noExplicitAny: each job is typed on its own message; the consumer only routes by type
type AnyJobs = Record<string, Job<any>>;

class UnknownJobError extends Error {}

function jobOf(jobs: AnyJobs, body: unknown): Job<Message> | undefined {
  const type = typeof body === 'object' && body !== null ? (body as Partial<Message>).type : undefined;
  return typeof type === 'string' && Object.hasOwn(jobs, type) ? jobs[type] : undefined;
}

/** Finally failed, whichever way: the job records it, then paid work gets its credits back. */
async function deadLetter(env: Env, job: Job<Message>, message: Message, reason: string) {
  await job.deadLetter?.(env, message, reason);
  if (job.cost) await refund(createDb(env.DB), job.cost(message));
}

/** One message: 'acked' (done, or recorded as failed) — any throw means retry. */
async function handle(env: Env, jobs: AnyJobs, deadLetters: boolean, message: Message) {
  const job = jobOf(jobs, message);
  if (deadLetters) {
    if (!job) return 'unknown'; // nothing to mark: no job knows what this was
    return deadLetter(env, job, message, GAVE_UP).then(() => 'acked' as const);
  }
  if (!job) throw new UnknownJobError(`no job handles messages of type ${JSON.stringify(message?.type)}`);
  try {
    await job.run(env, message);
  } catch (err) {
    if (!(err instanceof PermanentJobError)) throw err;
    await deadLetter(env, job, message, err.message);
  }
  return 'acked' as const;
}

/** The queue handler for the given jobs: normal queues run them, dead-letter queues record their failure. */
export function jobConsumer(jobs: () => AnyJobs, deadlineMs = JOB_DEADLINE_MS) {
  return async function queue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
    // A misconfigured deployment fails the whole batch loudly (retried, never half-done).
    loadConfig(env);
    const deadLetters = isDeadLetterQueue(batch.queue);
    const started = Date.now();
    let retried = 0;
    let unknown = 0;
    for (const message of batch.messages) {
      try {
        const outcome = await withDeadline(handle(env, jobs(), deadLetters, message.body as Message), deadlineMs);
        if (outcome === 'unknown') {
          unknown++;
          console.error(JSON.stringify({ queue: batch.queue, message: message.body, error: 'dead letter of unknown type: acked, nothing marked' }));
        }
        message.ack();
      } catch (err) {
        // One message's trouble never blocks the others: retry just this one, later.
        console.error(JSON.stringify({ queue: batch.queue, message: message.body, attempts: message.attempts, error: String(err) }));
        message.retry({ delaySeconds: err instanceof RetryLaterError ? err.delaySeconds : retryDelaySeconds(message.attempts) });
        retried++;
        if (err instanceof UnknownJobError) unknown++;
      }
    }
    // One line per batch: with the queue's own metrics, what tells a stalled consumer from an idle queue.
    console.log(JSON.stringify({ queue: batch.queue, messages: batch.messages.length, retried, ...(unknown && { unknown }), ms: Date.now() - started }));
  };
}
