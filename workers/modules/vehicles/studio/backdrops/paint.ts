/**
 * The small toolbox every backdrop is painted with: scalar maths, a seeded hash and value noise
 * (deterministic, no Math.random), anti-aliased line patterns for floors seen in perspective, and
 * the final write of a pixel (vignette, dither). Colours are 0-255 floats in a scratch `Color` that
 * callers fill, so the per-pixel loops allocate nothing.
 */

/** A colour being computed (0-255 per channel, not yet clamped). */
export type Color = { r: number; g: number; b: number };

export const color = (r = 0, g = 0, b = 0): Color => ({ r, g, b });

export const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
export const mix = (a: number, b: number, t: number) => a + (b - a) * t;
export const smoothstep = (e0: number, e1: number, v: number) => {
  const t = clamp01((v - e0) / (e1 - e0));
  return t * t * (3 - 2 * t);
};

export function setRgb(c: Color, r: number, g: number, b: number): Color {
  c.r = r;
  c.g = g;
  c.b = b;
  return c;
}

/** `c` moved towards (r, g, b) by `t`. */
export function blend(c: Color, r: number, g: number, b: number, t: number): Color {
  c.r += (r - c.r) * t;
  c.g += (g - c.g) * t;
  c.b += (b - c.b) * t;
  return c;
}

export function scale(c: Color, k: number): Color {
  c.r *= k;
  c.g *= k;
  c.b *= k;
  return c;
}

/** A uniform hash of two integers and a seed, in [0, 1). */
export function hash(ix: number, iy: number, seed = 0): number {
  let h = Math.imul(ix | 0, 0x27d4eb2d) ^ Math.imul(iy | 0, 0x165667b1) ^ Math.imul(seed | 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

// Value noise reads a lattice of hashed values built once per isolate (256 KB) instead of hashing
// four corners per call: noise is most of the cost of the textured backdrops.
const LATTICE = 256;
let lattice: Float32Array | null = null;

function latticeValues(): Float32Array {
  lattice = new Float32Array(LATTICE * LATTICE);
  for (let i = 0; i < lattice.length; i++) lattice[i] = hash(i % LATTICE, Math.floor(i / LATTICE), 1);
  return lattice;
}

/** Smooth value noise in [0, 1), one unit per cell (it repeats every 256 units). */
export function noise(x: number, y: number, seed = 0): number {
  const t = lattice ?? latticeValues();
  const sx = x + seed * 31.17;
  const sy = y + seed * 17.31;
  const ix = Math.floor(sx);
  const iy = Math.floor(sy);
  let fx = sx - ix;
  let fy = sy - iy;
  fx = fx * fx * (3 - 2 * fx);
  fy = fy * fy * (3 - 2 * fy);
  const x0 = ix & 255;
  const x1 = (ix + 1) & 255;
  const y0 = (iy & 255) << 8;
  const y1 = ((iy + 1) & 255) << 8;
  const a = t[y0 + x0]!;
  const b = t[y0 + x1]!;
  const c = t[y1 + x0]!;
  const d = t[y1 + x1]!;
  return a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy;
}

/**
 * Octaves of noise around 0 (about -0.5..0.5). Octaves finer than `footprint` (the world size of
 * one pixel) fade out, so a texture far away turns into its average instead of shimmering grain.
 */
export function fbm(x: number, y: number, octaves: number, footprint: number, seed = 0): number {
  let sum = 0;
  let amp = 0.5;
  let freq = 1;
  for (let o = 0; o < octaves; o++) {
    const size = footprint * freq;
    if (size >= 1) break;
    const fade = size > 0.25 ? 1 - smoothstep(0.25, 1, size) : 1;
    sum += (noise(x * freq, y * freq, seed + o * 17) - 0.5) * amp * fade;
    amp *= 0.5;
    freq *= 2.03;
  }
  return sum;
}

/** Fine grain (aggregate) of features `cell` wide, about -0.5..0.5, fading once a pixel covers several. */
export function grain(x: number, y: number, cell: number, footprint: number, seed = 0): number {
  const fade = 1 - smoothstep(cell, 4 * cell, footprint);
  return fade > 0 ? (noise(x / cell, y / cell, seed) - 0.5) * 1.6 * fade : 0;
}

/**
 * How much of a pixel `footprint` wide a line pattern covers: lines `width` wide every `period`
 * along `coord`, box-filtered exactly while a pixel is smaller than the period, fading to the
 * pattern's mean coverage as it grows (tiles near the horizon blend into their average).
 */
export function lineCoverage(coord: number, period: number, width: number, footprint: number): number {
  const t = coord / period;
  const d = Math.abs(t - Math.round(t)) * period;
  const w = width / 2;
  const fp = Math.max(footprint, 1e-6);
  const covered = Math.max(0, Math.min(d + fp / 2, w) - Math.max(d - fp / 2, -w)) / fp;
  if (footprint <= 0.25 * period) return covered;
  return mix(covered, Math.min(1, width / period), smoothstep(0.25 * period, 0.75 * period, footprint));
}

/** A soft bright band `width` wide (gaussian-like, widened by `blur`) centred on `centre`. */
export function glow(coord: number, centre: number, width: number, blur = 0): number {
  const s = width + blur;
  const d = (coord - centre) / s;
  return Math.exp(-d * d) * (width / s);
}

// A 4x4 ordered dither (Bayer), centred on 0: cheaper than a hash per pixel and without clumps.
const BAYER = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5].map((v) => (v + 0.5) / 16 - 0.5);

/**
 * Writes pixel `i` of `out`: the colour darkened by a vignette (`strength` at the corners) and
 * dithered, so smooth gradients do not band (neither here nor after WebP).
 */
export function put(out: Uint8ClampedArray, i: number, c: Color, x: number, y: number, w: number, h: number, vignette: number) {
  const dx = (x / w - 0.5) * 1.6;
  const dy = (y / h - 0.5) * 1.4;
  const r2 = dx * dx + dy * dy;
  const k = 1 - vignette * r2 * r2 * 0.6 - vignette * r2 * 0.4;
  const n = BAYER[((y & 3) << 2) | (x & 3)]!;
  const o = i * 4;
  out[o] = c.r * k + n;
  out[o + 1] = c.g * k + n;
  out[o + 2] = c.b * k + n;
  out[o + 3] = 255;
}
