/**
 * `twilight`, classic: a day photo made to look shot at dusk. The sky (when there is one) becomes
 * a dusk gradient, the rest is darkened and graded blue in the shadows and orange in the lights,
 * and what was near-white and bright (windows catching the light, lamps, white frames) glows warm as
 * if lit from inside: a heuristic, so a white wall in full sun glows too.
 */
import type { Rgba, TransformEngine } from './engine';
import { feather, findSky } from './sky-mask';

const EXPOSURE = 0.45;
const DUSK_TOP = [28, 40, 92];
const DUSK_HORIZON = [236, 140, 82];
const WINDOW_GLOW = [255, 196, 120];
/**
 * A near-white pixel this bright (0..255) is taken for a window to light, fully lit LIT_RAMP above
 * it; saturation past WHITE_SATURATION (a sunlit beige facade) rules it out.
 */
const LIT_FROM = 185;
const LIT_RAMP = 30;
const WHITE_SATURATION = 0.12;

function grade(d: Uint8Array, i: number) {
  const l = (d[i]! * 0.299 + d[i + 1]! * 0.587 + d[i + 2]! * 0.114) / 255;
  const max = Math.max(d[i]!, d[i + 1]!, d[i + 2]!);
  const white = Math.max(0, 1 - (max - Math.min(d[i]!, d[i + 1]!, d[i + 2]!)) / Math.max(1, max) / WHITE_SATURATION);
  const lit = Math.min(1, Math.max(0, (l * 255 - LIT_FROM) / LIT_RAMP)) * white;
  const dusk = [d[i]! * EXPOSURE + 12 * l, d[i + 1]! * EXPOSURE + 4 * l, d[i + 2]! * EXPOSURE + 26 * (1 - l) + 6];
  for (let c = 0; c < 3; c++) d[i + c] = Math.min(255, dusk[c]! * (1 - lit) + WINDOW_GLOW[c]! * lit);
}

function paint(image: Rgba, skyAlpha: Float32Array | null, horizonRow: number) {
  const { width: w, height: h, data: d } = image;
  for (let y = 0; y < h; y++) {
    const t = Math.min(1, y / Math.max(1, horizonRow));
    const sky = DUSK_TOP.map((z, c) => z + (DUSK_HORIZON[c]! - z) * t * t);
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const a = skyAlpha ? skyAlpha[y * w + x]! : 0;
      const before = [d[i]!, d[i + 1]!, d[i + 2]!];
      grade(d, i);
      if (a > 0.004) for (let c = 0; c < 3; c++) d[i + c] = d[i + c]! * (1 - a) + (sky[c]! + (before[c]! - 128) * 0.15) * a;
    }
  }
}

export const twilightEngine: TransformEngine = {
  async run({ image }) {
    const mask = findSky(image);
    const alpha = mask ? feather(mask, image.width, image.height, Math.max(2, Math.round(image.height * 0.004))) : null;
    paint(image, alpha, mask?.lowestRow ?? Math.round(image.height * 0.5));
    return { image, engine: 'classic' };
  },
};
