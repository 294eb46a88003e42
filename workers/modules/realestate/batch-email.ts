/**
 * The email that closes a batch of transformations: when the last of a batch of two or more
 * finishes (done or failed), the workspace owner hears how many are done and how many failed
 * (refunded), with a link to the property. Deduplicated on the batch, so the concurrent last two
 * jobs or a redelivery send one email.
 */
import { count, eq } from 'drizzle-orm';
import { albums, transformations } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { loadConfig } from '../../core/config';
import { queueEmail } from '../notifications/outbox';
import { ownerEmail } from '../notifications/pipeline-emails';

export async function notifyIfBatchFinished(env: Env, db: Db, batchId: string) {
  const counts = await db.select({ status: transformations.status, albumId: transformations.albumId, workspaceId: transformations.workspaceId, n: count() })
    .from(transformations)
    .where(eq(transformations.batchId, batchId))
    .groupBy(transformations.status, transformations.albumId, transformations.workspaceId);
  const n = (status: string) => counts.filter((c) => c.status === status).reduce((sum, c) => sum + c.n, 0);
  const total = counts.reduce((sum, c) => sum + c.n, 0);
  if (total < 2 || n('done') + n('failed') < total) return;
  const { albumId, workspaceId } = counts[0]!;
  const [album, to] = await Promise.all([db.select({ title: albums.title }).from(albums).where(eq(albums.id, albumId)).get(), ownerEmail(db, workspaceId)]);
  if (!album || !to) return;
  const propertyUrl = `${loadConfig(env).publicOrigin}/albums/${albumId}`;
  const email = { template: 'transformations_finished' as const, propertyTitle: album.title, done: n('done'), failed: n('failed'), propertyUrl };
  await queueEmail(db, env.EMAIL_QUEUE, `transform-batch:${batchId}`, to, email);
}
