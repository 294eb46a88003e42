import { and, eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../../../db/schema/index';
import { photos } from '../../../db/schema/index';
import { refundCredits } from '../../billing/credit-ledger';
import type { PipelineMessage } from '../../../core/jobs/messages';
import { recognitionReference } from '../../recognition/paid-reading';

const GAVE_UP = 'kept failing after several attempts; it can be retried later';

/**
 * Dead-letter consumer: a message that exhausted its retries records a readable failure, unless
 * the work reached a final state meanwhile. A failed bib read leaves the photo itself `ready`.
 */
export async function markFailed(env: Env, message: PipelineMessage): Promise<void> {
  const db = drizzle(env.DB, { schema });
  const now = new Date();
  if (message.type === 'credits.granted') return; // nothing to mark: the next grant resumes the photos
  if (message.type === 'photo.recognise') {
    await db
      .update(photos)
      .set({ recognition: 'failed', recognitionNote: `Reading ${GAVE_UP}; its credit was refunded`, updatedAt: now })
      .where(and(eq(photos.id, message.photoId), eq(photos.recognition, 'queued')));
    // Once, and never after the reading was committed (see workers/shared/billing/credits.ts).
    await refundCredits(db, message.workspaceId, recognitionReference(message.photoId));
    return;
  }
  await db
    .update(photos)
    .set({ status: 'failed', errorCode: 'PROCESSING_FAILED', errorMessage: `Processing ${GAVE_UP}`, updatedAt: now })
    .where(and(eq(photos.id, message.photoId), inArray(photos.status, ['uploaded', 'processing'])));
  // A variants run that reserved the reading and then kept failing must not keep the credit.
  await refundCredits(db, message.workspaceId, recognitionReference(message.photoId));
}
