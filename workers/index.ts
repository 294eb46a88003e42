import { drizzle } from 'drizzle-orm/d1';
import type { EmailMessage, PipelineMessage } from './shared/messages';
import * as schema from './shared/db/schema';
import { app } from './api/app';
import { emailQueue } from './email/consumer';
import { requeueStale } from './email/outbox';
import { queue as pipelineQueue } from './pipeline';
import { DEFAULT_STALE_AFTER_MS, requeueStuckPhotos } from './pipeline/sweep';

type QueueMessage = PipelineMessage | EmailMessage;

/** Each queue has its consumer: the email outbox, or the photo pipeline (image work, reading, and their dead letters). */
async function queue(batch: MessageBatch<QueueMessage>, env: Env): Promise<void> {
  if (batch.queue === 'vitrine-emails') return emailQueue(batch as MessageBatch<EmailMessage>, env);
  return pipelineQueue(batch as MessageBatch<PipelineMessage>, env);
}

/** Cron: outbox emails and photos whose queue message was lost are queued again. */
async function scheduled(_controller: ScheduledController, env: Env): Promise<void> {
  await requeueStale(drizzle(env.DB, { schema }), env.EMAIL_QUEUE);
  await requeueStuckPhotos(env, Number(env.PIPELINE_STALE_AFTER_SECONDS) * 1000 || DEFAULT_STALE_AFTER_MS);
}

export default { fetch: app.fetch, queue, scheduled } satisfies ExportedHandler<Env, QueueMessage>;
