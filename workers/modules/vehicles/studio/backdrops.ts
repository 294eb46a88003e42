/**
 * The studio's backdrops: each rendered by the project at any size (no image is downloaded).
 * `floor` is where a car's tyres touch the ground by default and `horizon` where the floor meets
 * the wall or the sky, both as fractions of the height; the compose step places the car on them.
 */
import { BACKDROP_IDS, type BackdropId } from '../../../shared/enums';

export type Backdrop = { id: BackdropId; name: string; horizon: number; floor: number };
export type Rgba = { width: number; height: number; data: Uint8ClampedArray };

const NAMES: Record<BackdropId, string> = {
  showroom_indoor: 'Showroom',
  showroom_outdoor: 'Showroom forecourt',
  studio_white: 'White studio',
  studio_grey: 'Grey studio',
  studio_black: 'Black studio',
  garage_modern: 'Modern garage',
  garage_luxury: 'Luxury garage',
  parking_outdoor: 'Outdoor car park',
};

export const BACKDROPS: readonly Backdrop[] = BACKDROP_IDS.map((id) => ({ id, name: NAMES[id], horizon: 0.55, floor: 0.86 }));

export const backdropOf = (id: BackdropId): Backdrop => BACKDROPS.find((b) => b.id === id)!;

/** The backdrop's pixels at `width` x `height` (opaque RGBA). Placeholder: a wall and a floor. */
export function renderBackdrop(id: BackdropId, width: number, height: number): Rgba {
  const { horizon } = backdropOf(id);
  const data = new Uint8ClampedArray(width * height * 4);
  const wall = 200;
  const floor = 150;
  for (let y = 0; y < height; y++) {
    const v = y < horizon * height ? wall : floor;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = v;
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}
