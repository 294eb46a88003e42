/**
 * Numbers that tell the Worker whether a mask is worth trusting. IS-Net cuts out the most
 * prominent object, which on a close-up is sometimes the plate rather than the car, or a mask that
 * fills the frame: a tiny area, or a subject cut by two or more edges, is doubtful.
 */
export type MaskQuality = {
  /** Fraction of pixels with alpha >= 128. */
  subjectArea: number;
  /** The subject covers a substantial part of two or more image edges. */
  touchesBorder: boolean;
  /** Bounding box of the alpha >= 128 pixels (all zero when there are none). */
  box: { x: number; y: number; w: number; h: number };
  /** Which edges the subject covers substantially. */
  edges: { top: boolean; right: boolean; bottom: boolean; left: boolean };
};

const SOLID = 128;
/** An edge counts as touched when the subject covers at least this fraction of it. */
const EDGE_SHARE = 0.1;

/** Measures an 8-bit, one-channel mask of `width` x `height`. */
export function measureMask(mask: Uint8Array, width: number, height: number): MaskQuality {
  let count = 0;
  let x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (mask[i]! < SOLID) continue;
      count++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  const share = (length: number, at: (k: number) => number) => {
    let solid = 0;
    for (let k = 0; k < length; k++) if (mask[at(k)]! >= SOLID) solid++;
    return solid / length;
  };
  const edges = {
    top: share(width, (k) => k) >= EDGE_SHARE,
    right: share(height, (k) => k * width + width - 1) >= EDGE_SHARE,
    bottom: share(width, (k) => (height - 1) * width + k) >= EDGE_SHARE,
    left: share(height, (k) => k * width) >= EDGE_SHARE,
  };
  const touched = Object.values(edges).filter(Boolean).length;
  return {
    subjectArea: Math.round((count / (width * height)) * 10000) / 10000,
    touchesBorder: touched >= 2,
    box: count ? { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 } : { x: 0, y: 0, w: 0, h: 0 },
    edges,
  };
}
