import sharp from 'sharp';
import { VisionError } from './errors';

// sharp uses one thread on glibc by default; inference is serialised (queue.ts), so two are free.
sharp.concurrency(2);

/** An image decoded to packed RGB at the size the engines work on. */
export type WorkImage = {
  /** Packed RGB, 3 bytes a pixel, row after row. */
  data: Buffer;
  width: number;
  height: number;
  /** The upright (EXIF-oriented) size of the image as sent. */
  original: { width: number; height: number };
};

type ImageType = 'jpeg' | 'png' | 'webp';

/** The real type from the magic bytes: a body's Content-Type is not trusted. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

/**
 * Decodes JPEG/PNG/WebP bytes to upright RGB (transparency flattened on white), shrunk to a long
 * edge of at most `longEdge` (never enlarged). Throws `UNSUPPORTED_IMAGE` for anything sharp
 * cannot decode.
 */
export async function decodeImage(bytes: Uint8Array, longEdge: number): Promise<WorkImage> {
  if (!sniffImageType(bytes)) throw new VisionError('UNSUPPORTED_IMAGE', 'The body is not a JPEG, PNG or WebP image');
  try {
    // failOn 'error' keeps photos with a harmless warning (a truncated thumbnail, odd EXIF).
    const meta = await sharp(bytes, { failOn: 'error' }).metadata();
    const swap = (meta.orientation ?? 1) >= 5;
    const original = { width: swap ? meta.height : meta.width, height: swap ? meta.width : meta.height };
    const scale = Math.min(longEdge / Math.max(original.width, original.height), 1);
    const width = Math.max(1, Math.round(original.width * scale));
    const height = Math.max(1, Math.round(original.height * scale));
    const { data, info } = await sharp(bytes, { failOn: 'error' })
      .rotate()
      .resize(width, height, { fit: 'fill' })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`expected 3 channels, got ${info.channels}`);
    return { data, width: info.width, height: info.height, original };
  } catch (err) {
    throw new VisionError('UNSUPPORTED_IMAGE', `The image could not be decoded: ${(err as Error).message}`);
  }
}

/**
 * A region of the upright image as sent, enlarged `scale` times: a second, closer look at small
 * text. `original` is the region's own size, so boxes read on it come back in its pixels.
 */
export async function decodeRegion(bytes: Uint8Array, region: { left: number; top: number; width: number; height: number }, scale: number): Promise<WorkImage> {
  const width = Math.max(1, Math.round(region.width * scale));
  const height = Math.max(1, Math.round(region.height * scale));
  const { data, info } = await sharp(bytes, { failOn: 'error' })
    .rotate()
    .extract(region)
    .resize(width, height, { fit: 'fill', kernel: 'cubic' })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, original: { width: region.width, height: region.height } };
}

/** A small noisy JPEG to run each model once at load. */
export function warmUpImage(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .jpeg()
    .toBuffer();
}
