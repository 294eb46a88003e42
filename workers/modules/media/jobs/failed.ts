import { and, eq, inArray } from 'drizzle-orm';
import { photos } from '../../../db/schema/index';
import { refund } from '../../../core/jobs/paid-work';
import { recognitionCost } from '../../recognition/jobs/index';
import type { PhotoUploaded } from './index';
import { createDb } from '../../../core/db/client';

/**
 * `photo.uploaded` finally failed: the photo records a readable failure, unless it reached a
 * final state meanwhile.
 */
export async function markPhotoFailed(env: Env, message: PhotoUploaded, reason: string): Promise<void> {
  const db = createDb(env.DB);
  await db
    .update(photos)
    .set({ status: 'failed', errorCode: 'PROCESSING_FAILED', errorMessage: `Processing failed (${reason}); it can be retried later`, updatedAt: new Date() })
    .where(and(eq(photos.id, message.photoId), inArray(photos.status, ['uploaded', 'processing'])));
  const now = await db.select({ status: photos.status }).from(photos).where(eq(photos.id, message.photoId)).get();
  // A variants run that reserved the reading and then kept failing must not keep the credit; a
  // photo that did turn `ready` keeps it (its reading is queued, the sweep sends it again).
  if (now?.status !== 'ready') await refund(db, recognitionCost({ type: 'photo.recognise', photoId: message.photoId, workspaceId: message.workspaceId }));
}
