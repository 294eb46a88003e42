import { eq } from 'drizzle-orm';
import { photos, type CutoutInfo } from '../../db/schema/index';
import { photoKeys } from '../../shared/r2-keys';
import { plateCandidates } from './plates';
import { cutoutFor, textReaderFor } from '../../integrations/vision/providers';
import { relativeBox } from './reading-tags';
import { VisionUnavailableError } from '../../integrations/vision/types';
import type { Db } from '../../core/http/app-env';
import { AppError } from '../../core/errors';
import { CREDIT_PRICES } from '../../shared/billing/catalogue';
import { commitStatement, refundCredits, reserveCredits } from '../billing/credit-ledger';
import { auditInsert, type Actor } from '../../core/audit';
import { getPhoto } from '../albums/photos';

/** The 1600 px web variant of a ready photo: what vision reads (never the 50 MB original). */
async function webVariant(db: Db, bucket: R2Bucket, workspaceId: string, photoId: string) {
  const photo = await getPhoto(db, workspaceId, photoId);
  const object = photo.status === 'ready' ? await bucket.get(photoKeys(photo.id).web) : null;
  if (!object) throw new AppError('PHOTO_NOT_READY', 'The photo is not processed yet; try again when it is ready');
  return { photo, bytes: new Uint8Array(await object.arrayBuffer()) };
}

async function visionCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof VisionUnavailableError) throw new AppError('SERVICE_UNAVAILABLE', 'The vision service is unavailable; retry shortly');
    throw new AppError('UNSUPPORTED_TYPE', `The image could not be read: ${(err as Error).message}`);
  }
}

type Image = { bytes: Uint8Array; type: string };

/** Reads the plate in a photo (by id) or in an image sent with the request. */
export async function readPlate(db: Db, env: Env, workspaceId: string, source: { photoId: string } | Image) {
  const image = 'photoId' in source ? { bytes: (await webVariant(db, env.PHOTOS, workspaceId, source.photoId)).bytes, type: 'image/webp' } : source;
  const reading = await visionCall(() => textReaderFor(env).readText(image.bytes, image.type));
  const candidates = plateCandidates(reading.texts).map((c) => ({ ...c, box: relativeBox(reading, c.box) }));
  const [best] = candidates;
  return {
    plate: best?.plate ?? null,
    normalized: best?.normalized ?? null,
    format: best?.format ?? null,
    confidence: best?.confidence ?? null,
    candidates,
  };
}

/**
 * Cuts the subject out of a photo into `cutout.png` (RGBA) and says when the mask looks wrong:
 * too small (it picked the plate, not the car), nearly everything, or running off the edges.
 */
export async function cutoutPhoto(db: Db, env: Env, actor: Actor, photoId: string) {
  const { photo, bytes } = await webVariant(db, env.PHOTOS, actor.workspaceId, photoId);
  // An AI transform is paid: reserved before, refunded if the engine fails, committed with the result.
  const reference = `cutout:${photo.id}:${actor.requestId}`;
  if (!(await reserveCredits(db, actor.workspaceId, CREDIT_PRICES.cutout, reference))) {
    throw new AppError('INSUFFICIENT_CREDITS', `A cutout costs ${CREDIT_PRICES.cutout} credits; buy credits or subscribe`);
  }
  const result = await visionCall(() => cutoutFor(env).cutout(bytes, 'image/webp')).catch(async (err) => {
    await refundCredits(db, actor.workspaceId, reference);
    throw err;
  });
  const reasons = [
    ...(result.subjectArea < 0.08 ? ['the subject covers under 8% of the photo: maybe a detail (plate, logo) was kept, not the vehicle'] : []),
    ...(result.subjectArea > 0.95 ? ['almost nothing was removed'] : []),
    ...(result.touchesBorder ? ['the subject runs off the edges of the photo'] : []),
  ];
  const info: CutoutInfo = { subjectArea: result.subjectArea, touchesBorder: result.touchesBorder, doubtful: reasons.length > 0, reasons, createdAt: new Date().toISOString() };
  await env.PHOTOS.put(photoKeys(photo.id).cutout, result.png, { httpMetadata: { contentType: 'image/png' } });
  await db.batch([
    db.update(photos).set({ cutout: info, updatedAt: new Date() }).where(eq(photos.id, photo.id)),
    auditInsert(db, { ...actor, action: 'photo.cutout', targetType: 'photo', targetId: photo.id, data: { doubtful: info.doubtful } }),
    commitStatement(db, actor.workspaceId, reference),
  ]);
  return { ...info, url: `/v1/photos/${photo.id}/cutout.png` };
}
