import { and, eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { photos } from '../../shared/db/schema';
import type { PipelineMessage } from '../../shared/messages';

/**
 * Dead-letter consumer: a message that exhausted its retries marks its photo `failed`, with a
 * reason the owner can read, unless the photo reached a final state meanwhile.
 */
export async function markFailed(env: Env, message: PipelineMessage): Promise<void> {
  await drizzle(env.DB)
    .update(photos)
    .set({
      status: 'failed',
      errorCode: 'PROCESSING_FAILED',
      errorMessage: 'Processing kept failing after several attempts; it can be retried later',
      updatedAt: new Date(),
    })
    .where(and(eq(photos.id, message.photoId), inArray(photos.status, ['uploaded', 'processing'])));
}
