/**
 * DB (differentiable binarization) post-processing, as PaddleOCR does it: threshold the text
 * probability map, take each connected region, fit a rotated rectangle, drop weak or tiny ones and
 * grow the rest by the unclip ratio (the model predicts shrunken text kernels).
 */
import { bounds, minAreaRect, unclip, type RotatedBox } from './geometry';

export type RegionOptions = {
  /** Pixel probability above which a pixel is text. */
  threshold: number;
  /** Mean probability inside a box below which it is dropped. */
  boxThreshold: number;
  unclipRatio: number;
  /** Shorter side, in map pixels, below which a box is dropped. */
  minSize: number;
  maxCandidates: number;
};

export const PADDLE_REGION_OPTIONS: RegionOptions = {
  threshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  minSize: 3,
  maxCandidates: 1000,
};

export type TextRegion = { box: RotatedBox; score: number };

type Scratch = { labels: Int32Array; stack: Int32Array; rowMin: Int32Array; rowMax: Int32Array };

/** Finds text regions in a `width` x `height` probability map. */
export function findTextRegions(prob: Float32Array, width: number, height: number, options: RegionOptions): TextRegion[] {
  const scratch: Scratch = {
    labels: new Int32Array(width * height),
    stack: new Int32Array(width * height),
    rowMin: new Int32Array(height).fill(width),
    rowMax: new Int32Array(height).fill(-1),
  };
  const regions: TextRegion[] = [];
  let label = 0;
  for (let start = 0; start < prob.length && regions.length < options.maxCandidates; start++) {
    if (scratch.labels[start] !== 0 || prob[start]! <= options.threshold) continue;
    const points = floodFill(prob, width, height, options.threshold, scratch, start, ++label);
    const kernel = minAreaRect(points);
    if (Math.min(kernel.w, kernel.h) < options.minSize) continue;
    const score = meanInside(prob, width, height, kernel);
    if (score < options.boxThreshold) continue;
    const box = unclip(kernel, options.unclipRatio);
    if (Math.min(box.w, box.h) < options.minSize + 2) continue;
    regions.push({ box, score });
  }
  return regions;
}

/**
 * Labels the 8-connected region holding `start` and returns the corners of its pixels at the ends
 * of each row: enough for the convex hull, and far fewer points than the region.
 */
function floodFill(
  prob: Float32Array,
  width: number,
  height: number,
  threshold: number,
  scratch: Scratch,
  start: number,
  label: number,
) {
  const { labels, stack, rowMin, rowMax } = scratch;
  let top = 0;
  let minY = height;
  let maxY = -1;
  stack[top++] = start;
  labels[start] = label;
  while (top > 0) {
    const index = stack[--top]!;
    const x = index % width;
    const y = (index - x) / width;
    if (x < rowMin[y]!) rowMin[y] = x;
    if (x > rowMax[y]!) rowMax[y] = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
      for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
        const n = ny * width + nx;
        if (labels[n] === 0 && prob[n]! > threshold) {
          labels[n] = label;
          stack[top++] = n;
        }
      }
    }
  }
  const points: { x: number; y: number }[] = [];
  for (let y = minY; y <= maxY; y++) {
    if (rowMax[y]! < 0) continue;
    const x0 = rowMin[y]!;
    const x1 = rowMax[y]! + 1;
    points.push({ x: x0, y }, { x: x0, y: y + 1 }, { x: x1, y }, { x: x1, y: y + 1 });
    rowMin[y] = width;
    rowMax[y] = -1;
  }
  return points;
}

/** Mean probability of the map pixels whose centre lies inside the box. */
function meanInside(prob: Float32Array, width: number, height: number, box: RotatedBox) {
  const { x0, y0, x1, y1 } = bounds(box);
  let sum = 0;
  let count = 0;
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(height, Math.ceil(y1)); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(width, Math.ceil(x1)); x++) {
      const dx = x + 0.5 - box.cx;
      const dy = y + 0.5 - box.cy;
      if (Math.abs(dx * box.u.x + dy * box.u.y) > box.w / 2 || Math.abs(dx * box.v.x + dy * box.v.y) > box.h / 2) continue;
      sum += prob[y * width + x]!;
      count++;
    }
  }
  return count === 0 ? 0 : sum / count;
}
