/**
 * From decoded pixels to the published variants: resize once to web size, orient, measure
 * (perceptual hash, blur, placeholder) on the clean pixels, then watermark and encode.
 */
import type { Watermark } from '../../db/schema/index';
import { copyIntoWasm, freeInWasm, pixels, resizeInWasm, type WasmImage } from './codecs/jpegdec';
import { applyWatermark } from './codecs/watermark';
import { encodeWebp } from './codecs/webp';
import { laplacianVariance, BLUR_THRESHOLD } from './image/blur';
import { applyOrientation } from './image/orientation';
import { perceptualHash } from './image/phash';
import { placeholderOf } from './image/placeholder';
import { fitWithin, LIMITS } from './limits';

export type Variant = { bytes: Uint8Array; width: number; height: number };

export type Rendered = {
  web: Variant;
  thumb: Variant;
  phash: string;
  blurScore: number;
  isBlurry: boolean;
  placeholder: string;
};

/** Resizes inside wasm and copies the result out (a JS copy is needed to orient and draw on). */
export function resizedCopy(source: WasmImage, width: number, height: number): Uint8Array {
  if (source.width === width && source.height === height) return pixels(source).slice();
  const resized = resizeInWasm(source, width, height);
  const copy = pixels(resized).slice();
  freeInWasm(resized);
  return copy;
}

export type Pixels = { data: Uint8Array; width: number; height: number };

/** The decoded image at web size, copied out of wasm so the decoder can be released at once. */
export function webSized(decoded: WasmImage): Pixels {
  const size = fitWithin(decoded.width, decoded.height, LIMITS.webEdge);
  return { data: resizedCopy(decoded, size.width, size.height), ...size };
}

export async function renderVariants(webSizedPixels: Pixels, orientation: number, watermark: Watermark | null): Promise<Rendered> {
  const web = applyOrientation(webSizedPixels.data, webSizedPixels.width, webSizedPixels.height, orientation);

  const thumbSize = fitWithin(web.width, web.height, LIMITS.thumbEdge);
  const webInWasm = copyIntoWasm(web.data, web.width, web.height);
  const thumb = resizedCopy(webInWasm, thumbSize.width, thumbSize.height);
  freeInWasm(webInWasm);

  // Signals come from the clean pixels: a watermark would skew the blur score and the hashes.
  // The hash only looks at 32x32, so the thumbnail is as good a source as the web image.
  const blurScore = laplacianVariance(web.data, web.width, web.height);
  const measured = {
    phash: perceptualHash(thumb, thumbSize.width, thumbSize.height),
    blurScore,
    isBlurry: blurScore < BLUR_THRESHOLD,
    placeholder: placeholderOf(thumb, thumbSize.width, thumbSize.height),
  };

  if (watermark) {
    applyWatermark(web.data, web.width, web.height, watermark);
    applyWatermark(thumb, thumbSize.width, thumbSize.height, watermark);
  }
  return {
    web: { bytes: await encodeWebp(web.data, web.width, web.height, LIMITS.webpQuality), width: web.width, height: web.height },
    thumb: { bytes: await encodeWebp(thumb, thumbSize.width, thumbSize.height, LIMITS.webpQuality), ...thumbSize },
    ...measured,
  };
}
