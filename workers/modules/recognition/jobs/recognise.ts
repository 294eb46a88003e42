/**
 * `photo.recognise`: reads the 1600 px web variant (never the original) with the configured
 * text reader and stores bib or plate tags. Runs once per `queued` photo; a redelivery after
 * it is done changes nothing, and people's confirmed or manual tags are never replaced.
 */
import { and, eq, ne, } from 'drizzle-orm';
import { albums, photos, photoTags, startListEntries, workspaces } from '../../../db/schema/index';
import { photoKeys } from '../../../shared/r2-keys';
import { newId } from '../../../shared/ids';
import { textReaderFor } from '../../../integrations/vision/providers';
import { tagsFromReading } from '../reading-tags';
import { commit } from '../../../core/jobs/paid-work';
import { recognitionCost, type PhotoRecognise } from './index';
import { retryWhenBusy } from './vision-busy';
import { createDb } from '../../../core/db/client';
import { contentVersionBump } from '../../albums/content-version';
import { galleryChanged } from '../../albums/gallery-pointer';

/** The photo is not `ready` yet (its variants job is still finishing): try again shortly. */
export class NotReadyYet extends Error {}

export async function recognisePhoto(env: Env, photoId: string): Promise<void> {
  const db = createDb(env.DB);
  const row = await db
    .select({ photo: photos, album: albums, kind: workspaces.kind })
    .from(photos)
    .innerJoin(albums, eq(albums.id, photos.albumId))
    .innerJoin(workspaces, eq(workspaces.id, photos.workspaceId))
    .where(eq(photos.id, photoId))
    .get();
  if (!row || row.photo.recognition === 'done' || row.photo.recognition === 'skipped') return;
  // The message can arrive before the variants batch that says `ready` + `queued`: wait for it.
  if (row.photo.status !== 'ready') throw new NotReadyYet(`photo ${photoId} is ${row.photo.status}`);
  // Only `queued` work holds a reserved credit: `awaiting_credits` is not paid for, `failed` was refunded.
  if (row.photo.recognition !== 'queued') return;

  const web = await env.PHOTOS.get(photoKeys(photoId).web);
  if (!web) throw new NotReadyYet(`web variant of ${photoId} missing`);
  const reader = textReaderFor(env);
  const reading = await reader.readText(new Uint8Array(await web.arrayBuffer()), 'image/webp').catch((err) => {
    throw retryWhenBusy(err);
  });

  const listed = await db.select({ bib: startListEntries.bib }).from(startListEntries).where(eq(startListEntries.albumId, row.album.id));
  const startList = listed.length ? new Set(listed.map((e) => e.bib)) : null;
  const tags = tagsFromReading(row.kind, reading, row.album, startList);
  await db.batch([
    db.delete(photoTags).where(and(eq(photoTags.photoId, photoId), ne(photoTags.source, 'manual'), ne(photoTags.status, 'confirmed'))),
    ...tags.map((tag) => db.insert(photoTags).values({ id: newId('tag'), photoId, albumId: row.album.id, source: reader.source, ...tag })),
    db
      .update(photos)
      .set({ recognition: 'done', recognitionNote: `${tags.length} ${row.kind === 'vehicles' ? 'plate' : 'bib'}(s) read`, updatedAt: new Date() })
      .where(eq(photos.id, photoId)),
    contentVersionBump(db, row.album.id),
    commit(db, recognitionCost({ type: 'photo.recognise', photoId, workspaceId: row.photo.workspaceId })),
  ]);
  galleryChanged(row.album.id);
}

/** The reading finally failed: the photo stays `ready`, its reading says why (the credit is refunded by the runtime). */
export async function markReadingFailed(env: Env, message: PhotoRecognise, reason: string): Promise<void> {
  const db = createDb(env.DB);
  await db
    .update(photos)
    .set({ recognition: 'failed', recognitionNote: `Reading failed (${reason}); its credit was refunded`, updatedAt: new Date() })
    .where(and(eq(photos.id, message.photoId), eq(photos.recognition, 'queued')));
}
