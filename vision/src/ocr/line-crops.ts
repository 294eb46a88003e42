/**
 * Cuts a rotated text box out of the work image straight into the recogniser's input layout:
 * planar BGR (Paddle's models were trained on OpenCV's channel order), `LINE_HEIGHT` pixels high,
 * normalised to [-1, 1].
 */
import type { WorkImage } from '../image';
import type { RotatedBox } from './geometry';

/** PP-OCRv4's recogniser reads lines 48 pixels high. */
export const LINE_HEIGHT = 48;

export type LineCrop = { data: Float32Array; width: number };

/** Turns a box whose text runs top to bottom on its side, as PaddleOCR does (np.rot90). */
function readingBox(box: RotatedBox): RotatedBox {
  if (box.h < 1.5 * box.w) return box;
  return { ...box, u: box.v, v: { x: -box.u.x, y: -box.u.y }, w: box.h, h: box.w };
}

/** Samples `box` into a LINE_HEIGHT-high crop no wider than `maxWidth`. */
export function cropLine(image: WorkImage, source: RotatedBox, maxWidth: number): LineCrop {
  const box = readingBox(source);
  const width = Math.max(8, Math.min(maxWidth, Math.ceil((LINE_HEIGHT * box.w) / Math.max(box.h, 1))));
  const height = LINE_HEIGHT;
  // Several samples a pixel when shrinking, so thin strokes do not alias away.
  const ss = Math.min(4, Math.max(1, Math.ceil(box.h / height)));
  const plane = width * height;
  const data = new Float32Array(3 * plane);
  const rgb = [0, 0, 0];
  for (let oy = 0; oy < height; oy++) {
    for (let ox = 0; ox < width; ox++) {
      let r = 0, g = 0, b = 0;
      for (let sy = 0; sy < ss; sy++) {
        const t = ((oy + (sy + 0.5) / ss) / height - 0.5) * box.h;
        for (let sx = 0; sx < ss; sx++) {
          const s = ((ox + (sx + 0.5) / ss) / width - 0.5) * box.w;
          bilinear(image, box.cx + box.u.x * s + box.v.x * t, box.cy + box.u.y * s + box.v.y * t, rgb);
          r += rgb[0]!; g += rgb[1]!; b += rgb[2]!;
        }
      }
      const n = ss * ss * 127.5;
      const i = oy * width + ox;
      data[i] = b / n - 1;
      data[plane + i] = g / n - 1;
      data[2 * plane + i] = r / n - 1;
    }
  }
  return { data, width };
}

/** Bilinear RGB at a point given in pixel-edge coordinates, edges replicated. */
function bilinear(image: WorkImage, x: number, y: number, out: number[]) {
  const { data, width, height } = image;
  const fx = Math.min(Math.max(x - 0.5, 0), width - 1);
  const fy = Math.min(Math.max(y - 0.5, 0), height - 1);
  const x0 = Math.floor(fx), y0 = Math.floor(fy);
  const x1 = Math.min(x0 + 1, width - 1), y1 = Math.min(y0 + 1, height - 1);
  const ax = fx - x0, ay = fy - y0;
  const i00 = (y0 * width + x0) * 3, i01 = (y0 * width + x1) * 3;
  const i10 = (y1 * width + x0) * 3, i11 = (y1 * width + x1) * 3;
  for (let c = 0; c < 3; c++) {
    const top = data[i00 + c]! * (1 - ax) + data[i01 + c]! * ax;
    const bottom = data[i10 + c]! * (1 - ax) + data[i11 + c]! * ax;
    out[c] = top * (1 - ay) + bottom * ay;
  }
}

/** Packs crops side by side into one [n, 3, LINE_HEIGHT, width] batch, padded with zeros on the right. */
export function packBatch(crops: LineCrop[], width: number): Float32Array {
  const plane = LINE_HEIGHT * width;
  const batch = new Float32Array(crops.length * 3 * plane);
  crops.forEach((crop, n) => {
    for (let c = 0; c < 3; c++) {
      for (let y = 0; y < LINE_HEIGHT; y++) {
        const from = c * LINE_HEIGHT * crop.width + y * crop.width;
        batch.set(crop.data.subarray(from, from + crop.width), n * 3 * plane + c * plane + y * width);
      }
    }
  });
  return batch;
}
