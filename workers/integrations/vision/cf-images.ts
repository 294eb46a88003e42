/**
 * Cloudflare Images as the cutout engine (`segment: "foreground"`): PNG with the background
 * made transparent. The quality hints are measured here from the returned alpha.
 */
import { decodePng } from '../../modules/media/codecs/png';
import type { Cutout } from './types';
import { VisionUnavailableError } from './types';

/** Share of opaque pixels, and whether they reach at least two image edges. */
export function maskStats(rgba: Uint8Array, width: number, height: number) {
  let opaque = 0;
  const edges = { top: 0, bottom: 0, left: 0, right: 0 };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (rgba[(y * width + x) * 4 + 3]! < 128) continue;
      opaque++;
      if (y === 0) edges.top++;
      if (y === height - 1) edges.bottom++;
      if (x === 0) edges.left++;
      if (x === width - 1) edges.right++;
    }
  }
  const substantial = [edges.top / width, edges.bottom / width, edges.left / height, edges.right / height].filter((f) => f > 0.2);
  return { subjectArea: opaque / (width * height), touchesBorder: substantial.length >= 2 };
}

export function cfImagesCutout(images: ImagesBinding): Cutout {
  return {
    source: 'cutout:cf-images',
    async cutout(image) {
      let png: Uint8Array;
      try {
        const input = new Blob([image]).stream();
        const result = await images.input(input).transform({ segment: 'foreground' }).output({ format: 'image/png' });
        png = new Uint8Array(await result.response().arrayBuffer());
      } catch (err) {
        throw new VisionUnavailableError(`Images segmentation failed: ${(err as Error).message}`);
      }
      const decoded = decodePng(png);
      return { png, ...maskStats(decoded.data, decoded.width, decoded.height) };
    },
  };
}
