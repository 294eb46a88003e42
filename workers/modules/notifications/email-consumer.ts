/**
 * The email queue consumer: sends one outbox row through Resend (the stand-in locally, same SDK
 * calls). Resend's `Idempotency-Key` is the row id, so a send retried after a lost answer is
 * still one email. Transient failures retry with backoff; a refusal (4xx) marks the row failed.
 */
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { Resend } from 'resend';
import { loadConfig } from '../../core/config';
import * as schema from '../../db/schema/index';
import { emailOutbox, type EmailRow } from '../../db/schema/index';
import type { EmailMessage } from '../../core/jobs/messages';

/** Not worth retrying: Resend refused the message itself. */
class EmailRefused extends Error {}

async function deliver(env: Env, row: EmailRow): Promise<string> {
  const config = loadConfig(env).email;
  if (!config) throw new Error('RESEND_API_KEY is not set: the email stays in the outbox');
  const resend = new Resend(config.apiKey, config.apiUrl ? { baseUrl: config.apiUrl } : undefined);
  const { data, error } = await resend.emails.send(
    { from: config.from, to: [row.to], subject: row.subject, html: row.html, text: row.text },
    { idempotencyKey: row.id },
  );
  if (error) {
    const permanent = error.statusCode !== null && error.statusCode >= 400 && error.statusCode < 500 && error.statusCode !== 429;
    throw permanent ? new EmailRefused(`${error.name}: ${error.message}`) : new Error(`${error.name}: ${error.message}`);
  }
  return data.id;
}

export async function sendOutboxEmail(env: Env, emailId: string): Promise<void> {
  const db = drizzle(env.DB, { schema });
  const row = await db.select().from(emailOutbox).where(eq(emailOutbox.id, emailId)).get();
  if (!row || row.status !== 'pending') return; // sent already (redelivery) or given up
  try {
    const providerId = await deliver(env, row);
    await db
      .update(emailOutbox)
      .set({ status: 'sent', providerId, sentAt: new Date(), attempts: sql`${emailOutbox.attempts} + 1`, lastError: null })
      .where(eq(emailOutbox.id, emailId));
  } catch (err) {
    const failed = err instanceof EmailRefused;
    await db
      .update(emailOutbox)
      .set({ attempts: sql`${emailOutbox.attempts} + 1`, lastError: String((err as Error).message).slice(0, 500), ...(failed && { status: 'failed' as const }) })
      .where(eq(emailOutbox.id, emailId));
    if (!failed) throw err;
  }
}

/** 5 s, 10 s, 20 s, ... up to 5 min. */
const backoff = (attempts: number) => Math.min(300, 5 * 2 ** Math.max(0, attempts - 1));

export async function emailQueue(batch: MessageBatch<EmailMessage>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    try {
      await sendOutboxEmail(env, message.body.emailId);
      message.ack();
    } catch (err) {
      console.error(JSON.stringify({ queue: batch.queue, message: message.body, attempts: message.attempts, error: String(err) }));
      message.retry({ delaySeconds: backoff(message.attempts) });
    }
  }
}
