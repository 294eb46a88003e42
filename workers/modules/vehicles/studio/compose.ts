/**
 * The studio's compose step, run in the Worker: the car (the cutout's pixels) set on a rendered
 * backdrop with a contact shadow and an optional floor reflection, the plate treated. Layers are
 * premultiplied RGBA, so resizing and blending never bleed the cutout's hidden colours.
 */
import type { StudioOptions } from '../../../shared/enums';
import { copyIntoWasm, freeInWasm } from '../../media/codecs/jpegdec';
import { resizedCopy } from '../../media/render';
import { boxBlur, clip, type Box, type Rgba } from './filters';
import { carBox, placeCar, type Placement } from './layout';
import { treatPlate } from './plate';

/** The cutout's mask holds nothing to place. */
export class EmptyCutoutError extends Error {}

export type ComposeInput = {
  /** RGBA, alpha = the car's mask (the cutout of the web variant). */
  cutout: Rgba;
  /** Opaque RGBA at the output size; drawn on in place. */
  backdrop: Rgba;
  /** The backdrop's floor line, as a fraction of its height. */
  floor: number;
  options: StudioOptions;
  /** The plate's box as fractions of the cutout (from the reading), and the name for `logo`. */
  plate: { box: Box | null; label: string };
};

/** The car's pixels cropped to its box, premultiplied, resized to its place (stb_image_resize in wasm). */
function carLayer(cutout: Rgba, car: Box, place: Placement): Rgba {
  const crop = new Uint8Array(car.w * car.h * 4);
  for (let y = 0; y < car.h; y++) {
    let s = ((car.y + y) * cutout.width + car.x) * 4;
    for (let x = 0, d = y * car.w * 4; x < car.w; x++, s += 4, d += 4) {
      const a = cutout.data[s + 3]!;
      crop[d] = (cutout.data[s]! * a + 127) / 255;
      crop[d + 1] = (cutout.data[s + 1]! * a + 127) / 255;
      crop[d + 2] = (cutout.data[s + 2]! * a + 127) / 255;
      crop[d + 3] = a;
    }
  }
  const inWasm = copyIntoWasm(crop, car.w, car.h);
  try {
    return { data: resizedCopy(inWasm, place.w, place.h), width: place.w, height: place.h };
  } finally {
    freeInWasm(inWasm);
  }
}

/** Premultiplied `layer` over `canvas` with its top-left at (left, top), clipped. */
function over(canvas: Rgba, layer: Rgba, left: number, top: number) {
  const area = clip({ x: left, y: top, w: layer.width, h: layer.height }, canvas.width, canvas.height);
  for (let y = area.y; y < area.y + area.h; y++) {
    let s = ((y - top) * layer.width + area.x - left) * 4;
    let d = (y * canvas.width + area.x) * 4;
    for (let x = 0; x < area.w; x++, s += 4, d += 4) {
      const a = layer.data[s + 3]!;
      if (!a) continue;
      const k = 1 - a / 255;
      canvas.data[d] = layer.data[s]! + canvas.data[d]! * k;
      canvas.data[d + 1] = layer.data[s + 1]! + canvas.data[d + 1]! * k;
      canvas.data[d + 2] = layer.data[s + 2]! + canvas.data[d + 2]! * k;
    }
  }
}

/** The lowest solid row of each column in the car's bottom quarter: where it touches the floor. */
function contactRows(layer: Rgba): Int32Array {
  const rows = new Int32Array(layer.width).fill(-1);
  const from = Math.floor(layer.height * 0.75);
  for (let x = 0; x < layer.width; x++) {
    for (let y = layer.height - 1; y >= from; y--) {
      if (layer.data[(y * layer.width + x) * 4 + 3]! > 128) {
        rows[x] = y;
        break;
      }
    }
  }
  return rows;
}

/**
 * A contact shadow: a soft ellipse under the body, and a dark line under every part that
 * touches the floor (the tyres), blurred together: darkest at the contact line.
 */
function drawShadow(canvas: Rgba, layer: Rgba, place: Placement) {
  const r = Math.max(1, Math.round(place.h * 0.012));
  const pad = 3 * r;
  const bottom = place.y + place.h;
  const region = { x: Math.round(place.x - place.w * 0.08) - pad, y: Math.round(bottom - place.h * 0.1) - pad, w: Math.round(place.w * 1.16) + 2 * pad, h: Math.round(place.h * 0.18) + 2 * pad };
  const mask = new Float32Array(region.w * region.h);
  const [cx, cy, rx, ry] = [place.x + place.w / 2 - region.x, bottom - region.y, place.w * 0.55, Math.max(2, place.h * 0.07)];
  for (let y = 0; y < region.h; y++) {
    for (let x = 0; x < region.w; x++) {
      const d = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
      if (d < 1) mask[y * region.w + x] = 0.45 * (1 - d);
    }
  }
  const line = Math.max(1, Math.round(place.h * 0.008));
  contactRows(layer).forEach((row, col) => {
    if (row < 0) return;
    const x = place.x + col - region.x;
    for (let y = place.y + row - region.y - line; y <= place.y + row - region.y + line; y++) {
      if (y >= 0 && y < region.h && x >= 0 && x < region.w) mask[y * region.w + x] = 0.9;
    }
  });
  boxBlur(mask, region.w, region.h, 1, r);
  const area = clip(region, canvas.width, canvas.height);
  for (let y = area.y; y < area.y + area.h; y++) {
    for (let x = area.x; x < area.x + area.w; x++) {
      const k = 1 - Math.min(0.92, mask[(y - region.y) * region.w + x - region.x]!);
      const d = (y * canvas.width + x) * 4;
      canvas.data[d] = canvas.data[d]! * k;
      canvas.data[d + 1] = canvas.data[d + 1]! * k;
      canvas.data[d + 2] = canvas.data[d + 2]! * k;
    }
  }
}

/** The car mirrored on the floor below its contact line, fading out and slightly blurred. */
function drawReflection(canvas: Rgba, layer: Rgba, place: Placement) {
  const rows = Math.max(1, Math.round(layer.height * 0.35));
  const data = new Uint8Array(layer.width * rows * 4);
  for (let k = 0; k < rows; k++) {
    const fade = 0.3 * (1 - k / rows) ** 2;
    const from = (layer.height - 1 - k) * layer.width * 4;
    for (let i = 0; i < layer.width * 4; i++) data[k * layer.width * 4 + i] = layer.data[from + i]! * fade;
  }
  boxBlur(data, layer.width, rows, 4, Math.max(1, layer.height * 0.006), 2);
  over(canvas, { data, width: layer.width, height: rows }, place.x, place.y + place.h);
}

/** Composes the studio image on `input.backdrop` (returned, drawn in place). */
export function composeStudio(input: ComposeInput): Rgba {
  const { cutout, backdrop: canvas, options } = input;
  const car = carBox(cutout);
  if (!car) throw new EmptyCutoutError('the cutout holds no vehicle');
  const place = placeCar(options, input.floor, car, cutout, canvas);
  const layer = carLayer(cutout, car, place);
  const plate = input.plate.box;
  if (plate && options.plate !== 'keep') {
    const box = { x: (plate.x * cutout.width - car.x) * place.factor, y: (plate.y * cutout.height - car.y) * place.factor, w: plate.w * cutout.width * place.factor, h: plate.h * cutout.height * place.factor };
    treatPlate(layer, box, options.plate, input.plate.label);
  }
  if (options.reflection) drawReflection(canvas, layer, place);
  if (options.shadow) drawShadow(canvas, layer, place);
  over(canvas, layer, place.x, place.y);
  return canvas;
}
