/**
 * The transactional outbox. An email is a D1 row written in the same batch as the change it
 * announces (an order marked paid never lacks its email), then a queue message (id only) asks
 * the consumer to send it. `dedupeKey` makes each email exist once however often the cause
 * repeats (a webhook delivered 100 times is one email). The cron re-queues anything left pending.
 */
import { and, eq, lt } from 'drizzle-orm';
import { emailOutbox } from '../../db/schema/index';
import { newId } from '../../shared/ids';
import { enqueueAll } from '../../jobs';
import type { EmailSend } from './jobs';
import { renderEmail, type EmailTemplate } from './templates';
import type { Db } from '../../core/db/client';


/** An outbox insert (a batch item) and the id to send once the batch committed. */
export function outboxInsert(db: Db, dedupeKey: string, to: string, email: EmailTemplate) {
  const id = newId('eml');
  const rendered = renderEmail(email);
  return { id, statement: db.insert(emailOutbox).values({ id, dedupeKey, to, template: email.template, ...rendered }).onConflictDoNothing() };
}

/** Queues the send of an outbox row that this very call inserted (`changes` of its insert). */
export async function sendQueued(queue: Queue<EmailSend>, emailId: string, inserted: { meta: { changes: number } }) {
  if (inserted.meta.changes === 1) await queue.send({ type: 'email.send', emailId });
}

/** Writes and queues one email on its own (when no other write must go with it). */
export async function queueEmail(db: Db, queue: Queue<EmailSend>, dedupeKey: string, to: string, email: EmailTemplate) {
  const { id, statement } = outboxInsert(db, dedupeKey, to, email);
  await sendQueued(queue, id, await statement);
}

/** Cron: pending emails older than two minutes whose message was lost get queued again. */
export async function requeueStale(db: Db, env: Env) {
  const stale = await db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, 'pending'), lt(emailOutbox.createdAt, new Date(Date.now() - 120_000)), lt(emailOutbox.attempts, 20)))
    .limit(100);
  await enqueueAll(env, stale.map((e) => ({ type: 'email.send' as const, emailId: e.id })));
  return stale.length;
}
