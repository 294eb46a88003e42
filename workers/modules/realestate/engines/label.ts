/**
 * The disclosure badge on a transformed photo's public variants ("Virtually staged" /
 * "Photo retouchée"): listing rules (MLS disclosure, France's rules on misleading advertising) ask
 * that an altered photo say so where it is seen, so the text must stay legible on any photo.
 */
import { stamp, textMask } from '../../media/codecs/watermark';
import type { Rgba } from './engine';

/** Opacity of the plate behind the text: dark enough for white text over a white wall. */
const PLATE_OPACITY = 0.6;

/** Darkens a rectangle (clipped to the image) towards black by `opacity`. */
function darken(image: Rgba, left: number, top: number, width: number, height: number, opacity: number) {
  const keep = 1 - opacity;
  for (let y = Math.max(0, top); y < Math.min(image.height, top + height); y++) {
    for (let x = Math.max(0, left); x < Math.min(image.width, left + width); x++) {
      const i = (y * image.width + x) * 4;
      for (let c = 0; c < 3; c++) image.data[i + c] = image.data[i + c]! * keep;
    }
  }
}

/**
 * Stamps `text` in place, bottom-left: white glyphs about 3% of the image's height on a dark
 * translucent plate, a margin away from the edges. Nothing outside the plate changes.
 */
export function stampLabel(image: Rgba, text: string): void {
  const fontSize = Math.max(11, Math.round(image.height * 0.03));
  const mask = textMask(text, fontSize);
  if (!mask.width) return;
  const pad = Math.round(fontSize * 0.45);
  const margin = Math.round(Math.min(image.width, image.height) * 0.03);
  const plate = { width: mask.width + 2 * pad, height: mask.height + 2 * pad };
  const left = margin;
  const top = image.height - margin - plate.height;
  darken(image, left, top, plate.width, plate.height, PLATE_OPACITY);
  stamp(image.data, image.width, image.height, mask, left + pad, top + pad, 255, 1);
}
