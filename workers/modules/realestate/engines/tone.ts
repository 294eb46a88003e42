/**
 * Exposure, white balance and contrast in one pass: statistics from per-channel histograms, then
 * a 256-entry table per channel applied to every pixel (a 2048 px photo costs two reads of it).
 */
import type { Rgba } from './engine';

/** Share of pixels clipped at each end by auto-levels: specular highlights and noise do not set the range. */
const CLIP = 0.005;
/** Grey-world gains are held to this range: a sunset or a blue room should not be turned grey. */
const MAX_GAIN = 1.35;
/**
 * Share of the grey-world correction applied (as a power of the gains): the full one turns a
 * room with beige walls grey-green, most of it removes the cast and keeps the warmth.
 */
const BALANCE = 0.85;
/** Mid-tone the tone curve aims the mean brightness at (a touch under middle grey, as photographers expose interiors). */
const TARGET_MEAN = 0.46;
/** Strength of the S-curve mixed in for contrast (0 = none, 1 = full smoothstep). */
const CONTRAST = 0.25;

type Histograms = [Uint32Array, Uint32Array, Uint32Array];

function histograms(image: Rgba): Histograms {
  const h: Histograms = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    h[0][d[i]!]!++;
    h[1][d[i + 1]!]!++;
    h[2][d[i + 2]!]!++;
  }
  return h;
}

function percentile(h: Uint32Array, total: number, share: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += h[v]!;
    if (seen > total * share) return v;
  }
  return 255;
}

const meanOf = (h: Uint32Array, total: number) => h.reduce((sum, n, v) => sum + n * v, 0) / Math.max(1, total);
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The three tables: grey-world gains (each channel's mean brought to the common mean), one
 * black/white point for all channels (so the balance holds), then a gamma that brings the mean
 * to TARGET_MEAN and a gentle S-curve.
 */
export function toneTables(image: Rgba): [Uint8Array, Uint8Array, Uint8Array] {
  const h = histograms(image);
  const total = image.width * image.height;
  const means = h.map((c) => meanOf(c, total));
  const grey = (means[0]! + means[1]! + means[2]!) / 3;
  const gains = means.map((m) => clamp((grey / Math.max(1, m)) ** BALANCE, 1 / MAX_GAIN, MAX_GAIN));
  const lo = Math.min(...h.map((c, i) => percentile(c, total, CLIP) * gains[i]!));
  const hi = Math.max(...h.map((c, i) => percentile(c, total, 1 - CLIP) * gains[i]!));
  const range = Math.max(32, hi - lo);
  const level = (v: number, c: number) => clamp((v * gains[c]! - lo) / range, 0, 1);
  const leveledMean = clamp((means[0]! * gains[0]! + means[1]! * gains[1]! + means[2]! * gains[2]!) / 3 - lo, 1, 254) / range;
  const gamma = clamp(Math.log(TARGET_MEAN) / Math.log(clamp(leveledMean, 0.02, 0.98)), 0.45, 1.6);
  const curve = (t: number) => {
    const g = t ** gamma;
    return g + CONTRAST * (g * g * (3 - 2 * g) - g);
  };
  return [0, 1, 2].map((c) => Uint8Array.from({ length: 256 }, (_, v) => Math.round(255 * curve(level(v, c))))) as [Uint8Array, Uint8Array, Uint8Array];
}

/** Applies the tables in place (alpha untouched). */
export function applyTables(image: Rgba, [r, g, b]: [Uint8Array, Uint8Array, Uint8Array]): void {
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    d[i] = r[d[i]!]!;
    d[i + 1] = g[d[i + 1]!]!;
    d[i + 2] = b[d[i + 2]!]!;
  }
}
