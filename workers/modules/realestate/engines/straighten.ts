/**
 * Vertical lines straightened: the camera's roll is measured from the photo's near-vertical edges
 * (a Hough vote over small angles) and undone by a rotation, zoomed just enough that no empty
 * corner shows. Only the roll: converging verticals from a camera tilted up (keystone) are not
 * corrected, which would need the lines' vanishing point and a perspective warp.
 */
import type { Rgba } from './engine';

/** Tilts are looked for within ±MAX_DEG (past that it is a deliberate angle, not a slip). */
const MAX_DEG = 6;
const STEP_DEG = 0.1;
/** Below this the photo is left alone: a resampling costs sharpness for no visible gain. */
const MIN_DEG = 0.3;
/** Edges are found on a copy this size: enough for a tenth of a degree, cheap on 24 MP. */
const ANALYSIS_EDGE = 512;
/** A horizontal gradient at least this strong (0..255 scale) and twice the vertical one marks a vertical edge. */
const EDGE_STRENGTH = 40;

type Grey = { v: Float32Array; width: number; height: number };

/** A small grey copy by box averaging. */
function shrink(image: Rgba): Grey {
  const f = Math.max(1, Math.ceil(Math.max(image.width, image.height) / ANALYSIS_EDGE));
  const width = Math.floor(image.width / f);
  const height = Math.floor(image.height / f);
  const v = new Float32Array(width * height);
  const d = image.data;
  for (let y = 0; y < height * f; y++) {
    const row = Math.floor(y / f) * width;
    for (let x = 0; x < width * f; x++) {
      const i = (y * image.width + x) * 4;
      v[row + Math.floor(x / f)]! += (d[i]! * 0.299 + d[i + 1]! * 0.587 + d[i + 2]! * 0.114) / (f * f);
    }
  }
  return { v, width, height };
}

/** Points on near-vertical edges (Sobel), as x, y pairs relative to the centre. */
function verticalEdgePoints(g: Grey): Float32Array {
  const points: number[] = [];
  const at = (x: number, y: number) => g.v[y * g.width + x]!;
  for (let y = 1; y < g.height - 1; y++) {
    for (let x = 1; x < g.width - 1; x++) {
      const gx = at(x + 1, y - 1) + 2 * at(x + 1, y) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x - 1, y) - at(x - 1, y + 1);
      const gy = at(x - 1, y + 1) + 2 * at(x, y + 1) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x, y - 1) - at(x + 1, y - 1);
      if (Math.abs(gx) > 4 * EDGE_STRENGTH && Math.abs(gx) > 2 * Math.abs(gy)) points.push(x - g.width / 2, y - g.height / 2);
    }
  }
  return Float32Array.from(points);
}

/** How well the points line up on lines `x = x0 + y·tan(angle)`: the sum of squared bin counts. */
function alignment(points: Float32Array, width: number, height: number, deg: number): number {
  const t = Math.tan((deg * Math.PI) / 180);
  const offset = width / 2 + height;
  const bins = new Uint32Array(width + 2 * height + 1);
  for (let i = 0; i < points.length; i += 2) bins[Math.round(points[i]! - points[i + 1]! * t + offset)]!++;
  let score = 0;
  for (const n of bins) score += n * n;
  return score;
}

/**
 * The roll of the photo in degrees (positive: verticals lean right going down), or 0 when there
 * are too few vertical edges to tell or the tilt is too small to bother.
 */
export function measureTilt(image: Rgba): number {
  const g = shrink(image);
  const points = verticalEdgePoints(g);
  if (points.length / 2 < g.height) return 0; // less than about one line's height of edges
  let best = { deg: 0, score: alignment(points, g.width, g.height, 0) };
  for (let deg = -MAX_DEG; deg <= MAX_DEG + 1e-9; deg += STEP_DEG) {
    const score = alignment(points, g.width, g.height, deg);
    if (score > best.score) best = { deg, score };
  }
  return Math.abs(best.deg) < MIN_DEG ? 0 : Math.round(best.deg * 10) / 10;
}

/** Rotates by `deg` about the centre (bilinear), zoomed so the frame stays filled. A new image. */
export function rotateFilled(image: Rgba, deg: number): Rgba {
  const { width: w, height: h, data: src } = image;
  const a = (deg * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  const zoom = Math.max((w * cos + h * Math.abs(sin)) / w, (w * Math.abs(sin) + h * cos) / h);
  const out = new Uint8Array(src.length);
  const [cx, cy] = [(w - 1) / 2, (h - 1) / 2];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [dx, dy] = [(x - cx) / zoom, (y - cy) / zoom];
      const sx = Math.min(w - 1.001, Math.max(0, cx + dx * cos + dy * sin));
      const sy = Math.min(h - 1.001, Math.max(0, cy - dx * sin + dy * cos));
      const [x0, y0] = [Math.floor(sx), Math.floor(sy)];
      const [fx, fy] = [sx - x0, sy - y0];
      const i = (y0 * w + x0) * 4;
      const o = (y * w + x) * 4;
      for (let c = 0; c < 4; c++) {
        const top = src[i + c]! + (src[i + 4 + c]! - src[i + c]!) * fx;
        const bottom = src[i + w * 4 + c]! + (src[i + w * 4 + 4 + c]! - src[i + w * 4 + c]!) * fx;
        out[o + c] = top + (bottom - top) * fy + 0.5;
      }
    }
  }
  return { data: out, width: w, height: h };
}
