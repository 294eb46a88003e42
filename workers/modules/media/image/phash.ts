/**
 * The classic 64-bit DCT perceptual hash, for finding near-duplicate photos: two images that look
 * alike (re-encoded, resized, slightly brightened) differ in a few bits, unrelated ones in ~32.
 */
import { areaAverage, toLuma } from './raster';

/** The hash looks at the image this small: enough for structure, too coarse for noise or detail. */
const SAMPLE = 32;
/** The lowest 8x8 frequencies give the 64 bits. */
const BAND = 8;

/** Orthonormal DCT-II basis for the first BAND frequencies over SAMPLE points: basis[k * SAMPLE + n]. */
const basis = (() => {
  const table = new Float64Array(BAND * SAMPLE);
  for (let k = 0; k < BAND; k++) {
    const scale = Math.sqrt((k === 0 ? 1 : 2) / SAMPLE);
    for (let n = 0; n < SAMPLE; n++) {
      table[k * SAMPLE + n] = scale * Math.cos((Math.PI * (2 * n + 1) * k) / (2 * SAMPLE));
    }
  }
  return table;
})();

/**
 * The top-left BAND x BAND block of the 2D DCT-II of a SAMPLE x SAMPLE image, row-major
 * (vertical frequency, then horizontal). Separable: rows first, then columns, low band only.
 */
function lowFrequencies(image: Float32Array): Float64Array {
  const rows = new Float64Array(SAMPLE * BAND);
  for (let y = 0; y < SAMPLE; y++) {
    for (let u = 0; u < BAND; u++) {
      let sum = 0;
      for (let x = 0; x < SAMPLE; x++) sum += basis[u * SAMPLE + x]! * image[y * SAMPLE + x]!;
      rows[y * BAND + u] = sum;
    }
  }
  const block = new Float64Array(BAND * BAND);
  for (let v = 0; v < BAND; v++) {
    for (let u = 0; u < BAND; u++) {
      let sum = 0;
      for (let y = 0; y < SAMPLE; y++) sum += basis[v * SAMPLE + y]! * rows[y * BAND + u]!;
      block[v * BAND + u] = sum;
    }
  }
  return block;
}

/**
 * The 64-bit perceptual hash of RGBA pixels as 16 lowercase hex characters (first coefficient in
 * the most significant bit). Rec. 601 luma, area-averaged to 32x32, 2D DCT-II, then one bit per
 * coefficient of the 8x8 lowest frequencies: set when it is above their median.
 *
 * The median is taken over the 63 AC coefficients only: the DC term is the mean brightness,
 * scaled up ~32x, and would otherwise pull the median towards itself. Its own bit is kept so the
 * hash stays the usual 64 bits, but it is 1 for any image that is not black: 63 bits carry signal.
 */
export function perceptualHash(rgba: Uint8Array, width: number, height: number): string {
  const small = areaAverage(toLuma(rgba, width, height), width, height, 1, SAMPLE, SAMPLE);
  const block = lowFrequencies(small);
  const ac = [...block.subarray(1)].sort((a, b) => a - b);
  const median = ac[(ac.length - 1) / 2]!;
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let value = 0;
    for (let bit = 0; bit < 4; bit++) value = (value << 1) | (block[nibble * 4 + bit]! > median ? 1 : 0);
    hex += value.toString(16);
  }
  return hex;
}

const BITS_SET = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];

/**
 * How many bits differ between two hashes from `perceptualHash` (0 = same, 64 = opposite).
 * Throws a RangeError on anything but two hex strings of the same length: that is a bug, not a distance.
 */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length || !/^[0-9a-f]*$/i.test(a + b)) {
    throw new RangeError('hammingDistance needs two hex hashes of one length');
  }
  let distance = 0;
  for (let i = 0; i < a.length; i++) distance += BITS_SET[parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16)]!;
  return distance;
}
