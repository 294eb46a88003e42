/**
 * Raster primitives shared by the measurements in this folder (hash, blur, placeholder): luma
 * and area-average resampling on plain typed arrays. Pure and allocation-light, for workerd.
 */

/** Rec. 601 luma weights: what "grayscale" means for pHash and the blur score alike. */
const LUMA_R = 0.299;
const LUMA_G = 0.587;
const LUMA_B = 0.114;

/** One luma value (0..255, unrounded) per pixel of an RGBA buffer; alpha is ignored (photos are opaque). */
export function toLuma(rgba: Uint8Array, width: number, height: number): Float32Array {
  const luma = new Float32Array(width * height);
  for (let i = 0, j = 0; i < luma.length; i++, j += 4) {
    luma[i] = LUMA_R * rgba[j]! + LUMA_G * rgba[j + 1]! + LUMA_B * rgba[j + 2]!;
  }
  return luma;
}

/** Which source samples an output sample covers along one axis, and how much of each. */
type Span = { first: number; weights: number[] };

function spans(from: number, to: number): Span[] {
  const step = from / to;
  return Array.from({ length: to }, (_, i) => {
    const start = i * step;
    const end = start + step;
    const first = Math.floor(start);
    const weights: number[] = [];
    for (let p = first; p < end && p < from; p++) weights.push((Math.min(end, p + 1) - Math.max(start, p)) / step);
    return { first, weights };
  });
}

/**
 * Resamples interleaved samples (`channels` per pixel) to `toWidth` x `toHeight`, each output
 * pixel the coverage-weighted mean of the source area under it. Unlike point sampling this
 * cannot alias a fine texture into a false pattern, which is what the hashes need.
 * Works both ways (upsampling degenerates to nearest neighbour) and is separable: x, then y.
 */
export function areaAverage(
  source: ArrayLike<number>,
  width: number,
  height: number,
  channels: number,
  toWidth: number,
  toHeight: number,
): Float32Array {
  const rows = new Float32Array(toWidth * height * channels);
  spans(width, toWidth).forEach(({ first, weights }, x) => {
    for (let y = 0; y < height; y++) {
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let k = 0; k < weights.length; k++) sum += weights[k]! * source[((y * width) + first + k) * channels + c]!;
        rows[(y * toWidth + x) * channels + c] = sum;
      }
    }
  });
  const out = new Float32Array(toWidth * toHeight * channels);
  spans(height, toHeight).forEach(({ first, weights }, y) => {
    for (let i = 0; i < toWidth * channels; i++) {
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += weights[k]! * rows[(first + k) * toWidth * channels + i]!;
      out[y * toWidth * channels + i] = sum;
    }
  });
  return out;
}
