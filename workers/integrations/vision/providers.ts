import { loadConfig } from '../../core/config';
import { cfImagesCutout } from './cf-images';
import { externalCutout, externalTextReader } from './external';
import type { Cutout, TextReader } from './types';
import { workersAiTextReader, type AiRunner } from './workers-ai';

/**
 * The configured engines (names in names.ts, checked by loadConfig: an unknown one fails the
 * deployment instead of falling back). `external` (the vision service at VISION_URL) is the
 * default and the only one that runs offline; `workers-ai` and `cf-images` are the Cloudflare-native options.
 */
export function textReaderFor(env: Env): TextReader {
  const vision = loadConfig(env).vision;
  switch (vision.textProvider) {
    case 'workers-ai':
      // loadConfig refused workers-ai without the binding, which `wrangler types` only knows once [ai] is in wrangler.toml.
      return workersAiTextReader((env as unknown as { AI: AiRunner }).AI);
    case 'external':
      return externalTextReader({ url: vision.url, secret: vision.secret });
  }
}

export function cutoutFor(env: Env): Cutout {
  const vision = loadConfig(env).vision;
  switch (vision.cutoutProvider) {
    case 'cf-images':
      return cfImagesCutout(env.IMAGES);
    case 'external':
      return externalCutout({ url: vision.url, secret: vision.secret });
  }
}
