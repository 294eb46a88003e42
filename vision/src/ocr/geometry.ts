/** A rotated rectangle: `u` runs along the text (left to right), `v` across it (downwards). */
export type RotatedBox = {
  cx: number;
  cy: number;
  /** Extent along `u`. */
  w: number;
  /** Extent along `v`. */
  h: number;
  u: { x: number; y: number };
  v: { x: number; y: number };
};

type Point = { x: number; y: number };

function cross(o: Point, a: Point, b: Point) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/** Andrew's monotone chain: the convex hull, counter-clockwise, of points sorted by x then y. */
function convexHull(sorted: Point[]): Point[] {
  if (sorted.length < 3) return sorted;
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/**
 * The minimum-area rectangle around a set of points (rotating calipers over the hull), oriented
 * so that `u` is the more horizontal axis and points right, and `v` points down.
 */
export function minAreaRect(points: Point[]): RotatedBox {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const hull = convexHull(sorted);
  let best: RotatedBox | null = null;
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len === 0) continue;
    const u = { x: (b.x - a.x) / len, y: (b.y - a.y) / len };
    const v = { x: -u.y, y: u.x };
    let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity;
    for (const p of hull) {
      const pu = p.x * u.x + p.y * u.y;
      const pv = p.x * v.x + p.y * v.y;
      minU = Math.min(minU, pu); maxU = Math.max(maxU, pu);
      minV = Math.min(minV, pv); maxV = Math.max(maxV, pv);
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const mu = (minU + maxU) / 2;
      const mv = (minV + maxV) / 2;
      best = { cx: u.x * mu + v.x * mv, cy: u.y * mu + v.y * mv, w: maxU - minU, h: maxV - minV, u, v };
    }
  }
  if (!best) {
    // Fewer than two distinct points: a degenerate box that callers drop by size.
    const p = points[0] ?? { x: 0, y: 0 };
    return { cx: p.x, cy: p.y, w: 0, h: 0, u: { x: 1, y: 0 }, v: { x: 0, y: 1 } };
  }
  return orient(best);
}

/** Makes `u` the more horizontal axis pointing right and `v` point down. */
export function orient(box: RotatedBox): RotatedBox {
  let { u, v, w, h } = box;
  if (Math.abs(u.x) < Math.abs(v.x)) [u, v, w, h] = [v, u, h, w];
  if (u.x < 0) u = { x: -u.x, y: -u.y };
  v = { x: -u.y, y: u.x };
  if (v.y < 0) v = { x: -v.x, y: -v.y };
  return { ...box, u, v, w, h };
}

/** Grows a box by PaddleOCR's unclip distance (area * ratio / perimeter) on every side. */
export function unclip(box: RotatedBox, ratio: number): RotatedBox {
  const distance = (box.w * box.h * ratio) / (2 * (box.w + box.h));
  return { ...box, w: box.w + 2 * distance, h: box.h + 2 * distance };
}

/** Maps a box through an axis-aligned scale (sx, sy), which keeps it a rectangle when sx ≈ sy. */
export function scaleBox(box: RotatedBox, sx: number, sy: number): RotatedBox {
  const ux = box.u.x * sx, uy = box.u.y * sy;
  const lu = Math.hypot(ux, uy);
  const u = { x: ux / lu, y: uy / lu };
  const lv = Math.hypot(box.v.x * sx, box.v.y * sy);
  return orient({ cx: box.cx * sx, cy: box.cy * sy, w: box.w * lu, h: box.h * lv, u, v: { x: -u.y, y: u.x } });
}

/** The axis-aligned bounds of a rotated box. */
export function bounds(box: RotatedBox) {
  const ex = (Math.abs(box.u.x) * box.w + Math.abs(box.v.x) * box.h) / 2;
  const ey = (Math.abs(box.u.y) * box.w + Math.abs(box.v.y) * box.h) / 2;
  return { x0: box.cx - ex, y0: box.cy - ey, x1: box.cx + ex, y1: box.cy + ey };
}
