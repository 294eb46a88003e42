/**
 * Garages. Modern: a board-smooth concrete wall with a dark sectional door, light battens across a
 * dark ceiling, a polished concrete floor with saw-cut joints. Luxury: a walnut slatted wall washed
 * by warm downlights over a glowing plinth, a black ceiling with small downlights, and black
 * polished stone that mirrors it all.
 */
import { blend, fbm, glow, grain, hash, lineCoverage, noise, setRgb, smoothstep } from './paint';
import type { Room } from './room';
import { scallops } from './showroom';

export const garageModern: Room = {
  eye: 0.46,
  focal: 1.2,
  wallZ: 8,
  ceiling: 2.5,
  gloss: 0.28,
  roughness: 0.07,
  vignette: 0.45,
  wall(c, X, Y, px) {
    const v = 160 + fbm(X * 0.9, Y * 0.9, 3, px * 0.9, 21) * 34;
    setRgb(c, v, v, v - 3);
    // Formwork joints and tie holes of cast concrete.
    blend(c, 128, 128, 126, Math.max(lineCoverage(X, 2.4, 0.012, px), lineCoverage(Y, 1.2, 0.012, px)) * 0.6);
    const hole = Math.sqrt((X - (Math.round(X / 0.6 - 0.5) + 0.5) * 0.6) ** 2 + (Y - (Math.round(Y / 0.6 - 0.5) + 0.5) * 0.6) ** 2);
    blend(c, 105, 105, 104, smoothstep(0.03 + px, 0.03, hole) * 0.7);
    blend(c, 232, 233, 235, scallops(X, Y, 3, 2.35) * 0.45);
    const door = smoothstep(2.6 + px, 2.6, Math.abs(X)) * smoothstep(1.75 + px, 1.75, Y);
    if (door > 0) {
      const panel = Y / 0.35;
      const rib = 1 - 0.35 * lineCoverage(panel, 1, 0.08, px / 0.35) - 0.08 * lineCoverage(panel + 0.5, 1, 0.04, px / 0.35);
      const d = 70 * rib + 18 * smoothstep(0.2, 1.7, Y);
      blend(c, d, d + 1, d + 4, door);
      blend(c, 40, 41, 44, door * lineCoverage(Math.abs(X) - 2.6, 10, 0.06, px));
    }
  },
  ceilingAt(c, X, Z, px) {
    setRgb(c, 58, 59, 62);
    // Rows of linear fittings along the depth: 1.4 long, 0.6 apart.
    const along = Z - Math.floor(Z / 2) * 2;
    const fitting = smoothstep(0, 0.05, along) * smoothstep(1.45, 1.4, along);
    const across = X - Math.round(X / 2.2) * 2.2;
    blend(c, 110, 112, 116, glow(across, 0, 0.35, px) * (0.3 + 0.4 * fitting) * smoothstep(6, 5, Math.abs(X)));
    blend(c, 252, 253, 255, lineCoverage(X, 2.2, 0.1, px) * fitting * smoothstep(5.6, 5.4, Math.abs(X)));
  },
  floor(c, X, Z, fpX, fpZ) {
    const fp = Math.max(fpX, fpZ);
    const cloud = fbm(X * 0.5, Z * 0.5, 3, fp * 0.5, 31);
    const v = 150 + cloud * 40 + grain(X, Z, 0.015, fp, 5) * 10;
    setRgb(c, v, v, v - 2);
    const joint = Math.max(lineCoverage(X - 1.5, 3, 0.01, fpX), lineCoverage(Z, 3, 0.01, fpZ));
    blend(c, 92, 92, 92, joint * 0.8);
    blend(c, 196, 197, 199, Math.exp(-((X * X) / 8 + ((Z - 3.5) * (Z - 3.5)) / 8)) * 0.35);
  },
};

export const garageLuxury: Room = {
  eye: 0.46,
  focal: 1.2,
  wallZ: 8,
  ceiling: 2.7,
  gloss: 0.62,
  roughness: 0.03,
  vignette: 0.6,
  wall(c, X, Y, px) {
    const slat = Math.floor(X / 0.14);
    const streak = noise(X * 30, Y * 1.2, 41 + (slat & 7)) - 0.5;
    const tone = 0.85 + (hash(slat, 0, 43) - 0.5) * 0.2 + streak * 0.25 * (1 - smoothstep(0.01, 0.04, px));
    setRgb(c, 70 * tone, 45 * tone, 29 * tone);
    blend(c, 14, 10, 8, lineCoverage(X, 0.14, 0.025, px));
    blend(c, 255, 196, 130, scallops(X, Y, 2.4, 2.45) * 0.85);
    if (Y < 0.22) {
      setRgb(c, 22, 21, 21);
      blend(c, 255, 190, 120, Math.min(1, glow(Y, 0.205, 0.02, px) + Math.exp(-(0.22 - Y) * 18) * 0.3));
    }
  },
  ceilingAt(c, X, Z, px) {
    setRgb(c, 20, 19, 19);
    const dx = X - (Math.round(X / 2.4 - 0.5) + 0.5) * 2.4;
    const dz = Z - Math.round(Z / 2) * 2;
    const r = Math.sqrt(dx * dx + dz * dz * 0.64);
    blend(c, 255, 226, 180, smoothstep(0.09 + px * 2, 0.09, r));
    blend(c, 90, 70, 50, Math.exp(-r * r * 12) * 0.4);
  },
  floor(c, X, Z, fpX, fpZ) {
    const fp = Math.max(fpX, fpZ);
    const tile = hash(Math.floor(X / 1.2), Math.floor(Z / 0.6), 51) - 0.5;
    const vein = 1 - Math.abs(fbm(X * 0.7 + Z * 0.3, Z * 0.9, 3, fp * 0.9, 53) * 2);
    const v = 20 + tile * 4 + smoothstep(0.9, 1, vein) * 9 * (1 - smoothstep(0.05, 0.3, fp));
    setRgb(c, v, v, v + 1);
    const joint = Math.max(lineCoverage(X, 1.2, 0.008, fpX), lineCoverage(Z, 0.6, 0.008, fpZ));
    blend(c, 52, 48, 44, joint * 0.8);
    blend(c, 70, 56, 42, Math.exp(-((X * X) / 7 + ((Z - 3.5) * (Z - 3.5)) / 7)) * 0.45);
  },
};
