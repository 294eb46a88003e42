import { and, eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { photos } from '../../shared/db/schema';
import type { PipelineMessage } from '../../shared/messages';

const GAVE_UP = 'kept failing after several attempts; it can be retried later';

/**
 * Dead-letter consumer: a message that exhausted its retries records a readable failure, unless
 * the work reached a final state meanwhile. A failed bib read leaves the photo itself `ready`.
 */
export async function markFailed(env: Env, message: PipelineMessage): Promise<void> {
  const db = drizzle(env.DB);
  const now = new Date();
  if (message.type === 'photo.recognise') {
    await db
      .update(photos)
      .set({ recognition: 'failed', recognitionNote: `Reading ${GAVE_UP}`, updatedAt: now })
      .where(and(eq(photos.id, message.photoId), eq(photos.recognition, 'queued')));
    return;
  }
  await db
    .update(photos)
    .set({ status: 'failed', errorCode: 'PROCESSING_FAILED', errorMessage: `Processing ${GAVE_UP}`, updatedAt: now })
    .where(and(eq(photos.id, message.photoId), inArray(photos.status, ['uploaded', 'processing'])));
}
