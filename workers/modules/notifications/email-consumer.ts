/**
 * `email.send`: sends one outbox row through Resend (the stand-in locally, same SDK calls).
 * Resend's `Idempotency-Key` is the row id, so a send retried after a lost answer is still one
 * email. Every attempt records its error on the row; transient failures are retried with backoff,
 * a refusal (4xx) is a `PermanentJobError` and the row is marked failed (core/jobs/job.ts).
 */
import { eq, sql } from 'drizzle-orm';
import { Resend } from 'resend';
import { loadConfig } from '../../core/config';
import { emailOutbox, type EmailRow } from '../../db/schema/index';
import { PermanentJobError } from '../../core/jobs/job';
import { createDb } from '../../core/db/client';

/**
 * Emails whose row is deleted once sent: the goodbye to an erased account is the last trace of its
 * address, kept only until it has left (privacy/erase-account.ts).
 */
const FORGOTTEN_ONCE_SENT = new Set(['account_deleted']);

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
    throw permanent ? new PermanentJobError(`${error.name}: ${error.message}`) : new Error(`${error.name}: ${error.message}`);
  }
  return data.id;
}

export async function sendOutboxEmail(env: Env, emailId: string): Promise<void> {
  const db = createDb(env.DB);
  const row = await db.select().from(emailOutbox).where(eq(emailOutbox.id, emailId)).get();
  if (row?.status !== 'pending') return; // sent already (redelivery) or given up
  try {
    const providerId = await deliver(env, row);
    if (FORGOTTEN_ONCE_SENT.has(row.template)) {
      await db.delete(emailOutbox).where(eq(emailOutbox.id, emailId));
      return;
    }
    await db
      .update(emailOutbox)
      .set({ status: 'sent', providerId, sentAt: new Date(), attempts: sql`${emailOutbox.attempts} + 1`, lastError: null })
      .where(eq(emailOutbox.id, emailId));
  } catch (err) {
    await db
      .update(emailOutbox)
      .set({ attempts: sql`${emailOutbox.attempts} + 1`, lastError: String((err as Error).message).slice(0, 500) })
      .where(eq(emailOutbox.id, emailId));
    throw err;
  }
}

/** Resend refused the email: it stays in the outbox as `failed`, never sent again. */
export async function markEmailFailed(env: Env, emailId: string, reason: string): Promise<void> {
  const db = createDb(env.DB);
  await db
    .update(emailOutbox)
    .set({ status: 'failed', lastError: reason.slice(0, 500) })
    .where(eq(emailOutbox.id, emailId));
}
