/**
 * Blurs for the studio's compose step (shadows, reflections, plates): separable box blurs on
 * plain typed arrays, O(1) per sample whatever the radius. Three passes approximate a Gaussian.
 */

type Samples = Uint8Array | Float32Array;

/** One row or column: read into `line`, then the running window's mean written back. */
function blurLine(data: Samples, start: number, stride: number, n: number, channels: number, r: number, line: Float32Array) {
  for (let i = 0; i < n; i++) for (let c = 0; c < channels; c++) line[i * channels + c] = data[start + i * stride + c]!;
  const norm = 1 / (2 * r + 1);
  const last = n - 1;
  for (let c = 0; c < channels; c++) {
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += line[Math.min(last, Math.max(0, k)) * channels + c]!;
    for (let i = 0; i < n; i++) {
      data[start + i * stride + c] = sum * norm;
      sum += line[Math.min(last, i + r + 1) * channels + c]! - line[Math.max(0, i - r) * channels + c]!;
    }
  }
}

/** Blurs `channels` interleaved samples per pixel in place; edges are clamped (no dark border). */
export function boxBlur(data: Samples, width: number, height: number, channels: number, radius: number, passes = 3): void {
  const r = Math.max(1, Math.round(radius));
  const line = new Float32Array(Math.max(width, height) * channels);
  for (let p = 0; p < passes; p++) {
    for (let y = 0; y < height; y++) blurLine(data, y * width * channels, channels, width, channels, r, line);
    for (let x = 0; x < width; x++) blurLine(data, x * channels, width * channels, height, channels, r, line);
  }
}

export type Rgba = { data: Uint8Array; width: number; height: number };
/** A rectangle in pixels. */
export type Box = { x: number; y: number; w: number; h: number };

/** The part of `box` inside the image, in whole pixels (empty: w or h is 0). */
export function clip(box: Box, width: number, height: number): Box {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  return { x, y, w: Math.max(0, Math.min(width, Math.ceil(box.x + box.w)) - x), h: Math.max(0, Math.min(height, Math.ceil(box.y + box.h)) - y) };
}

/** Blurs the RGBA pixels inside `box` only (copied out, blurred, copied back). */
export function blurRegion(image: Rgba, box: Box, radius: number): void {
  const { x, y, w, h } = clip(box, image.width, image.height);
  if (!w || !h) return;
  const region = new Uint8Array(w * h * 4);
  for (let row = 0; row < h; row++) region.set(image.data.subarray(((y + row) * image.width + x) * 4, ((y + row) * image.width + x + w) * 4), row * w * 4);
  boxBlur(region, w, h, 4, radius);
  for (let row = 0; row < h; row++) image.data.set(region.subarray(row * w * 4, (row + 1) * w * 4), ((y + row) * image.width + x) * 4);
}
