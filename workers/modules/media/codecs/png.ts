import './image-data';
import { decode, encode, initSync } from '@jsquash/png/codec/pkg/squoosh_png.js';
import * as pngWasm from '@jsquash/png/codec/pkg/squoosh_png_bg.wasm';

// The package types this .wasm as wasm-bindgen exports; wrangler's default export is the module.
const pngModule = (pngWasm as unknown as { default: WebAssembly.Module }).default;

let ready = false;

function init() {
  if (!ready) {
    initSync(pngModule);
    ready = true;
  }
}

/** Full-size PNG decode to 8-bit RGBA (16-bit and palette PNGs are expanded by the codec). */
export function decodePng(bytes: Uint8Array) {
  init();
  const image = decode(bytes) as unknown as { data: Uint8ClampedArray; width: number; height: number };
  return { data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength), width: image.width, height: image.height };
}

/** 8-bit RGBA PNG (lossless: what an image model is sent, so it edits the pixels we have). */
export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  init();
  return encode(rgba, width, height, 8);
}
