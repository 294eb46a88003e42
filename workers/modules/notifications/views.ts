/** What the notifications routes answer (zod only, so web/ and tests can import the types). */
import { z } from 'zod';
import { EMAIL_STATUSES } from '../../shared/enums';

const timestamp = z.string().meta({ description: 'ISO 8601', example: '2026-04-12T08:30:00.000Z' });

/** An outbox row as the dev mailbox lists it (without its HTML, which has a page of its own). */
export const outboxEmailView = z
  .object({
    id: z.string().meta({ example: 'eml_abcdefghijklmnopqrstuvwxyz' }),
    dedupeKey: z.string().meta({ example: 'welcome:usr_abcdefghijklmnopqrstuvwxyz' }),
    to: z.string(),
    template: z.string().meta({ example: 'welcome' }),
    subject: z.string(),
    text: z.string(),
    status: z.enum(EMAIL_STATUSES),
    attempts: z.number(),
    providerId: z.string().nullable(),
    lastError: z.string().nullable(),
    sentAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'OutboxEmail' });

export const devMailboxView = z.object({ emails: z.array(outboxEmailView) });

export type OutboxEmailView = z.infer<typeof outboxEmailView>;
