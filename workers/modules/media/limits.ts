/** The numbers the pipeline is designed around (a Worker isolate has 128 MB in all). */
export const LIMITS = {
  /** Refused before decoding: above this it is a decompression bomb, not a photo. */
  maxPixels: 100_000_000,
  maxAspect: 20,
  webEdge: 1600,
  thumbEdge: 400,
  webpQuality: 80,
  /**
   * Cap on libjpeg's own allocations. Baseline JPEGs of any size stay ~20 MB; a progressive
   * JPEG keeps every DCT coefficient (w*h*3 bytes at 4:2:0), so above ~12 MP it needs the
   * Images fallback instead of a crash.
   */
  jpegMaxMemory: 48 * 1024 * 1024,
  /** PNG and WebP cannot be downscaled while decoding: decoded whole only up to this. */
  fullDecodeMaxPixels: 8_000_000,
  /** What the Images fallback hands back: a baseline JPEG this big on its long edge. */
  fallbackEdge: 2048,
  /** Hamming distance of perceptual hashes under which two photos are near duplicates. */
  nearDuplicateDistance: 5,
} as const;

/** A permanent verdict on the input: the photo becomes `rejected` with this code and reason. */
export class RejectError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Guards dimensions read from a header, before a single pixel is decoded. */
export function assertSaneDimensions(width: number, height: number): void {
  if (width <= 0 || height <= 0) throw new RejectError('CORRUPT_IMAGE', 'The image header has no usable dimensions');
  if (width * height > LIMITS.maxPixels) {
    const mp = Math.round((width * height) / 1e6);
    throw new RejectError('IMAGE_TOO_LARGE', `${width}x${height} (${mp} MP) is over the ${LIMITS.maxPixels / 1e6} MP limit`);
  }
  if (Math.max(width, height) / Math.min(width, height) > LIMITS.maxAspect) {
    throw new RejectError('ABSURD_DIMENSIONS', `${width}x${height} is not a photo's shape (over ${LIMITS.maxAspect}:1)`);
  }
}

/** Dimensions that fit within `edge` on the long side, never upscaled. */
export function fitWithin(width: number, height: number, edge: number): { width: number; height: number } {
  const scale = Math.min(1, edge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
