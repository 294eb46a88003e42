/**
 * `enhance`, classic: the roll straightened first (edges are measured on the photo as shot), then
 * auto-levels, grey-world white balance and a tone curve applied as one table per channel.
 */
import type { TransformEngine } from './engine';
import { measureTilt, rotateFilled } from './straighten';
import { applyTables, toneTables } from './tone';

/** Runs on the input's pixels: the tone pass in place, the rotation (when needed) into a new buffer. */
export const enhanceEngine: TransformEngine = {
  async run({ image }) {
    const tilt = measureTilt(image);
    const straight = tilt ? rotateFilled(image, tilt) : image;
    applyTables(straight, toneTables(straight));
    return { image: straight, engine: 'classic' };
  },
};
