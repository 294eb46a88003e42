/**
 * The plate on a studio image: blurred, or covered with a panel carrying the dealer's name.
 * Done on the car's own layer before it is set on the backdrop, so the plate moves with the car.
 */
import type { PlateTreatment } from '../../../shared/enums';
import { stamp, textMask } from '../../media/codecs/watermark';
import { blurRegion, clip, type Box, type Rgba } from './filters';

/** A dark, neutral panel (premultiplied RGBA, opaque) for the dealer's name in white. */
const PANEL = [24, 27, 34, 255] as const;
const LABEL_MAX_CHARS = 24;

/**
 * The reading's box holds the characters; the plate's border and margins (and the EU band) are
 * around them, wider above and below, so the treated area grows by these shares on each side.
 */
const MARGIN_X = 0.12;
const MARGIN_Y = 0.35;

const plateArea = (box: Box): Box => ({ x: box.x - box.w * MARGIN_X, y: box.y - box.h * MARGIN_Y, w: box.w * (1 + 2 * MARGIN_X), h: box.h * (1 + 2 * MARGIN_Y) });

function coverWithLabel(layer: Rgba, box: Box, label: string) {
  const panel = clip(plateArea(box), layer.width, layer.height);
  if (!panel.w || !panel.h) return;
  for (let y = panel.y; y < panel.y + panel.h; y++) {
    for (let x = panel.x; x < panel.x + panel.w; x++) layer.data.set(PANEL, (y * layer.width + x) * 4);
  }
  const text = label.trim().slice(0, LABEL_MAX_CHARS);
  if (!text) return;
  let size = Math.max(8, Math.round(panel.h * 0.55));
  let mask = textMask(text, size);
  if (mask.width > panel.w * 0.9) {
    size = Math.max(6, Math.floor((size * panel.w * 0.9) / mask.width));
    mask = textMask(text, size);
  }
  stamp(layer.data, layer.width, layer.height, mask, panel.x + Math.round((panel.w - mask.width) / 2), panel.y + Math.round((panel.h - mask.height) / 2), 255, 1);
}

/** Applies the treatment to the plate whose characters are at `box` (pixels of `layer`); `keep` leaves it. */
export function treatPlate(layer: Rgba, box: Box, treatment: PlateTreatment, label: string): void {
  if (treatment === 'blur') blurRegion(layer, plateArea(box), Math.max(2, box.h / 4));
  if (treatment === 'logo') coverWithLabel(layer, box, label);
}
