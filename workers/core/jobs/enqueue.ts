import type { JobMap, Message } from './job';

/** Queues take at most 100 messages per sendBatch. */
const SEND_BATCH = 100;

/**
 * `enqueue(env, message)` sends a message through the producer its job declares, so no caller
 * names a queue and a message no job handles does not compile.
 */
export function enqueuer<M extends Message>(jobs: () => JobMap<M>) {
  const producer = (env: Env, type: M['type']): Queue<M> => env[(jobs() as Record<string, { queue: keyof Env }>)[type]!.queue] as Queue<M>;
  return {
    enqueue: async (env: Env, message: M, options?: QueueSendOptions) => {
      await producer(env, message.type).send(message, options);
    },
    /** Many messages, grouped by queue, in batches the Queues API accepts. */
    enqueueAll: async (env: Env, messages: M[]) => {
      const byQueue = new Map<Queue<M>, M[]>();
      for (const m of messages) {
        const queue = producer(env, m.type);
        byQueue.set(queue, [...(byQueue.get(queue) ?? []), m]);
      }
      for (const [queue, group] of byQueue) {
        for (let i = 0; i < group.length; i += SEND_BATCH) await queue.sendBatch(group.slice(i, i + SEND_BATCH).map((body) => ({ body })));
      }
    },
  };
}
