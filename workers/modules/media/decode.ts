/**
 * Turns an original in R2 into pixels at (at least) web size, choosing the cheapest path that
 * fits in a Worker: DCT-scaled streaming decode for JPEG, whole decode for small PNG/WebP, and
 * Cloudflare Images for the rest. Also yields the SHA-256 of the original, read in the same pass.
 */
import { copyIntoWasm, decodeJpeg, freeInWasm, JpegDecodeError, type WasmImage } from './codecs/jpegdec';
import { decodePng } from './codecs/png';
import { decodeWebp } from './codecs/webp';
import { HashingReader } from './hashing-reader';
import { readExif } from './image/exif';
import { assertSaneDimensions, LIMITS, RejectError } from './limits';
import type { Probe } from './probe';

export type Decoded = {
  image: WasmImage;
  /** Of the original as stored (before orientation), not of the scaled decode. */
  original: { width: number; height: number };
  orientation: number;
  takenAt: string | null;
  camera: string | null;
  sha256: string;
  /** Frees the decoder's buffers (the image included). */
  release(): void;
};

type Source = { bucket: R2Bucket; key: string; images: ImagesBinding };

type Size = { width: number; height: number };

/**
 * Thrown inside the JPEG path when the file needs more memory than the decoder may take. Carries
 * the size the decoder read from the SOF: the probe's 128 KB may end before it (big ICC profiles).
 */
class NeedsFallback extends Error {
  constructor(
    reason: string,
    readonly size?: Size,
  ) {
    super(reason);
  }
}

const exifFacts = (app1: Uint8Array | null | undefined) => {
  const exif = app1 ? readExif(app1) : null;
  const camera = [exif?.make, exif?.model].filter(Boolean).join(' ') || null;
  return { orientation: exif?.orientation ?? 1, takenAt: exif?.takenAt ?? null, camera };
};

async function openOriginal({ bucket, key }: Source): Promise<HashingReader> {
  const object = await bucket.get(key);
  if (!object) throw new RejectError('ORIGINAL_MISSING', 'The original is no longer in storage');
  return new HashingReader(object.body);
}

async function decodeJpegStreaming(source: Source, probe: Probe): Promise<Decoded> {
  const reader = await openOriginal(source);
  try {
    const jpeg = await decodeJpeg(reader.chunks(), {
      minLongEdge: LIMITS.webEdge,
      maxMemory: LIMITS.jpegMaxMemory,
      onHeader: (header) => {
        assertSaneDimensions(header.width, header.height);
        if (header.components === 4) throw new NeedsFallback('CMYK', header);
        if (header.progressive && header.coefficientBytes > LIMITS.jpegMaxMemory * 0.9) throw new NeedsFallback('progressive', header);
      },
    });
    if (jpeg.truncated) {
      jpeg.release();
      throw new RejectError('TRUNCATED_IMAGE', 'The file ends before the image does (an interrupted copy?); upload it again');
    }
    const sha256 = await reader.finish();
    return { image: jpeg, original: { width: jpeg.header.width, height: jpeg.header.height }, ...exifFacts(jpeg.exif ?? probe.exif), sha256, release: jpeg.release };
  } catch (err) {
    await reader.cancel().catch(() => {});
    if (err instanceof JpegDecodeError && /backing store|color conversion/i.test(err.message)) throw new NeedsFallback(err.message);
    if (err instanceof JpegDecodeError) throw new RejectError('CORRUPT_IMAGE', `The JPEG could not be decoded: ${err.message}`);
    throw err;
  }
}

async function decodeWhole(source: Source, probe: Probe): Promise<Decoded> {
  const reader = await openOriginal(source);
  const bytes = await reader.readAll();
  const sha256 = await reader.finish();
  let decoded: { data: Uint8Array; width: number; height: number };
  try {
    decoded = probe.type === 'image/png' ? decodePng(bytes) : await decodeWebp(bytes);
  } catch (err) {
    throw new RejectError('CORRUPT_IMAGE', `The ${probe.type} could not be decoded: ${(err as Error).message}`);
  }
  const image = copyIntoWasm(decoded.data, decoded.width, decoded.height);
  return { image, original: { width: image.width, height: image.height }, orientation: 1, takenAt: null, camera: null, sha256, release: () => freeInWasm(image) };
}

/**
 * The original's size for the Images path: the probe's, else the decoder's header, else what
 * Images reads from the whole file. Never zeros: a photo with unknown dimensions would be sold
 * as a "1600 px" download at full size.
 */
async function originalSize(source: Source, probe: Probe, fromDecoder?: Size): Promise<Size> {
  let size: Size = probe.width > 0 && probe.height > 0 ? probe : (fromDecoder ?? { width: 0, height: 0 });
  if (!(size.width > 0 && size.height > 0)) {
    const object = await source.bucket.get(source.key);
    if (!object) throw new RejectError('ORIGINAL_MISSING', 'The original is no longer in storage');
    const info = await source.images.info(object.body).catch(() => null);
    size = info && 'width' in info ? info : { width: 0, height: 0 };
  }
  assertSaneDimensions(size.width, size.height);
  return { width: size.width, height: size.height };
}

/**
 * Cloudflare Images shrinks what the Worker must not decode itself into a baseline JPEG,
 * which then takes the normal path. Images drops EXIF, so the orientation read from the
 * original's header is carried over.
 */
async function decodeViaImages(source: Source, probe: Probe, fromDecoder?: Size): Promise<Decoded> {
  const size = await originalSize(source, probe, fromDecoder);
  const hashing = await openOriginal(source);
  const sha256 = await hashing.finish();
  const original = await source.bucket.get(source.key);
  if (!original) throw new RejectError('ORIGINAL_MISSING', 'The original is no longer in storage');
  const landscape = size.width >= size.height;
  // Never upscaled: a small original's web variant is its own size, as on the other paths.
  const transform = landscape ? { width: Math.min(LIMITS.fallbackEdge, size.width) } : { height: Math.min(LIMITS.fallbackEdge, size.height) };
  let body: ReadableStream<Uint8Array>;
  try {
    const result = await source.images.input(original.body).transform(transform).output({ format: 'image/jpeg', quality: 92 });
    body = result.image();
  } catch (err) {
    throw new RejectError('CORRUPT_IMAGE', `The image could not be read: ${(err as Error).message}`);
  }
  const jpeg = await decodeJpeg(body, { minLongEdge: LIMITS.webEdge, maxMemory: LIMITS.jpegMaxMemory });
  return { image: jpeg, original: size, ...exifFacts(probe.exif), sha256, release: jpeg.release };
}

/** Decodes the original at web size or a bit more, by the path its probe calls for. */
export async function decodeOriginal(source: Source, probe: Probe): Promise<Decoded> {
  if (probe.type === 'image/jpeg') {
    try {
      return await decodeJpegStreaming(source, probe);
    } catch (err) {
      if (err instanceof NeedsFallback) return decodeViaImages(source, probe, err.size);
      throw err;
    }
  }
  assertSaneDimensions(probe.width, probe.height);
  if (probe.width * probe.height <= LIMITS.fullDecodeMaxPixels) return decodeWhole(source, probe);
  return decodeViaImages(source, probe);
}
