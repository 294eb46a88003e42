import { drizzle } from 'drizzle-orm/d1';
import type { EmailMessage, PipelineMessage } from './core/jobs/messages';
import * as schema from './db/schema/index';
import { app } from './core/http/app';
import { emailQueue } from './modules/notifications/email-consumer';
import { requeueStale } from './modules/notifications/outbox';
import { queue as pipelineQueue } from './core/jobs/consumer';
import { DEFAULT_STALE_AFTER_MS, requeueStuckPhotos } from './modules/media/jobs/sweep';

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
