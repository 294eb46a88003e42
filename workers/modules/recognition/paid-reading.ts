/**
 * Bib/plate reading is paid work (core/jobs/paid-work.ts): one credit per photo, reserved before
 * the `photo.recognise` message is sent, committed with the tags, refunded if the reading finally
 * fails. Without credits a photo waits as `awaiting_credits` (ready and visible, just not read)
 * until credits are granted and `credits.granted` resumes it.
 */
import { and, asc, eq } from 'drizzle-orm';
import { photos } from '../../db/schema/index';
import { reserve } from '../../core/jobs/paid-work';
import { enqueue } from '../../jobs';
import { recognitionCost, type PhotoRecognise } from './jobs/index';
import { createDb } from '../../core/db/client';

/** The ledger reference of one photo's reading: one reservation per photo, ever. */
export const recognitionReference = (photoId: string) => `recognise:${photoId}`;

export const AWAITING_CREDITS_NOTE = 'waiting for credits: buy credits or subscribe and it resumes';

const RESUME_PAGE = 200;

/**
 * `credits.granted`: photos waiting for credits are reserved and queued, oldest first, until the
 * balance runs out again. Each step is idempotent (the reservation is per photo, the status
 * change conditional), so a redelivered message or a crash halfway does no harm.
 */
export async function resumeAwaitingRecognition(env: Env, workspaceId: string): Promise<void> {
  const db = createDb(env.DB);
  for (;;) {
    const waiting = await db
      .select({ id: photos.id })
      .from(photos)
      .where(and(eq(photos.workspaceId, workspaceId), eq(photos.recognition, 'awaiting_credits')))
      .orderBy(asc(photos.createdAt), asc(photos.id))
      .limit(RESUME_PAGE);
    for (const { id } of waiting) {
      const reading: PhotoRecognise = { type: 'photo.recognise', photoId: id, workspaceId };
      if (!(await reserve(db, recognitionCost(reading)))) return;
      const moved = await db
        .update(photos)
        .set({ recognition: 'queued', recognitionNote: null, updatedAt: new Date() })
        .where(and(eq(photos.id, id), eq(photos.recognition, 'awaiting_credits')))
        .returning({ id: photos.id });
      if (moved.length) await enqueue(env, reading);
    }
    if (waiting.length < RESUME_PAGE) return;
  }
}
