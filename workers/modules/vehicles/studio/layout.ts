/**
 * Where the car goes on the backdrop: found by its outline (the cutout's alpha), placed by its
 * bottom centre, which is where the tyres touch the ground.
 */
import type { StudioOptions } from '../../../shared/enums';
import type { Box, Rgba } from './filters';

/** Alpha above this is the car; below it, the mask's soft fringe and stray specks. */
const SOLID = 32;
/** A row or column counts as car only with this share of the fullest one (ignores specks). */
const SPECK_SHARE = 0.02;
/**
 * The car's lowest row needs this share of the widest one: a thin strip the mask kept below the
 * body (a lane line, a kerb's edge) is not where the tyres touch the floor, and placed there it left
 * the car floating above its shadow. Two tyres' lowest rows hold far more.
 */
const GROUND_SHARE = 0.06;
/** autoCentre: the largest the car may be, as shares of the backdrop, at scale 1. */
const FIT_WIDTH = 0.8;
const FIT_HEIGHT = 0.55;

function span(counts: Uint32Array, lastShare = SPECK_SHARE): [number, number] | null {
  let most = 0;
  for (const c of counts) most = Math.max(most, c);
  const first = counts.findIndex((c) => c >= Math.max(1, most * SPECK_SHARE));
  if (first < 0) return null;
  let last = counts.length - 1;
  while (counts[last]! < Math.max(1, most * lastShare)) last--;
  return [first, last];
}

/** The car's bounding box in the cutout, or null when the mask holds nothing. */
export function carBox(cutout: Rgba): Box | null {
  const rows = new Uint32Array(cutout.height);
  const cols = new Uint32Array(cutout.width);
  for (let y = 0, i = 3; y < cutout.height; y++) {
    for (let x = 0; x < cutout.width; x++, i += 4) {
      if (cutout.data[i]! > SOLID) {
        rows[y]!++;
        cols[x]!++;
      }
    }
  }
  const [ys, xs] = [span(rows, GROUND_SHARE), span(cols)];
  return ys && xs ? { x: xs[0], y: ys[0], w: xs[1] - xs[0] + 1, h: ys[1] - ys[0] + 1 } : null;
}

/** The car's box on the backdrop (pixels), and the factor from cutout to backdrop pixels. */
export type Placement = Box & { factor: number };

/**
 * autoCentre: the car fitted to a standard size (times `scale`), its bottom centre at
 * (positionX, positionY). Off: the car keeps its size and place in the photo (times `scale`), and
 * the positions move it from there by their distance to the defaults (centre, floor line).
 */
export function placeCar(options: StudioOptions, floor: number, car: Box, cutout: { width: number; height: number }, canvas: { width: number; height: number }): Placement {
  const W = canvas.width;
  const H = canvas.height;
  const frame = W / cutout.width;
  const factor = (options.autoCentre ? Math.min((FIT_WIDTH * W) / car.w, (FIT_HEIGHT * H) / car.h) : frame) * options.scale;
  const anchorX = options.autoCentre ? options.positionX * W : (car.x + car.w / 2) * frame + (options.positionX - 0.5) * W;
  const anchorY = options.autoCentre ? options.positionY * H : (car.y + car.h) * frame + (options.positionY - floor) * H;
  const w = Math.max(1, Math.round(car.w * factor));
  const h = Math.max(1, Math.round(car.h * factor));
  return { x: Math.round(anchorX - w / 2), y: Math.round(anchorY - h), w, h, factor };
}
