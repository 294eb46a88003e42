import './image-data';
import webpDecoderFactory from '@jsquash/webp/codec/dec/webp_dec.js';
import webpDecodeModule from '@jsquash/webp/codec/dec/webp_dec.wasm';
import webpEncoderFactory from '@jsquash/webp/codec/enc/webp_enc_simd.js';
import webpEncodeModule from '@jsquash/webp/codec/enc/webp_enc_simd.wasm';
import { defaultOptions } from '@jsquash/webp/meta.js';
import { initEmscriptenModule } from '@jsquash/webp/utils.js';

type Emscripten<T> = T & { HEAPU8: Uint8Array };
type Encoder = Emscripten<{ encode(data: Uint8Array, w: number, h: number, o: typeof defaultOptions): Uint8Array | null }>;
type Decoder = Emscripten<{ decode(data: Uint8Array): { data: Uint8ClampedArray; width: number; height: number } | null }>;

// Instantiated once per isolate with the modules wrangler compiled (workerd cannot fetch wasm).
let encoder: Promise<Encoder> | null = null;
let decoder: Promise<Decoder> | null = null;

/**
 * WebP (lossy) of RGBA pixels. Quality 80 is visually clean for photos. Method 2 (of 0-6) halves
 * the encode time of the default 4 for files a few percent larger (see README, benchmarks).
 */
export async function encodeWebp(rgba: Uint8Array, width: number, height: number, quality = 80): Promise<Uint8Array> {
  encoder ??= initEmscriptenModule(webpEncoderFactory, webpEncodeModule) as Promise<Encoder>;
  const result = (await encoder).encode(rgba, width, height, { ...defaultOptions, quality, method: 2 });
  if (!result) throw new Error('WebP encoding failed');
  return result;
}

/** Full-size decode: only for inputs small enough to hold twice (see limits in the job). */
export async function decodeWebp(bytes: Uint8Array) {
  decoder ??= initEmscriptenModule(webpDecoderFactory, webpDecodeModule) as Promise<Decoder>;
  const result = (await decoder).decode(bytes);
  if (!result) throw new Error('WebP decoding failed');
  return { data: new Uint8Array(result.data.buffer, result.data.byteOffset, result.data.byteLength), width: result.width, height: result.height };
}

/** Wasm memory held by the WebP codecs in this isolate. */
export async function webpMemoryBytes(): Promise<number> {
  const sizes = await Promise.all([encoder, decoder].map(async (m) => (m ? (await m).HEAPU8.buffer.byteLength : 0)));
  return sizes.reduce((a, b) => a + b, 0);
}
