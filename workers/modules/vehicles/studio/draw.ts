/**
 * The studio image from a cutout PNG, all in the isolate: decode, the backdrop at the web
 * variant's size (1600 px long side), the compose step, then the WebP and its 400 px thumbnail.
 * No bindings, so `npm run bench:studio` runs exactly this.
 */
import type { StudioOptions } from '../../../shared/enums';
import { copyIntoWasm, decoderMemoryBytes, freeInWasm } from '../../media/codecs/jpegdec';
import { decodePng } from '../../media/codecs/png';
import { encodeWebp, webpMemoryBytes } from '../../media/codecs/webp';
import { fitWithin, LIMITS } from '../../media/limits';
import { resizedCopy } from '../../media/render';
import { backdropOf, renderBackdrop } from './backdrops';
import { composeStudio, type ComposeInput } from './compose';

export type Drawn = {
  web: { bytes: Uint8Array; width: number; height: number };
  thumb: Uint8Array;
  /** Wasm memory of the codecs in this isolate after the work (it never shrinks: the peak). */
  peakWasmBytes: number;
};

export async function drawStudio(png: Uint8Array, options: StudioOptions, plate: ComposeInput['plate'], edge: number = LIMITS.webEdge): Promise<Drawn> {
  const cutout = decodePng(png);
  const size = fitWithin(cutout.width, cutout.height, edge);
  const backdrop = renderBackdrop(options.backdrop, size.width, size.height);
  const composed = composeStudio({
    cutout,
    backdrop: { data: new Uint8Array(backdrop.data.buffer, backdrop.data.byteOffset, backdrop.data.byteLength), ...size },
    floor: backdropOf(options.backdrop).floor,
    options,
    plate,
  });
  const thumbSize = fitWithin(composed.width, composed.height, LIMITS.thumbEdge);
  const inWasm = copyIntoWasm(composed.data, composed.width, composed.height);
  const thumbPixels = resizedCopy(inWasm, thumbSize.width, thumbSize.height);
  freeInWasm(inWasm);
  return {
    web: { bytes: await encodeWebp(composed.data, composed.width, composed.height, LIMITS.webpQuality), ...size },
    thumb: await encodeWebp(thumbPixels, thumbSize.width, thumbSize.height, LIMITS.webpQuality),
    peakWasmBytes: decoderMemoryBytes() + (await webpMemoryBytes()),
  };
}
