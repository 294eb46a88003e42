/**
 * From a photo to its studio image: the cutout (the stored one, or the engine's), the plate's
 * box from the reading and the dealer's name, then draw.ts; and what makes the image doubtful.
 */
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import { albums, photos, photoTags, workspaces, type CutoutInfo, type Photo } from '../../../db/schema/index';
import type { StudioOptions } from '../../../shared/enums';
import { photoKeys } from '../../../shared/r2-keys';
import type { Db } from '../../../core/db/client';
import { PermanentJobError } from '../../../core/jobs/job';
import { cutOut } from '../../recognition/jobs/cutout';
import { EmptyCutoutError } from './compose';
import { drawStudio, type Drawn } from './draw';

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

export type StudioRender = Drawn & {
  doubtful: boolean;
  reasons: string[];
  /** A cutout made on the way, to store as the photo's own. */
  freshCutout: { png: Uint8Array; info: CutoutInfo } | null;
};

/** Renders the studio image of `photo` with `options`; throws by the job rule. */
export async function renderStudio(env: Env, db: Db, photo: Photo, options: StudioOptions): Promise<StudioRender> {
  const cutout = await cutoutOf(env, photo);
  const [box, label] = await Promise.all([plateBox(db, photo.id), dealerName(db, photo)]);
  let drawn: Drawn;
  try {
    drawn = await drawStudio(cutout.png, options, { box, label });
  } catch (err) {
    // An empty mask can never be composed: a permanent failure (refunded), not a retry.
    throw err instanceof EmptyCutoutError ? new PermanentJobError(err.message) : err;
  }
  const reasons = [...cutout.info.reasons];
  if (options.plate !== 'keep' && !box) reasons.push(`no plate was located on this photo, so it could not be ${options.plate === 'blur' ? 'blurred' : 'covered'}`);
  return {
    ...drawn,
    doubtful: cutout.info.doubtful || reasons.length > cutout.info.reasons.length,
    reasons,
    freshCutout: cutout.fresh ? { png: cutout.png, info: cutout.fresh } : null,
  };
}

/** Keeps a cutout made by the studio as the photo's cutout, unless a cutout job is under way. */
export function freshCutoutUpdate(db: Db, photoId: string, info: CutoutInfo) {
  return db
    .update(photos)
    .set({ cutout: info, cutoutStatus: 'done', cutoutNote: null })
    .where(and(eq(photos.id, photoId), or(isNull(photos.cutoutStatus), eq(photos.cutoutStatus, 'failed'))));
}
