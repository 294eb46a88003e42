/**
 * The stand-in's image models (`@cf/runwayml/stable-diffusion-v1-5-inpainting` for declutter,
 * `-img2img` for stage): the request is checked as Workers AI checks it, and the answer is a PNG
 * made from the input image, not by a model: resized to the asked size, the inpainting mask's area
 * blurred (declutter) or the colours shifted by the seed (stage), and a banner "STAND-IN <kind>"
 * with the prompt's start and the seed. Same input and seed -> same bytes (sharp is deterministic).
 */
import sharp from 'sharp';

export const IMAGE_MODELS: Record<string, 'declutter' | 'stage'> = {
  '@cf/runwayml/stable-diffusion-v1-5-inpainting': 'declutter',
  '@cf/runwayml/stable-diffusion-v1-5-img2img': 'stage',
};

export type ImageRequest = {
  prompt?: unknown;
  image?: unknown;
  image_b64?: unknown;
  mask?: unknown;
  width?: unknown;
  height?: unknown;
  num_steps?: unknown;
  strength?: unknown;
  seed?: unknown;
};

const side = (v: unknown) => Number.isInteger(v) && (v as number) >= 256 && (v as number) <= 2048 && (v as number) % 8 === 0;
const bytesOf = (v: unknown) => (Array.isArray(v) && v.every((b) => Number.isInteger(b) && b >= 0 && b <= 255) ? Buffer.from(v as number[]) : null);

/** What Workers AI would refuse in this body (its message), or null. */
export function invalidImageRequest(kind: 'declutter' | 'stage', body: ImageRequest): string | null {
  if (typeof body.prompt !== 'string' || !body.prompt) return "Required properties missing: 'prompt'";
  if (typeof body.image_b64 !== 'string' && !bytesOf(body.image)) return "Required properties missing: 'image' or 'image_b64'";
  if (kind === 'declutter' && !bytesOf(body.mask)) return "Required properties missing: 'mask'";
  if (body.width !== undefined && !side(body.width)) return "Value of '/width' must be a multiple of 8 between 256 and 2048";
  if (body.height !== undefined && !side(body.height)) return "Value of '/height' must be a multiple of 8 between 256 and 2048";
  if (body.num_steps !== undefined && !(Number.isInteger(body.num_steps) && (body.num_steps as number) <= 20)) return "Value of '/num_steps' must be at most 20";
  return null;
}

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function banner(width: number, kind: string, prompt: string, seed: number): Buffer {
  const size = Math.max(14, Math.round(width / 28));
  const head = prompt.length > 48 ? `${prompt.slice(0, 47)}…` : prompt;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${size * 3.4}">` +
      `<rect width="100%" height="100%" fill="#000" fill-opacity="0.6"/>` +
      `<text x="${size / 2}" y="${size * 1.35}" font-family="DejaVu Sans" font-weight="bold" font-size="${size}" fill="#ffd400">STAND-IN ${xml(kind)} · seed ${seed}</text>` +
      `<text x="${size / 2}" y="${size * 2.8}" font-family="DejaVu Sans" font-size="${size * 0.75}" fill="#fff">${xml(head)}</text></svg>`,
  );
}

/** The PNG answer for a valid request (see the file's comment). */
export async function imageAnswer(kind: 'declutter' | 'stage', body: ImageRequest): Promise<Buffer> {
  const input = typeof body.image_b64 === 'string' ? Buffer.from(body.image_b64, 'base64') : bytesOf(body.image)!;
  const meta = await sharp(input).metadata();
  const width = (body.width as number | undefined) ?? Math.floor(meta.width! / 8) * 8;
  const height = (body.height as number | undefined) ?? Math.floor(meta.height! / 8) * 8;
  const seed = Number(body.seed ?? 0);
  const base = sharp(input).resize(width, height, { fit: 'fill' }).removeAlpha();
  let made: sharp.Sharp;
  if (kind === 'declutter') {
    const mask = await sharp(bytesOf(body.mask)!).resize(width, height, { fit: 'fill' }).greyscale().raw().toBuffer();
    const blurred = await base.clone().blur(12).modulate({ brightness: 1.12 }).joinChannel(mask, { raw: { width, height, channels: 1 } }).png().toBuffer();
    made = base.clone().composite([{ input: blurred }]);
  } else {
    made = sharp(await base.clone().modulate({ hue: (seed % 90) + 20, saturation: 1.25 }).png().toBuffer());
  }
  const prompt = String(body.prompt);
  return made.composite([{ input: banner(width, kind, prompt, seed), top: 0, left: 0 }]).png().toBuffer();
}
