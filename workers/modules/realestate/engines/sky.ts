/**
 * `sky`, classic: a grey or washed-out sky replaced by a blue gradient (deep at the top, pale at
 * the horizon), feathered into the roofline. The old sky's brightness variations are kept, faintly,
 * so clouds still read as clouds. A photo with no sky to find fails the transformation (and is
 * refunded) instead of being charged for an unchanged copy.
 */
import { PermanentJobError } from '../../../core/jobs/job';
import type { Rgba, TransformEngine } from './engine';
import { feather, findSky } from './sky-mask';

/** Less sky than this share of the frame is not worth a replacement (and is likely a wall or a window). */
const MIN_SKY_SHARE = 0.03;
const ZENITH = [52, 112, 196];
const HORIZON = [170, 206, 238];
/** How much of the old sky's light and shade shows through the new colour. */
const TEXTURE = 0.35;

/** Mean brightness of the sky pixels (what the texture varies around). */
function meanLuma(image: Rgba, inSky: Uint8Array, pixels: number): number {
  let sum = 0;
  for (let p = 0; p < inSky.length; p++) if (inSky[p]) sum += image.data[p * 4]! * 0.299 + image.data[p * 4 + 1]! * 0.587 + image.data[p * 4 + 2]! * 0.114;
  return sum / pixels;
}

/** Paints the gradient through `alpha` in place, from row 0 (zenith) to `horizonRow`. */
function paintSky(image: Rgba, alpha: Float32Array, horizonRow: number, mean: number) {
  const { width: w, height: h, data: d } = image;
  for (let y = 0; y < h; y++) {
    const t = Math.min(1, y / Math.max(1, horizonRow));
    const sky = ZENITH.map((z, c) => z + (HORIZON[c]! - z) * t);
    for (let x = 0; x < w; x++) {
      const a = alpha[y * w + x]!;
      if (a < 0.004) continue;
      const i = (y * w + x) * 4;
      const shade = TEXTURE * (d[i]! * 0.299 + d[i + 1]! * 0.587 + d[i + 2]! * 0.114 - mean);
      for (let c = 0; c < 3; c++) d[i + c] = Math.min(255, Math.max(0, d[i + c]! * (1 - a) + (sky[c]! + shade) * a));
    }
  }
}

export const skyEngine: TransformEngine = {
  async run({ image }) {
    const mask = findSky(image);
    const share = (mask?.pixels ?? 0) / (image.width * image.height);
    if (!mask || share < MIN_SKY_SHARE) throw new PermanentJobError(`no sky found in the photo (${(share * 100).toFixed(1)}% of it looks like sky)`);
    const alpha = feather(mask, image.width, image.height, Math.max(2, Math.round(image.height * 0.004)));
    paintSky(image, alpha, mask.lowestRow, meanLuma(image, mask.inSky, mask.pixels));
    return { image, engine: 'classic' };
  },
};
