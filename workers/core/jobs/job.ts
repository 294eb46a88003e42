/**
 * What a job is. Each module declares its jobs next to their handlers, as a map from message type
 * to definition (`modules/<domain>/jobs`); `workers/jobs.ts` joins the maps, and the consumer, the
 * dead-letter consumer, `enqueue` and the cron are built from them.
 *
 * ## Errors outside HTTP: one rule for every job
 * - Return: the work is done (or there was nothing left to do); the message is acked.
 * - Throw `PermanentJobError(reason)`: retrying cannot help (the provider refused the input, the
 *   row can never be processed). The message is dead-lettered at once: the job's `deadLetter`
 *   records the failure with `reason`, paid work is refunded, and the message is acked.
 *   A job that records such an outcome itself (a photo `rejected` with its code) just returns.
 * - Throw `RetryLaterError(reason, delaySeconds)`: transient with a known time (a busy service's
 *   Retry-After): retried after that delay instead of the backoff, like any retry otherwise.
 * - Throw anything else, or overrun the deadline: transient. The message is retried with
 *   exponential backoff; after the queue's `max_retries` it reaches the dead-letter queue, whose
 *   consumer calls the same `deadLetter` (and refunds) — so "finally failed" is handled in one
 *   place per job, whichever way it got there. A queue without a dead-letter queue (email) drops
 *   the message instead, and its cron sweep sends the row again.
 * - A message whose type no job declares is an error: logged and retried like any transient
 *   failure (a newer Worker may know it), never silently acked; in the dead-letter queue it is
 *   logged and acked, marking nothing.
 */
import type { Cost } from './paid-work';

/** The producer bindings of `wrangler.toml` (`[[queues.producers]]`), from the generated `Env`. */
export type QueueBinding = { [K in keyof Env]: Env[K] extends Queue ? K : never }[keyof Env];

/** Queue messages carry ids, never bytes: a job re-reads its row and is safe to run twice. */
export type Message = { type: string };

export interface Job<M extends Message> {
  /** The producer binding `enqueue` sends this message through. */
  queue: QueueBinding;
  /** Does the work. Idempotent: delivery is at least once. See the rule above for what a throw means. */
  run(env: Env, message: M): Promise<void>;
  /** The work finally failed (`PermanentJobError`, or retries exhausted): record it. Idempotent too. */
  deadLetter?(env: Env, message: M, reason: string): Promise<void>;
  /** Paid work: what the message's reservation is (see paid-work.ts); refunded after `deadLetter`. */
  cost?: Cost<M>;
}

/** One job per message type of the union `M`, each typed on its own message: no more, no fewer. */
export type JobMap<M extends Message> = { [T in M['type']]: Job<Extract<M, { type: T }>> };

/**
 * `defineJobs<M>()({...})`: a missing type or a handler typed on the wrong message fails to
 * compile, and so does a type that is not in `M` (the second check; spreads escape the
 * excess-property check of a plain `satisfies`).
 */
export const defineJobs =
  <M extends Message>() =>
  <J extends JobMap<M>>(jobs: J & Record<Exclude<keyof J, M['type']>, never>): J =>
    jobs;

/** Retrying cannot help: dead-letter now (record `message`, refund), then ack. */
export class PermanentJobError extends Error {}

/** Transient, and the dependency said when to come back: retry after `delaySeconds`, not the usual backoff. */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly delaySeconds: number,
  ) {
    super(message);
  }
}
