/**
 * What a paid order unlocks, behind an expiring signed link (emailed to the buyer): single
 * originals, or a ZIP **streamed** from R2 one file at a time (client-zip, stored entries, never
 * assembled in memory: an album of hundreds of 10 MB originals goes through a 128 MB isolate),
 * at the original size or 1600 px.
 */
import { downloadZip, predictLength } from 'client-zip';
import { and, asc, eq } from 'drizzle-orm';
import { orderPhotos, orders, photos, type Order, type Photo } from '../../db/schema/index';
import { photoKeys } from '../../shared/r2-keys';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { hmacSign, hmacVerify } from '../../core/crypto/hmac';
import { readExif } from '../media/image/exif';
import { PROBE_BYTES, probeImage } from '../media/probe';

/** Links last 30 days: long enough to come back from a race weekend, short enough to stop sharing. */
export const DOWNLOAD_LINK_TTL_SECONDS = 30 * 24 * 3600;
export const WEB_EDGE = 1600;
type Size = Order['size'];

// Domain-separated from upload signatures, which share the secret.
const signed = (orderId: string, expires: number) => `download\n${orderId}\n${expires}`;

export async function downloadLink(secret: string, origin: string, orderId: string, now = Date.now()) {
  const expires = Math.floor(now / 1000) + DOWNLOAD_LINK_TTL_SECONDS;
  const sig = await hmacSign(secret, signed(orderId, expires));
  return { url: `${origin}/v1/downloads/${orderId}?expires=${expires}&sig=${sig}`, expiresAt: new Date(expires * 1000) };
}

/** The order behind a link: refused when tampered, for another order, expired, or not paid. */
export async function orderFromLink(db: Db, secret: string, orderId: string, link: { expires: number; sig: string }) {
  if (!(await hmacVerify(secret, signed(orderId, link.expires), link.sig))) {
    throw new AppError('DOWNLOAD_LINK_INVALID', 'This download link is not valid');
  }
  if (link.expires * 1000 < Date.now()) throw new AppError('DOWNLOAD_LINK_EXPIRED', 'This download link has expired; ask for a new one');
  const order = await db.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!order) throw new AppError('ORDER_NOT_FOUND', 'No such order');
  if (order.status !== 'paid') throw new AppError('ORDER_NOT_PAID', 'This order is not paid');
  return order;
}

/**
 * What a signed link lists: the order, a ZIP per size it includes and each photo by size, every
 * URL carrying the same signature (a web-size order never lists originals).
 */
export async function downloadManifest(db: Db, secret: string, orderId: string, link: { expires: number; sig: string }) {
  const order = await orderFromLink(db, secret, orderId, link);
  const list = await orderedPhotos(db, order.id);
  const sizes: Size[] = order.size === 'original' ? ['original', 'web'] : ['web'];
  const base = `/v1/downloads/${order.id}`;
  const bySize = (path: string): Partial<Record<Size, string>> =>
    Object.fromEntries(sizes.map((s) => [s, `${base}${path}?expires=${link.expires}&sig=${link.sig}&size=${s}`]));
  return {
    order: { id: order.id, size: order.size, photoCount: list.length, expiresAt: new Date(link.expires * 1000).toISOString() },
    zip: bySize('/zip'),
    photos: list.map((p) => ({
      ...{ id: p.id, name: p.originalName, ...bySize(`/photos/${p.id}`) },
      thumb: { url: `${base}/photos/${p.id}/thumb.webp?expires=${link.expires}&sig=${link.sig}&v=${p.variantsVersion}`, width: p.thumbWidth, height: p.thumbHeight },
    })),
  };
}

/** A web-size pack never unlocks originals. */
export function allowedSize(order: Order, wanted: Size | undefined): Size {
  const size = wanted ?? order.size;
  if (size === 'original' && order.size !== 'original') throw new AppError('FORBIDDEN', 'This order includes the 1600 px size only');
  return size;
}

export async function orderedPhotos(db: Db, orderId: string): Promise<Photo[]> {
  const rows = await db
    .select({ photo: photos })
    .from(orderPhotos)
    .innerJoin(photos, eq(photos.id, orderPhotos.photoId))
    .where(eq(orderPhotos.orderId, orderId))
    .orderBy(asc(photos.sortAt), asc(photos.id));
  return rows.map((r) => r.photo);
}

export async function orderedPhoto(db: Db, orderId: string, photoId: string): Promise<Photo> {
  const row = await db
    .select({ photo: photos })
    .from(orderPhotos)
    .innerJoin(photos, eq(photos.id, orderPhotos.photoId))
    .where(and(eq(orderPhotos.orderId, orderId), eq(orderPhotos.photoId, photoId)))
    .get();
  if (!row) throw new AppError('PHOTO_NOT_FOUND', 'This photo is not part of the order');
  return row.photo;
}

/** The 400 px preview of a bought photo (the gallery's thumbnail), whatever the album's visibility now. */
export async function orderedThumb(bucket: R2Bucket, photo: Photo) {
  const object = await bucket.get(photoKeys(photo.id).thumb);
  if (!object) throw new AppError('PHOTO_NOT_FOUND', 'This photo has no preview');
  return object;
}

const extension = (p: Photo) => ({ 'image/png': 'png', 'image/webp': 'webp' })[p.contentType ?? ''] ?? 'jpg';

/** A stable, unique file name per photo inside the ZIP. */
export const fileName = (p: Photo, size: Size) =>
  `${p.originalName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_').slice(0, 80) || 'photo'}-${p.id.slice(4, 12)}${size === 'web' ? '-1600.jpg' : `.${extension(p)}`}`;

/**
 * Cloudflare Images drops EXIF, so the original's orientation becomes an explicit transform
 * (Images applies `flip` before `rotate`; both clockwise). Cameras write 1, 3, 6, 8; 2/4/5/7 mirror.
 */
const ORIENTATION_FIX: Record<number, { flip?: 'h' | 'v'; rotate?: 90 | 180 | 270 }> = {
  2: { flip: 'h' },
  3: { rotate: 180 },
  4: { flip: 'v' },
  5: { flip: 'h', rotate: 270 },
  6: { rotate: 90 },
  7: { flip: 'h', rotate: 90 },
  8: { rotate: 270 },
};

/** The EXIF orientation of a stored original, from its first bytes (1 when unknown). */
async function orientationOf(bucket: R2Bucket, photo: Photo): Promise<number> {
  const head = await bucket.get(photoKeys(photo.id).original, { range: { offset: 0, length: Math.min(photo.size ?? PROBE_BYTES, PROBE_BYTES) } });
  if (!head) return 1;
  try {
    const probe = probeImage(new Uint8Array(await head.arrayBuffer()));
    return probe.exif ? readExif(probe.exif).orientation : 1;
  } catch {
    return 1;
  }
}

/** One photo's bytes at a size, as a stream: R2 for originals; Cloudflare Images for 1600 px (upright, never upscaled). */
export async function photoStream(env: Env, photo: Photo, size: Size): Promise<{ body: ReadableStream; size?: number; type: string }> {
  const orientation = size === 'web' ? await orientationOf(env.PHOTOS, photo) : 1;
  const original = await env.PHOTOS.get(photoKeys(photo.id).original);
  if (!original) throw new AppError('PHOTO_NOT_FOUND', 'The original of this photo is no longer stored');
  if (size === 'original') return { body: original.body, size: original.size, type: photo.contentType ?? 'image/jpeg' };
  // width/height are the upright dimensions, and Images sizes the upright (rotated) image.
  const width = photo.width ?? 0;
  const height = photo.height ?? 0;
  const resize = Math.max(width, height) > WEB_EDGE ? (width >= height ? { width: WEB_EDGE } : { height: WEB_EDGE }) : {};
  const resized = await env.IMAGES.input(original.body)
    .transform({ ...ORIENTATION_FIX[orientation], ...resize })
    .output({ format: 'image/jpeg', quality: 88 });
  return { body: resized.image(), type: 'image/jpeg' };
}

/**
 * The ZIP of an order, as a stream: each R2 object is opened only when the archive reaches it,
 * so memory holds one chunk at a time. With originals, sizes are known up front and the
 * response gets a Content-Length.
 */
export async function orderZip(env: Env, list: Photo[], size: Size, waitUntil: (work: Promise<unknown>) => void): Promise<Response> {
  async function* entries() {
    for (const photo of list) {
      const file = await photoStream(env, photo, size);
      yield { name: fileName(photo, size), input: file.body, size: file.size, lastModified: photo.uploadedAt ?? photo.createdAt };
    }
  }
  // Originals' sizes are recorded at upload (`complete` checked them), so the archive length is known.
  const length = size === 'original' && list.every((p) => p.size !== null) ? predictLength(list.map((p) => ({ name: fileName(p, size), size: p.size! }))) : undefined;
  const zip = downloadZip(entries(), { length });
  if (length === undefined) return zip;
  // Workers send a streamed body chunked unless it goes through a FixedLengthStream: this is what
  // gives the browser a real progress bar (and lets it refuse a truncated archive).
  const fixed = new FixedLengthStream(Number(length));
  // A failure mid-way ends the body short, which the announced length exposes to the client.
  waitUntil(zip.body!.pipeTo(fixed.writable).catch((err) => console.error(JSON.stringify({ zip: String(err) }))));
  return new Response(fixed.readable, { headers: zip.headers });
}
