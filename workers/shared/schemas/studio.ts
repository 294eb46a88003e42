import { z } from 'zod';
import { BACKDROP_IDS, PLATE_TREATMENTS } from '../enums';

const fraction = z.number().min(0).max(1);

/**
 * The look of a studio image (`POST /v1/photos/:id/studio`, `POST /v1/albums/:id/studio`).
 * `positionX`/`positionY` are where the bottom centre of the car (its tyres) goes, as fractions
 * of the image; `positionY` left out is the backdrop's floor line (filled in by the Worker, which
 * knows the backdrops). `autoCentre` sizes and places the car from its own outline; off, the car
 * keeps its size and place in the photo and the positions move it from there.
 */
export const studioBody = z.object({
  backdrop: z.enum(BACKDROP_IDS),
  scale: z.number().min(0.5).max(2).default(1),
  positionX: fraction.default(0.5),
  positionY: fraction.optional(),
  autoCentre: z.boolean().default(true),
  shadow: z.boolean().default(true),
  reflection: z.boolean().default(false),
  plate: z.enum(PLATE_TREATMENTS).default('keep'),
});

export type StudioBody = z.output<typeof studioBody>;
