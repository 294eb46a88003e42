/**
 * Bib/plate reading is paid work: one credit per photo, reserved before the `photo.recognise`
 * message is sent, committed with the tags, refunded if the reading finally fails. Without
 * credits a photo waits as `awaiting_credits` (ready and visible, just not read) until credits
 * are granted and `credits.granted` resumes it.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { drizzle } from 'drizzle-orm/d1';
import { CREDIT_PRICES } from '../../shared/billing/catalogue';
import { reserveCredits } from '../billing/credit-ledger';
import * as schema from '../../db/schema/index';
import { photos } from '../../db/schema/index';
import type { ReadingMessage } from '../../core/jobs/messages';

type Db = DrizzleD1Database<typeof schema>;

/** The ledger reference of one photo's reading: one reservation per photo, ever. */
export const recognitionReference = (photoId: string) => `recognise:${photoId}`;

export const AWAITING_CREDITS_NOTE = 'waiting for credits: buy credits or subscribe and it resumes';

/** Reserves the reading's credit; safe to call again for the same photo (no second debit). */
export const reserveRecognition = (db: Db, workspaceId: string, photoId: string) =>
  reserveCredits(db, workspaceId, CREDIT_PRICES.recognition, recognitionReference(photoId));

const RESUME_PAGE = 200;

/**
 * `credits.granted`: photos waiting for credits are reserved and queued, oldest first, until the
 * balance runs out again. Each step is idempotent (the reservation is per photo, the status
 * change conditional), so a redelivered message or a crash halfway does no harm.
 */
export async function resumeAwaitingRecognition(env: Env, workspaceId: string): Promise<void> {
  const db = drizzle(env.DB, { schema });
  for (;;) {
    const waiting = await db
      .select({ id: photos.id })
      .from(photos)
      .where(and(eq(photos.workspaceId, workspaceId), eq(photos.recognition, 'awaiting_credits')))
      .orderBy(asc(photos.createdAt), asc(photos.id))
      .limit(RESUME_PAGE);
    for (const { id } of waiting) {
      if (!(await reserveRecognition(db, workspaceId, id))) return;
      const moved = await db
        .update(photos)
        .set({ recognition: 'queued', recognitionNote: null, updatedAt: new Date() })
        .where(and(eq(photos.id, id), eq(photos.recognition, 'awaiting_credits')))
        .returning({ id: photos.id });
      if (moved.length) await env.READING_QUEUE.send({ type: 'photo.recognise', photoId: id, workspaceId } satisfies ReadingMessage);
    }
    if (waiting.length < RESUME_PAGE) return;
  }
}
