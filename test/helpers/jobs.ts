import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../workers/index';

/** Runs the Worker's queue handler on a hand-made batch (a delivery, a redelivery, a dead letter). */
export async function deliver(queue: string, bodies: unknown[], withEnv: Env = env, attempts = 1) {
  const batch = createMessageBatch<unknown>(
    queue,
    bodies.map((body, i) => ({ id: `m${i}-${Math.random()}`, timestamp: new Date(), attempts, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, withEnv);
  return getQueueResult(batch, ctx);
}

export const DEAD_LETTERS = 'vitrine-pipeline-dlq';
