/**
 * Where the sky is, by colour and position: bright, grey or blue-ish, smooth pixels connected to
 * the top edge (a flood fill from the first row), never below SKY_MAX_Y of the frame. Smoothness
 * is what keeps a white facade out: its edges against the sky stop the fill.
 */
import type { Rgba } from './engine';

const SKY_MAX_Y = 0.7;
const MIN_LUMA = 0.4;
const MAX_GREY_SATURATION = 0.2;
/** Largest step in brightness (0..255) between neighbours still inside the sky. */
const MAX_STEP = 10;

export type SkyMask = { inSky: Uint8Array; pixels: number; lowestRow: number };

const luma = (d: Uint8Array, i: number) => d[i]! * 0.299 + d[i + 1]! * 0.587 + d[i + 2]! * 0.114;

function skyColoured(d: Uint8Array, i: number): boolean {
  const [r, g, b] = [d[i]!, d[i + 1]!, d[i + 2]!];
  if (luma(d, i) < MIN_LUMA * 255) return false;
  const max = Math.max(r, g, b);
  const grey = (max - Math.min(r, g, b)) / max < MAX_GREY_SATURATION;
  return grey || (b > r + 10 && b >= g);
}

/** The sky's pixels (1 = sky), or null when nothing sky-like touches the top edge. */
export function findSky(image: Rgba): SkyMask | null {
  const { width: w, height: h, data: d } = image;
  const maxY = Math.floor(h * SKY_MAX_Y);
  const inSky = new Uint8Array(w * h);
  const queue = new Int32Array(w * maxY);
  let [head, tail, lowestRow] = [0, 0, -1];
  for (let x = 0; x < w; x++) {
    if (!skyColoured(d, x * 4)) continue;
    inSky[x] = 1;
    queue[tail++] = x;
  }
  while (head < tail) {
    const p = queue[head++]!;
    const [x, y] = [p % w, (p - (p % w)) / w];
    lowestRow = Math.max(lowestRow, y);
    const here = luma(d, p * 4);
    for (const q of [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < maxY - 1 ? p + w : -1]) {
      if (q < 0 || inSky[q] || !skyColoured(d, q * 4) || Math.abs(luma(d, q * 4) - here) > MAX_STEP) continue;
      inSky[q] = 1;
      queue[tail++] = q;
    }
  }
  return tail ? { inSky, pixels: tail, lowestRow } : null;
}

/** Box blur along one axis (in place through a scratch row). */
function blurAxis(a: Float32Array, w: number, h: number, r: number, horizontal: boolean) {
  const [n, lines] = horizontal ? [w, h] : [h, w];
  const line = new Float32Array(n);
  for (let l = 0; l < lines; l++) {
    const at = (k: number) => (horizontal ? l * w + k : k * w + l);
    for (let k = 0; k < n; k++) line[k] = a[at(k)]!;
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += line[Math.min(n - 1, Math.max(0, k))]!;
    for (let k = 0; k < n; k++) {
      a[at(k)] = sum / (2 * r + 1);
      sum += line[Math.min(n - 1, k + r + 1)]! - line[Math.max(0, k - r)]!;
    }
  }
}

/** The mask as 0..1 coverage with a soft edge `radius` px wide, so a replaced sky has no cut-out rim. */
export function feather(mask: SkyMask, w: number, h: number, radius: number): Float32Array {
  const alpha = Float32Array.from(mask.inSky);
  for (let pass = 0; pass < 2; pass++) {
    blurAxis(alpha, w, h, radius, true);
    blurAxis(alpha, w, h, radius, false);
  }
  return alpha;
}
