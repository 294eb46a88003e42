/**
 * `declutter` and `stage`: Stable Diffusion 1.5 on Workers AI. The photo goes out as a PNG at most
 * 1024 px (the models work at 512-1024; more only costs upload and time), the answer is scaled
 * back to the photo's size so the before/after slider lines up.
 */
import type { RoomType, StagingStyle } from '../../../shared/enums';
import { copyIntoWasm, freeInWasm } from '../../media/codecs/jpegdec';
import { decodePng, encodePng } from '../../media/codecs/png';
import { fitWithin } from '../../media/limits';
import { resizedCopy } from '../../media/render';
import type { Rgba, TransformEngine, TransformInput } from './engine';
import { runImageModel, type WorkersAiConfig } from './workers-ai-image';

export const INPAINTING_MODEL = '@cf/runwayml/stable-diffusion-v1-5-inpainting';
export const IMG2IMG_MODEL = '@cf/runwayml/stable-diffusion-v1-5-img2img';

const SEND_EDGE = 1024;
/** The models' limits: each side 256..2048 px and a multiple of 8. */
const MIN_SIDE = 256;
const NUM_STEPS = 20;
const GUIDANCE = 7.5;
/** How far img2img may move from the photo: enough to add furniture, little enough to keep walls and windows. */
const STAGE_STRENGTH = 0.6;
const NEGATIVE = 'people, text, watermark, logo, distorted walls, warped windows, blurry, cartoon, painting';

const ROOM_WORDS: Record<RoomType, string> = {
  living_room: 'living room',
  kitchen: 'kitchen',
  bedroom: 'bedroom',
  bathroom: 'bathroom',
  dining_room: 'dining room',
  office: 'home office',
  hallway: 'hallway',
  exterior: 'house exterior',
  garden: 'garden',
  other: 'room',
};

/** Copies `image` resized to exactly `width` x `height` (the wasm resizer the variants use). */
function resized(image: Rgba, width: number, height: number): Rgba {
  if (image.width === width && image.height === height) return image;
  const source = copyIntoWasm(image.data, image.width, image.height);
  try {
    return { data: resizedCopy(source, width, height), width, height };
  } finally {
    freeInWasm(source);
  }
}

/** The size the model is asked for: the photo's shape within SEND_EDGE, sides a multiple of 8. */
export function modelSize(width: number, height: number) {
  const fitted = fitWithin(width, height, SEND_EDGE);
  const side = (v: number) => Math.max(MIN_SIDE, Math.floor(v / 8) * 8);
  return { width: side(fitted.width), height: side(fitted.height) };
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * What declutter repaints: the floor and what stands on it, taken as the lower part of the frame
 * inside a margin (white = repaint). A heuristic, not a segmentation: walls, ceiling and windows
 * above the band are kept as they are.
 */
export function clutterMaskPng(width: number, height: number): Uint8Array {
  const mask = new Uint8Array(width * height * 4);
  const [x0, x1] = [Math.round(width * 0.04), Math.round(width * 0.96)];
  for (let y = 0; y < height; y++) {
    const repaint = y >= height * 0.45 && y < height * 0.96;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const v = repaint && x >= x0 && x < x1 ? 255 : 0;
      mask[i] = mask[i + 1] = mask[i + 2] = v;
      mask[i + 3] = 255;
    }
  }
  return encodePng(mask, width, height);
}

export function stagePrompt(style: StagingStyle | null, room: RoomType | null): string {
  return `${style ?? 'modern'} style furnished ${ROOM_WORDS[room ?? 'living_room']}, interior design, real estate photography, natural light, photorealistic`;
}

export function declutterPrompt(room: RoomType | null): string {
  return `empty tidy ${ROOM_WORDS[room ?? 'living_room']}, bare clean floor, no clutter, real estate photography, photorealistic`;
}

/** The model's request body for one transformation (the image and mask at `size`). */
function requestFor(model: string, input: TransformInput, size: { width: number; height: number }) {
  const image = resized(input.image, size.width, size.height);
  const common = { image_b64: base64(encodePng(image.data, size.width, size.height)), ...size, num_steps: NUM_STEPS, guidance: GUIDANCE, seed: input.seed, negative_prompt: NEGATIVE };
  if (model === INPAINTING_MODEL) return { ...common, prompt: declutterPrompt(input.roomType), mask: [...clutterMaskPng(size.width, size.height)], strength: 1 };
  return { ...common, prompt: stagePrompt(input.style, input.roomType), strength: STAGE_STRENGTH };
}

/** An engine calling `model` on Workers AI (`config` from loadConfig(env).workersAi). */
export function generativeEngine(config: WorkersAiConfig, model: typeof INPAINTING_MODEL | typeof IMG2IMG_MODEL): TransformEngine {
  return {
    async run(input) {
      const size = modelSize(input.image.width, input.image.height);
      const png = await runImageModel(config, model, requestFor(model, input, size));
      let made: Rgba;
      try {
        made = decodePng(png);
      } catch (err) {
        throw new Error(`Workers AI ${model} answered an image that is not a PNG: ${(err as Error).message}`);
      }
      return { image: resized(made, input.image.width, input.image.height), engine: model };
    },
  };
}
