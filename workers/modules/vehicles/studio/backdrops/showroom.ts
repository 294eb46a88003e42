/**
 * Dealership scenes. Indoors: a white showroom wall washed by downlight scallops, a ceiling of LED
 * strips running towards the vanishing point, and large polished grey porcelain tiles that mirror
 * both. Outdoors: the forecourt in front of a glass showroom (curtain wall, fascia, sky), paved in
 * large concrete slabs under daylight.
 */
import { blend, type Color, fbm, glow, grain, hash, lineCoverage, setRgb, smoothstep } from './paint';
import type { Room } from './room';

/** The light a row of downlights throws on a wall: parabolic scallops under each fitting. */
export function scallops(X: number, Y: number, spacing: number, top: number): number {
  const dx = X - (Math.round(X / spacing - 0.5) + 0.5) * spacing;
  const edge = top - 0.45 * dx * dx;
  const inside = smoothstep(edge + 0.12, edge - 0.12, Y);
  return inside * Math.exp(-(dx * dx) / 0.5) * Math.exp(-Math.max(0, edge - Y) / 1.6);
}

export const showroomIndoor: Room = {
  eye: 0.45,
  focal: 1.2,
  wallZ: 9,
  ceiling: 3.3,
  gloss: 0.5,
  roughness: 0.035,
  vignette: 0.35,
  wall(c, X, Y, px) {
    setRgb(c, 206, 207, 208);
    const light = scallops(X, Y, 2.6, 3.0);
    blend(c, 250, 248, 244, light * 0.9);
    blend(c, 150, 151, 153, lineCoverage(X + 1.3, 2.6, 0.02, px) * 0.6);
    if (Y < 0.09) setRgb(c, 78, 79, 82);
  },
  ceilingAt(c, X, Z, px) {
    setRgb(c, 196, 197, 199);
    const strip = lineCoverage(X + 1, 2, 0.14, px * 1.2);
    const halo = glow(X - Math.round((X + 1) / 2) * 2 + 1, 0, 0.35, px);
    blend(c, 232, 233, 236, halo * 0.5);
    blend(c, 255, 255, 253, strip);
    blend(c, 170, 171, 174, lineCoverage(Z, 1.5, 0.02, px * Z) * 0.5);
  },
  floor(c, X, Z, fpX, fpZ) {
    const tile = hash(Math.floor(X / 1.2), Math.floor(Z / 1.2), 7) - 0.5;
    const marble = fbm(X * 1.5, Z * 1.5, 2, Math.max(fpX, fpZ) * 1.5, 3);
    const v = 132 + tile * 8 + marble * 14;
    setRgb(c, v, v + 1, v + 3);
    const grout = Math.max(lineCoverage(X, 1.2, 0.012, fpX), lineCoverage(Z, 1.2, 0.012, fpZ));
    blend(c, 96, 97, 99, grout * 0.8);
    const pool = Math.exp(-((X * X) / 9 + ((Z - 4) * (Z - 4)) / 12));
    blend(c, 178, 179, 181, pool * 0.5);
  },
};

/** A glass curtain wall: mullions, a transom, panes mirroring the sky, the lit showroom inside. */
function curtainWall(c: Color, X: number, Y: number, px: number) {
  // The sky mirrored in the glass (lighter upwards), a diagonal sheen, the lit showroom behind.
  const sky = smoothstep(0.2, 3.6, Y);
  setRgb(c, 46 + sky * 80, 56 + sky * 92, 68 + sky * 100);
  const sheen = smoothstep(0.6, 1, Math.sin((X * 0.35 + Y * 0.5) * 1.3) * 0.5 + 0.5);
  blend(c, 190, 206, 222, sheen * 0.22);
  const inside = smoothstep(0.2, 0.5, Y) * smoothstep(2.6, 2.0, Y) * (0.55 + 0.9 * (fbm(X * 0.6, 3, 2, px, 11) + 0.2));
  blend(c, 226, 220, 206, Math.min(1, inside) * 0.3);
  const panel = Math.abs(X - Math.round(X / 0.9) * 0.9) < 0.3 ? 1 : 0.35;
  blend(c, 255, 252, 244, glow(Y, 2.25, 0.025, px) * panel * 0.8);
  const frame = Math.max(lineCoverage(X, 1.8, 0.08, px), lineCoverage(Y - 2.6, 10, 0.12, px));
  blend(c, 58, 61, 66, frame);
}

export const showroomOutdoor: Room = {
  eye: 0.5,
  focal: 1.2,
  wallZ: 13,
  gloss: 0.06,
  roughness: 0.05,
  vignette: 0.25,
  wall(c, X, Y, px) {
    if (Y > 4.4) {
      const t = smoothstep(4.4, 12, Y);
      setRgb(c, 196 - t * 80, 216 - t * 60, 236 - t * 22);
      const cloud = smoothstep(0.05, 0.3, fbm(X * 0.18, Y * 0.45, 4, px * 0.3, 5));
      blend(c, 246, 247, 250, cloud * 0.8);
    } else if (Y > 3.7) {
      setRgb(c, 224, 226, 228);
      blend(c, 180, 182, 186, smoothstep(3.9, 3.7, Y) * 0.7);
      blend(c, 196, 198, 201, lineCoverage(X, 3.6, 0.015, px));
    } else if (Y > 0.18) {
      curtainWall(c, X, Y, px);
    } else {
      setRgb(c, 150, 150, 148);
    }
  },
  floor(c, X, Z, fpX, fpZ) {
    const row = Math.floor(Z / 0.6);
    const offset = (row & 1) * 0.6;
    const slab = hash(Math.floor((X + offset) / 1.2), row, 13) - 0.5;
    const fp = Math.max(fpX, fpZ);
    const v = 178 + slab * 10 + fbm(X * 3, Z * 3, 2, fp * 3, 9) * 22 + grain(X, Z, 0.02, fp, 10) * 18;
    setRgb(c, v + 2, v, v - 5);
    const joint = Math.max(lineCoverage(Z, 0.6, 0.012, fpZ), lineCoverage(X + offset, 1.2, 0.012, fpX));
    blend(c, 128, 126, 122, joint * 0.8);
    // The building's shade on the slabs nearest to it.
    blend(c, 140, 142, 148, smoothstep(8, 12.5, Z) * 0.35);
  },
};
