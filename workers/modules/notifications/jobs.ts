/** Notifications' job: send one row of the email outbox (the `vitrine-emails` queue). */
import { defineJobs } from '../../core/jobs/job';
import { markEmailFailed, sendOutboxEmail } from './email-consumer';
import { requeueStale } from './outbox';
import { createDb } from '../../core/db/client';

export type EmailSend = { type: 'email.send'; emailId: string };

export type NotificationMessage = EmailSend;

// The queue has no dead-letter queue: an email that ran out of retries stays `pending` in the
// outbox and the sweep queues it again; `deadLetter` runs for a refusal (PermanentJobError).
export const notificationJobs = defineJobs<NotificationMessage>()({
  'email.send': {
    queue: 'EMAIL_QUEUE',
    run: (env, message) => sendOutboxEmail(env, message.emailId),
    deadLetter: (env, message, reason) => markEmailFailed(env, message.emailId, reason),
  },
});

export const notificationSweeps = { staleEmails: (env: Env) => requeueStale(createDb(env.DB), env) };
