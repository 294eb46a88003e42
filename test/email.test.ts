import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sendOutboxEmail } from '../workers/modules/notifications/email-consumer';
import { outboxInsert } from '../workers/modules/notifications/outbox';
import { emailOutbox } from '../workers/db/schema/index';
import { testEnv } from './helpers/api';
import { testDb } from './helpers/credits';
import { sentEmails } from './helpers/stripe';

async function outboxRow(to: string) {
  const db = testDb();
  const email = outboxInsert(db, `test:${crypto.randomUUID()}`, to, { template: 'credits_low', balance: 2, awaiting: 5, billingUrl: 'http://vitrine.test/billing' });
  await email.statement;
  return { db, id: email.id };
}

describe('email outbox consumer', () => {
  it('keeps the email pending with its error when Resend is unreachable, and sends it on the retry', async () => {
    const to = `retry-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const { db, id } = await outboxRow(to);
    const down = { ...testEnv, RESEND_API_URL: 'http://127.0.0.1:9' } as Env;
    await expect(sendOutboxEmail(down, id)).rejects.toThrow();
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.any(String) });

    await sendOutboxEmail(testEnv, id);
    await sendOutboxEmail(testEnv, id); // a redelivered message: already sent, nothing happens
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    const mail = await sentEmails(to);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe('Your Vitrine credits are running low');
    expect(mail[0]!.text).toContain('5 photo(s) are waiting');
  });

  it('a send whose answer was lost is not sent twice (Idempotency-Key = outbox id)', async () => {
    const to = `lost-answer-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const { db, id } = await outboxRow(to);
    await sendOutboxEmail(testEnv, id);
    // As if the worker died after Resend accepted the email but before the row said `sent`.
    await db.update(emailOutbox).set({ status: 'pending' }).where(eq(emailOutbox.id, id));
    await sendOutboxEmail(testEnv, id);
    expect(await sentEmails(to)).toHaveLength(1);
  });
});
