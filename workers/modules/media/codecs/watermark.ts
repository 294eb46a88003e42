import { PhotonImage, Rgba, draw_text_with_color } from '@cf-wasm/photon/workerd';
import type { Watermark } from '../../../shared/enums';

/** A coverage mask (0..255 per pixel). */
export type Layer = { alpha: Uint8Array; width: number; height: number };

/**
 * Renders `text` once with Photon (Roboto, anti-aliased) into a coverage mask cropped to the
 * glyphs. Photon blends the white glyphs into a transparent canvas, so alpha = coverage.
 */
export function textMask(text: string, fontSize: number): Layer {
  const pad = Math.ceil(fontSize / 2);
  const width = Math.ceil(fontSize * 0.7 * [...text].length) + 2 * pad;
  const height = Math.ceil(fontSize * 1.6) + 2 * pad;
  const canvas = new PhotonImage(new Uint8Array(width * height * 4), width, height);
  try {
    draw_text_with_color(canvas, text, pad, pad, fontSize, new Rgba(255, 255, 255, 255));
    return cropToInk(canvas.get_raw_pixels(), width, height);
  } finally {
    canvas.free();
  }
}

function cropToInk(rgba: Uint8Array, width: number, height: number): Layer {
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (rgba[(y * width + x) * 4 + 3]! > 0) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  if (x1 < 0) return { alpha: new Uint8Array(0), width: 0, height: 0 };
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const alpha = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) alpha[y * w + x] = rgba[((y + y0) * width + x + x0) * 4 + 3]!;
  return { alpha, width: w, height: h };
}

/** Blends a solid colour through the mask onto RGBA pixels, clipped to the image. */
export function stamp(target: Uint8Array, tw: number, th: number, mask: Layer, left: number, top: number, rgb: number, opacity: number) {
  for (let y = Math.max(0, -top); y < mask.height && top + y < th; y++) {
    for (let x = Math.max(0, -left); x < mask.width && left + x < tw; x++) {
      const a = (mask.alpha[y * mask.width + x]! / 255) * opacity;
      if (a === 0) continue;
      const i = ((top + y) * tw + left + x) * 4;
      for (let c = 0; c < 3; c++) target[i + c] = target[i + c]! * (1 - a) + rgb * a;
    }
  }
}

/** Where copies of the mark go: one corner/centre spot, or a staggered grid for `tiled`. */
function placements(position: Watermark['position'], w: number, h: number, mask: Layer): [number, number][] {
  const margin = Math.round(Math.min(w, h) * 0.03);
  const right = w - mask.width - margin;
  const bottom = h - mask.height - margin;
  switch (position) {
    case 'top-left':
      return [[margin, margin]];
    case 'top-right':
      return [[right, margin]];
    case 'bottom-left':
      return [[margin, bottom]];
    case 'center':
      return [[Math.round((w - mask.width) / 2), Math.round((h - mask.height) / 2)]];
    case 'tiled': {
      const spots: [number, number][] = [];
      const stepX = mask.width * 2;
      const stepY = mask.height * 4;
      for (let row = 0, y = margin; y < h; y += stepY, row++) {
        for (let x = margin - (row % 2 ? stepX / 2 : 0); x < w; x += stepX) spots.push([Math.round(x), y]);
      }
      return spots;
    }
    default:
      return [[right, bottom]];
  }
}

/**
 * Composites the album watermark onto RGBA pixels in place: white text over a soft dark
 * offset copy, so it stays legible on bright and dark photos alike.
 */
export function applyWatermark(rgba: Uint8Array, width: number, height: number, watermark: Watermark): void {
  const fontSize = Math.max(11, Math.round(Math.min(width, height) * (watermark.position === 'tiled' ? 0.035 : 0.05)));
  const mask = textMask(watermark.text, fontSize);
  if (!mask.width) return;
  const shadow = Math.max(1, Math.round(fontSize / 16));
  for (const [x, y] of placements(watermark.position, width, height, mask)) {
    stamp(rgba, width, height, mask, x + shadow, y + shadow, 0, watermark.opacity * 0.6);
    stamp(rgba, width, height, mask, x, y, 255, watermark.opacity);
  }
}
