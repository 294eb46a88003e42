/**
 * The placeholder a gallery paints before a photo loads: a ThumbHash (~25 bytes holding a
 * blurry version of the image and its aspect ratio), encoded by the `thumbhash` package that
 * the SPA also uses to decode it.
 */
import { rgbaToThumbHash } from 'thumbhash';
import { fitWithin } from '../limits';
import { areaAverage } from './raster';

/** ThumbHash encodes images of at most 100x100 pixels. */
const THUMBHASH_MAX_EDGE = 100;

/**
 * RGBA pixels area-averaged down to `toWidth` x `toHeight`. Alpha is averaged like the colours
 * (not premultiplied), which is exact for the opaque photos this is used on.
 */
export function downscaleRgba(rgba: Uint8Array, width: number, height: number, toWidth: number, toHeight: number): Uint8Array {
  const averaged = areaAverage(rgba, width, height, 4, toWidth, toHeight);
  const out = new Uint8Array(averaged.length);
  for (let i = 0; i < averaged.length; i++) out[i] = Math.min(255, Math.round(averaged[i]!));
  return out;
}

/** The placeholder (ThumbHash, standard base64) of an image of any size: the 400 px thumbnail, in practice. */
export function placeholderOf(rgba: Uint8Array, width: number, height: number): string {
  const size = fitWithin(width, height, THUMBHASH_MAX_EDGE);
  const unchanged = size.width === width && size.height === height;
  const small = unchanged ? rgba : downscaleRgba(rgba, width, height, size.width, size.height);
  return btoa(String.fromCharCode(...rgbaToThumbHash(size.width, size.height, small)));
}
