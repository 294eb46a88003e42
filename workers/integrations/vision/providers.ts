import { cfImagesCutout } from './cf-images';
import { externalCutout, externalTextReader } from './external';
import type { Cutout, TextReader } from './types';
import { workersAiTextReader, type AiRunner } from './workers-ai';

/**
 * The configured engines. `external` (the vision service at VISION_URL) is the default and the
 * only one that runs offline; `workers-ai` and `cf-images` are the Cloudflare-native options.
 */
export function textReaderFor(env: Env): TextReader {
  if (env.VISION_TEXT_PROVIDER === 'workers-ai') {
    const ai = (env as unknown as { AI?: AiRunner }).AI;
    if (!ai) throw new Error('VISION_TEXT_PROVIDER=workers-ai needs an [ai] binding named AI');
    return workersAiTextReader(ai);
  }
  return externalTextReader({ url: env.VISION_URL, secret: env.VISION_SECRET });
}

export function cutoutFor(env: Env): Cutout {
  if (env.VISION_CUTOUT_PROVIDER === 'cf-images') return cfImagesCutout(env.IMAGES);
  return externalCutout({ url: env.VISION_URL, secret: env.VISION_SECRET });
}
