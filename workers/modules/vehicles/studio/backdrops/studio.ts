/**
 * Photo studios: a cyclorama, the "infinite" backdrop whose floor curves up into the wall with no
 * corner, so there is no horizon line, only light. A round pool of light on the floor (drawn in
 * floor coordinates, so it is foreshortened like a real one), a glow on the wall behind the car, a
 * soft cove where floor turns into wall, a faint sheen that mirrors the glow, and a vignette.
 */
import { blend, color, put, setRgb, smoothstep } from './paint';

export type Cyclorama = {
  /** Wall brightness at the top and at the cove, floor at the cove and at the bottom (RGB each). */
  wallTop: Rgb;
  wallCove: Rgb;
  floorCove: Rgb;
  floorNear: Rgb;
  /** Extra light in the floor's pool and on the wall behind the car (fractions of the base). */
  pool: number;
  glow: number;
  /** How much of the wall the floor mirrors (a painted floor shines a little). */
  sheen: number;
  vignette: number;
};

/** The cove's row (fraction of the height): the floor line for placing a car. */
export const COVE = 0.6;
const EYE = 0.4;
const FOCAL = 1.25;
const BAND = 0.08;
/** Centre and size of the floor's pool of light (floor units) and of the wall's glow (fractions). */
const POOL = { z: 4.6, x: 2.8, depth: 2.6 };
const GLOW = { v: COVE - 0.06, u: 0.4, height: 0.3 };

type Rgb = [number, number, number];
const lerp3 = (a: Rgb, b: Rgb, t: number, out: Rgb) => {
  for (let i = 0; i < 3; i++) out[i] = a[i]! + (b[i]! - a[i]!) * t;
  return out;
};

/** The wall's colour at row `v` without its glow, and the glow's strength on that row. */
function wallRow(s: Cyclorama, v: number, out: Rgb): number {
  lerp3(s.wallTop, s.wallCove, smoothstep(0, COVE, v) ** 1.3, out);
  const dy = (v - GLOW.v) / GLOW.height;
  return s.glow * Math.exp(-dy * dy);
}

/** Paints the cyclorama `s` into `out` (opaque RGBA, `w` x `h`). */
export function renderCyclorama(s: Cyclorama, w: number, h: number, out: Uint8ClampedArray) {
  const c = color();
  const f = FOCAL * h;
  const ye = EYE * h;
  const yj = COVE * h;
  const band = BAND * h;
  const across = new Float32Array(w);
  for (let x = 0; x < w; x++) across[x] = Math.exp(-(((x + 0.5) / w - 0.5) ** 2) / (GLOW.u * GLOW.u));
  const wall: Rgb = [0, 0, 0];
  const mirrored: Rgb = [0, 0, 0];
  const floor: Rgb = [0, 0, 0];
  for (let y = 0; y < h; y++) {
    const py = y + 0.5;
    const glow = wallRow(s, Math.min(py, yj) / h, wall);
    // Below the cove the floor; through the band it curves up into the wall without a corner.
    const curve = smoothstep(yj - band, yj + band, py);
    const Z = f / (Math.max(py, yj) - ye);
    const t = smoothstep(yj, h, py);
    lerp3(s.floorCove, s.floorNear, t, floor);
    const dz = (Z - POOL.z) / POOL.depth;
    const poolRow = s.pool * Math.exp(-dz * dz);
    const poolScale = Z / f / POOL.x;
    const sheen = s.sheen * (1 - t) * (1 - t);
    const mirrorGlow = wallRow(s, (2 * yj - Math.max(py, yj)) / h, mirrored);
    for (let x = 0; x < w; x++) {
      const g = across[x]!;
      const kw = 1 + glow * g;
      setRgb(c, wall[0] * kw, wall[1] * kw, wall[2] * kw);
      if (curve > 0) {
        const dx = (x + 0.5 - w / 2) * poolScale;
        const kf = 1 + poolRow * Math.exp(-dx * dx);
        // A painted floor's sheen: the glowing wall mirrored about the cove, fading nearer.
        const km = (1 + mirrorGlow * g) * sheen;
        const kf2 = kf * (1 - sheen);
        const r = floor[0] * kf2 + mirrored[0] * km;
        const gg = floor[1] * kf2 + mirrored[1] * km;
        const b = floor[2] * kf2 + mirrored[2] * km;
        blend(c, r, gg, b, curve);
      }
      put(out, y * w + x, c, x, y, w, h, s.vignette);
    }
  }
}

// Floor colours at the cove are chosen so floor and wall meet at the same brightness there (the
// pool's and the glow's light included): a cyclorama shows no line where it curves.
export const studioWhite: Cyclorama = {
  wallTop: [212, 213, 216], wallCove: [236, 236, 237], floorCove: [236, 236, 237], floorNear: [222, 222, 224],
  pool: 0.07, glow: 0.05, sheen: 0.12, vignette: 0.28,
};

export const studioGrey: Cyclorama = {
  wallTop: [92, 94, 98], wallCove: [150, 151, 154], floorCove: [159, 160, 163], floorNear: [118, 119, 122],
  pool: 0.32, glow: 0.3, sheen: 0.2, vignette: 0.55,
};

export const studioBlack: Cyclorama = {
  wallTop: [6, 6, 7], wallCove: [22, 22, 24], floorCove: [9.5, 9.5, 10.5], floorNear: [6, 6, 7],
  pool: 6, glow: 1.2, sheen: 0.35, vignette: 0.7,
};
