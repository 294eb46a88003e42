/**
 * An outdoor car park in daylight: mottled asphalt with worn white bay lines (the bay the car
 * stands in, the aisle, the row of bays beyond), a kerb and a grass verge, a tree line under a
 * sky with soft clouds.
 */
import { blend, type Color, fbm, grain, lineCoverage, noise, setRgb, smoothstep } from './paint';
import type { Room } from './room';

const BAY = 2.2;

/** Bay markings: side lines along the depth inside each row of bays, a line closing each row. */
function markings(X: number, Z: number, fpX: number, fpZ: number): number {
  const near = smoothstep(1.2 - fpZ, 1.2, Z) * smoothstep(5.6 + fpZ, 5.6, Z);
  const far = smoothstep(9.6 - fpZ, 9.6, Z) * smoothstep(14 + fpZ, 14, Z);
  const sides = lineCoverage(X - BAY / 2, BAY, 0.1, fpX) * (near + far);
  const ends = Math.max(lineCoverage(Z - 5.6, 100, 0.1, fpZ), lineCoverage(Z - 9.6, 100, 0.1, fpZ));
  return Math.min(1, sides + ends);
}

/** Lamp posts along the verge: a pole and its arm, as coverage of a pixel. */
function lampPost(X: number, Y: number, px: number): number {
  const d = Math.abs(X - (Math.round((X - 3) / 11) * 11 + 3));
  const pole = smoothstep(0.05 + px, 0.05, d) * smoothstep(5.6 + px, 5.6, Y);
  const arm = smoothstep(0.05 + px, 0.05, Math.abs(Y - 5.55)) * smoothstep(0.9 + px, 0.9, d);
  return Math.max(pole, arm);
}

/** Behind the car park: the verge, the tree line (its top per column) and the sky. */
function behind(c: Color, X: number, Y: number, px: number, treeTop: number) {
  if (Y < 0.25) {
    const v = fbm(X * 3, Y * 8, 2, px * 3, 65);
    setRgb(c, 88 + v * 30, 112 + v * 34, 62 + v * 20);
    blend(c, 170, 170, 166, smoothstep(0.1, 0.06, Y));
  } else if (Y < treeTop) {
    const leaf = fbm(X * 2.2, Y * 2.2, 2, px * 2.2, 67);
    const lit = smoothstep(treeTop - 2.5, treeTop, Y);
    setRgb(c, 46 + leaf * 40 + lit * 22, 62 + leaf * 46 + lit * 26, 40 + leaf * 26 + lit * 8);
    // Distance haze, and the soft edge of the foliage against the sky.
    blend(c, 150, 170, 185, 0.25);
    blend(c, 210, 225, 240, smoothstep(treeTop - 0.25 - px, treeTop, Y) * 0.6);
  } else {
    const t = smoothstep(2, 16, Y);
    setRgb(c, 206 - t * 92, 222 - t * 62, 238 - t * 22);
    const cloud = smoothstep(0.0, 0.28, fbm(X * 0.12, Y * 0.4, 4, px * 0.2, 69));
    blend(c, 248, 249, 252, cloud * 0.85);
  }
}

export const parkingOutdoor: Room = {
  eye: 0.5,
  focal: 1.2,
  wallZ: 24,
  gloss: 0,
  roughness: 0,
  vignette: 0.3,
  wallColumn: (X, px) => 3.2 + fbm(X * 0.35, 0, 4, px * 0.35, 61) * 5 + fbm(X * 1.7, 0, 3, px * 1.7, 63) * 1.2,
  wall(c, X, Y, px, treeTop) {
    const pole = lampPost(X, Y, px);
    if (pole < 0.99) behind(c, X, Y, px, treeTop);
    blend(c, 92, 96, 100, pole);
  },
  floor(c, X, Z, fpX, fpZ) {
    const fp = Math.max(fpX, fpZ);
    const patch = fbm(X * 0.25, Z * 0.25, 2, fp * 0.25, 71);
    const v = 92 + patch * 26 + grain(X, Z, 0.012, fp, 73) * 36;
    setRgb(c, v, v + 1, v + 3);
    const wear = 0.45 + noise(X * 4, Z * 4, 75) * 0.9;
    blend(c, 226, 226, 216, markings(X, Z, fpX, fpZ) * Math.min(1, wear));
    // Kerb and its shadow before the verge.
    blend(c, 58, 60, 62, smoothstep(22.6, 23, Z) * 0.5);
    blend(c, 176, 176, 170, smoothstep(23.1, 23.2, Z));
  },
};
