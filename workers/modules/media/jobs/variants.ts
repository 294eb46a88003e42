/**
 * `photo.uploaded`: original -> web.webp (1600 px) + thumb.webp (400 px, watermarked), with
 * metadata, quality signals and duplicate detection recorded in D1.
 *
 * Safe to run twice: it re-reads the row, skips finished photos, writes deterministic R2 keys
 * and finishes with one D1 batch.
 */
import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { albums, photos, workspaces, type Album, type Photo, type Workspace, type WorkspaceKind } from '../../../db/schema/index';
import { enqueue } from '../../../jobs';
import { reserve } from '../../../core/jobs/paid-work';
import { watermarkKey } from '../../../shared/watermark';
import { photoKeys } from '../../../shared/r2-keys';
import { decoderMemoryBytes } from '../codecs/jpegdec';
import { webpMemoryBytes } from '../codecs/webp';
import { decodeOriginal } from '../decode';
import { applyOrientation, orientedSize } from '../image/orientation';
import { hammingDistance } from '../image/phash';
import { LIMITS, RejectError } from '../limits';
import { PROBE_BYTES, probeImage } from '../probe';
import { renderVariants, webSized, type Pixels, type Rendered } from '../render';
import { AWAITING_CREDITS_NOTE } from '../../recognition/paid-reading';
import { recognitionCost, type PhotoRecognise } from '../../recognition/jobs/index';
import { notifyIfAlbumFinished, notifyIfCreditsLow } from '../../notifications/pipeline-emails';
import { createDb, type Db } from '../../../core/db/client';
import { contentVersionBump } from '../../albums/content-version';
import { galleryChanged } from '../../albums/gallery-pointer';

/** Finished (`ready`, `rejected`), or not uploaded yet (`pending`): nothing for this job to do. */
const NOTHING_TO_DO: Photo['status'][] = ['ready', 'rejected', 'pending'];

async function probeOriginal(bucket: R2Bucket, key: string) {
  const stored = await bucket.head(key);
  if (!stored) throw new RejectError('ORIGINAL_MISSING', 'The original is no longer in storage');
  if (stored.size === 0) throw new RejectError('UNSUPPORTED_FORMAT', 'The file is empty');
  const head = await bucket.get(key, { range: { offset: 0, length: Math.min(stored.size, PROBE_BYTES) } });
  const probe = probeImage(new Uint8Array(await head!.arrayBuffer()));
  if (!['image/jpeg', 'image/png', 'image/webp'].includes(probe.type)) {
    throw new RejectError('UNSUPPORTED_FORMAT', `${probe.type === 'unknown' ? 'Not an image we can read' : probe.type} — upload JPEG, PNG or WebP`);
  }
  return probe;
}

/** The earliest other photo of the album with the same bytes, and one that looks the same. */
async function findDuplicates(db: Db, photo: Photo, sha256: string, phash: string) {
  const others = await db
    .select({ id: photos.id, sha256: photos.sha256, phash: photos.phash })
    .from(photos)
    .where(and(eq(photos.albumId, photo.albumId), ne(photos.id, photo.id), isNotNull(photos.phash)))
    .orderBy(photos.createdAt, photos.id);
  const exact = others.find((o) => o.sha256 === sha256);
  const near = exact ? undefined : others.find((o) => hammingDistance(o.phash!, phash) <= LIMITS.nearDuplicateDistance);
  return { duplicateOf: exact?.id ?? null, nearDuplicateOf: near?.id ?? null };
}

async function publish(bucket: R2Bucket, photoId: string, rendered: Rendered) {
  const keys = photoKeys(photoId);
  const httpMetadata = { contentType: 'image/webp' };
  await Promise.all([
    bucket.put(keys.web, rendered.web.bytes, { httpMetadata }),
    bucket.put(keys.thumb, rendered.thumb.bytes, { httpMetadata }),
  ]);
}

/**
 * Whether to read bibs/plates: only where a workspace needs them, and never on exact duplicates
 * or blurry shots (the pre-filter before paid AI work).
 */
function recognitionPlan(
  kind: WorkspaceKind,
  duplicateOf: string | null,
  isBlurry: boolean,
): { recognition: Photo['recognition']; recognitionNote: string | null } {
  if (kind !== 'events' && kind !== 'vehicles') return { recognition: null, recognitionNote: null };
  if (duplicateOf) return { recognition: 'skipped' as const, recognitionNote: `exact duplicate of ${duplicateOf}` };
  if (isBlurry) return { recognition: 'skipped' as const, recognitionNote: 'too blurry to read' };
  return { recognition: 'queued' as const, recognitionNote: null };
}

export async function markRejected(db: Db, photoId: string, error: RejectError) {
  await db
    .update(photos)
    .set({ status: 'rejected', errorCode: error.code, errorMessage: error.message, updatedAt: new Date() })
    .where(eq(photos.id, photoId));
}

/** Decodes the original and publishes freshly drawn variants; returns what the row needs. */
async function drawVariants(env: Env, photo: Photo, album: Album) {
  const probe = await probeOriginal(env.PHOTOS, photo.originalKey);
  const decoded = await decodeOriginal({ bucket: env.PHOTOS, key: photo.originalKey, images: env.IMAGES }, probe);
  let web: ReturnType<typeof webSized>;
  try {
    web = webSized(decoded.image);
  } finally {
    decoded.release();
  }
  const rendered = await renderVariants(web, decoded.orientation, album.watermark ?? null);
  await publish(env.PHOTOS, photo.id, rendered);
  return { decoded, rendered };
}

/**
 * The original's pixels at web size, upright and clean: what paid work that makes a new image
 * starts from (the web variant may carry the album's watermark, which would be baked in).
 */
export async function cleanWebPixels(env: Env, originalKey: string): Promise<Pixels> {
  const probe = await probeOriginal(env.PHOTOS, originalKey);
  const decoded = await decodeOriginal({ bucket: env.PHOTOS, key: originalKey, images: env.IMAGES }, probe);
  let web: Pixels;
  try {
    web = webSized(decoded.image);
  } finally {
    decoded.release();
  }
  return applyOrientation(web.data, web.width, web.height, decoded.orientation);
}

const variantFields = (rendered: Rendered, album: Album, started: number) => ({
  webWidth: rendered.web.width,
  webHeight: rendered.web.height,
  thumbWidth: rendered.thumb.width,
  thumbHeight: rendered.thumb.height,
  renderedWith: watermarkKey(album.watermark),
  variantsVersion: sql`${photos.variantsVersion} + 1`,
  processingMs: Date.now() - started,
  updatedAt: new Date(),
});

type Loaded = { db: Db; photo: Photo; album: Album; workspace: Workspace };

async function load(env: Env, photoId: string): Promise<Loaded | null> {
  const db = createDb(env.DB);
  const photo = await db.select().from(photos).where(eq(photos.id, photoId)).get();
  const album = photo && (await db.select().from(albums).where(eq(albums.id, photo.albumId)).get());
  const workspace = photo && (await db.select().from(workspaces).where(eq(workspaces.id, photo.workspaceId)).get());
  return photo && album && workspace ? { db, photo, album, workspace } : null;
}


/**
 * `photo.rerender`: the album's watermark changed. The photo stays `ready` (and visible) while
 * its variants are drawn again under a new version; a photo already drawn with the current
 * watermark is skipped, so a redelivered message does nothing.
 */
export async function rerenderPhoto(env: Env, photoId: string): Promise<void> {
  const loaded = await load(env, photoId);
  if (loaded?.photo.status !== 'ready' || loaded.photo.renderedWith === watermarkKey(loaded.album.watermark)) return;
  const { db, photo, album } = loaded;
  const started = Date.now();
  const { rendered } = await drawVariants(env, photo, album);
  await db.batch([db.update(photos).set(variantFields(rendered, album, started)).where(eq(photos.id, photo.id)), contentVersionBump(db, album.id)]);
  galleryChanged(album.id);
}

const readingOf = (photo: Pick<Photo, 'id' | 'workspaceId'>): PhotoRecognise => ({ type: 'photo.recognise', photoId: photo.id, workspaceId: photo.workspaceId });

/** Runs the variants job for one photo. Throws on transient trouble so the queue retries it. */
export async function processUploadedPhoto(env: Env, photoId: string): Promise<void> {
  const loaded = await load(env, photoId);
  // A rerun after the batch below committed but the reading request was not sent: send it now
  // (the row is the truth; the recognise job runs once per `queued` photo).
  if (loaded?.photo.status === 'ready' && loaded.photo.recognition === 'queued') return enqueue(env, readingOf(loaded.photo));
  if (!loaded || NOTHING_TO_DO.includes(loaded.photo.status)) return; // deleted, done, or not uploaded
  const { db, photo, album, workspace } = loaded;
  await db.update(photos).set({ status: 'processing', updatedAt: new Date() }).where(eq(photos.id, photoId));

  const started = Date.now();
  try {
    const { decoded, rendered } = await drawVariants(env, photo, album);
    const duplicates = await findDuplicates(db, photo, decoded.sha256, rendered.phash);
    let recognition = recognitionPlan(workspace.kind, duplicates.duplicateOf, rendered.isBlurry);
    // Reading is paid: reserve its credit first (a rerun finds the same reservation), or wait for credits.
    if (recognition.recognition === 'queued' && !(await reserve(db, recognitionCost(readingOf(photo))))) {
      recognition = { recognition: 'awaiting_credits' as const, recognitionNote: AWAITING_CREDITS_NOTE };
    }
    if (recognition.recognition === 'queued' || recognition.recognition === 'awaiting_credits') await notifyIfCreditsLow(env, db, photo.workspaceId);
    const oriented = orientedSize(decoded.original.width, decoded.original.height, decoded.orientation);
    await db.batch([
      db
        .update(photos)
        .set({
          status: 'ready',
          errorCode: null,
          errorMessage: null,
          sha256: decoded.sha256,
          width: oriented.width,
          height: oriented.height,
          takenAt: decoded.takenAt,
          camera: decoded.camera,
          phash: rendered.phash,
          blurScore: rendered.blurScore,
          isBlurry: rendered.isBlurry,
          placeholder: rendered.placeholder,
          ...duplicates,
          ...recognition,
          ...variantFields(rendered, album, started),
          peakWasmBytes: decoderMemoryBytes() + (await webpMemoryBytes()),
          sortAt: decoded.takenAt ? new Date(`${decoded.takenAt}Z`) : (photo.uploadedAt ?? photo.createdAt),
        })
        .where(eq(photos.id, photo.id)),
      contentVersionBump(db, album.id),
    ]);
    galleryChanged(album.id);
    // Sent once the row says `ready` + `queued`, so the reading never waits on a retry; if this
    // send fails, the job's retry lands in the branch at the top and sends it again.
    if (recognition.recognition === 'queued') await enqueue(env, readingOf(photo));
    await notifyIfAlbumFinished(env, db, album.id, photo.workspaceId);
  } catch (err) {
    if (err instanceof RejectError) {
      await markRejected(db, photo.id, err);
      return notifyIfAlbumFinished(env, db, album.id, photo.workspaceId); // the album's last photo may be the refused one
    }
    throw err;
  }
}
