/**
 * From a photo to its studio image: the cutout (the stored one, or the engine's), the plate's
 * box from the reading, the compose step, then the 1600 px WebP and its thumbnail.
 */
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import { albums, photos, photoTags, workspaces, type CutoutInfo, type Photo } from '../../../db/schema/index';
import type { StudioOptions } from '../../../shared/enums';
import { photoKeys } from '../../../shared/r2-keys';
import type { Db } from '../../../core/db/client';
import { PermanentJobError } from '../../../core/jobs/job';
import { copyIntoWasm, decoderMemoryBytes, freeInWasm } from '../../media/codecs/jpegdec';
import { decodePng } from '../../media/codecs/png';
import { encodeWebp, webpMemoryBytes } from '../../media/codecs/webp';
import { fitWithin, LIMITS } from '../../media/limits';
import { resizedCopy } from '../../media/render';
import { cutOut } from '../../recognition/jobs/cutout';
import { backdropOf, renderBackdrop } from './backdrops';
import { composeStudio, EmptyCutoutError, type ComposeInput } from './compose';

type Cutout = { png: Uint8Array; info: Pick<CutoutInfo, 'doubtful' | 'reasons'>; fresh: CutoutInfo | null };

/** The photo's done cutout, else the engine's (then `fresh`: the job keeps it as the photo's cutout). */
async function cutoutOf(env: Env, photo: Photo): Promise<Cutout> {
  // A cutout being made again still has its previous result stored: good enough to compose.
  const stored = photo.cutout ? await env.PHOTOS.get(photoKeys(photo.id).cutout) : null;
  if (stored && photo.cutout) return { png: new Uint8Array(await stored.arrayBuffer()), info: photo.cutout, fresh: null };
  const made = await cutOut(env, photo.id);
  return { png: made.png, info: made.info, fresh: made.info };
}

/** The plate's box (fractions of the web variant) of the photo's best plate tag that has one. */
async function plateBox(db: Db, photoId: string) {
  const tags = await db
    .select({ box: photoTags.box })
    .from(photoTags)
    .where(and(eq(photoTags.photoId, photoId), eq(photoTags.kind, 'plate')))
    .orderBy(desc(photoTags.confidence));
  return tags.find((t) => t.box)?.box ?? null;
}

/** What the `logo` panel says: the album's watermark text when it has one, else the workspace's name. */
async function dealerName(db: Db, photo: Photo) {
  const [album, workspace] = await db.batch([
    db.select({ watermark: albums.watermark }).from(albums).where(eq(albums.id, photo.albumId)),
    db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, photo.workspaceId)),
  ]);
  return album[0]?.watermark?.text || workspace[0]?.name || '';
}

/** An empty mask can never be composed: a permanent failure (refunded), not a retry. */
function composeOrRefuse(input: ComposeInput) {
  try {
    return composeStudio(input);
  } catch (err) {
    throw err instanceof EmptyCutoutError ? new PermanentJobError(err.message) : err;
  }
}

export type StudioRender = {
  web: { bytes: Uint8Array; width: number; height: number };
  thumb: Uint8Array;
  doubtful: boolean;
  reasons: string[];
  /** A cutout made on the way, to store as the photo's own. */
  freshCutout: { png: Uint8Array; info: CutoutInfo } | null;
  peakWasmBytes: number;
};

/** Renders the studio image of `photo` with `options`; throws by the job rule. */
export async function renderStudio(env: Env, db: Db, photo: Photo, options: StudioOptions): Promise<StudioRender> {
  const cutout = await cutoutOf(env, photo);
  const [box, label] = await Promise.all([plateBox(db, photo.id), dealerName(db, photo)]);
  const pixels = decodePng(cutout.png);
  const size = fitWithin(pixels.width, pixels.height, LIMITS.webEdge);
  const backdrop = renderBackdrop(options.backdrop, size.width, size.height);
  const composed = composeOrRefuse({
    cutout: pixels,
    backdrop: { data: new Uint8Array(backdrop.data.buffer, backdrop.data.byteOffset, backdrop.data.byteLength), width: size.width, height: size.height },
    floor: backdropOf(options.backdrop).floor,
    options,
    plate: { box, label },
  });
  const thumbSize = fitWithin(composed.width, composed.height, LIMITS.thumbEdge);
  const inWasm = copyIntoWasm(composed.data, composed.width, composed.height);
  const thumbPixels = resizedCopy(inWasm, thumbSize.width, thumbSize.height);
  freeInWasm(inWasm);
  const reasons = [...cutout.info.reasons];
  if (options.plate !== 'keep' && !box) reasons.push(`no plate was located on this photo, so it could not be ${options.plate === 'blur' ? 'blurred' : 'covered'}`);
  return {
    web: { bytes: await encodeWebp(composed.data, composed.width, composed.height, LIMITS.webpQuality), width: composed.width, height: composed.height },
    thumb: await encodeWebp(thumbPixels, thumbSize.width, thumbSize.height, LIMITS.webpQuality),
    doubtful: cutout.info.doubtful || reasons.length > cutout.info.reasons.length,
    reasons,
    freshCutout: cutout.fresh ? { png: cutout.png, info: cutout.fresh } : null,
    peakWasmBytes: decoderMemoryBytes() + (await webpMemoryBytes()),
  };
}

/** Keeps a cutout made by the studio as the photo's cutout, unless a cutout job is under way. */
export function freshCutoutUpdate(db: Db, photoId: string, info: CutoutInfo) {
  return db
    .update(photos)
    .set({ cutout: info, cutoutStatus: 'done', cutoutNote: null })
    .where(and(eq(photos.id, photoId), or(isNull(photos.cutoutStatus), eq(photos.cutoutStatus, 'failed'))));
}
