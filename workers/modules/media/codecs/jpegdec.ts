/**
 * TypeScript side of wasm/jpegdec (libjpeg-turbo 2.1.5 + stb_image_resize, built by
 * wasm/jpegdec/build.sh). It decodes a JPEG *while downscaling* (libjpeg's DCT scaling M/8),
 * fed chunk by chunk from a stream, so a 50 MP original costs ~20 MB of wasm, not 200+.
 */
import jpegdecModule from '../../../../wasm/jpegdec/jpegdec.wasm';

const NEED_INPUT = 0;
const HEADER = 1;
const DONE = 2;

export class JpegDecodeError extends Error {}

type Exports = {
  memory: WebAssembly.Memory;
  dec_create(minLongEdge: number, rgba: number, maxMemory: number): number;
  dec_input_reserve(dec: number, n: number): number;
  dec_input_commit(dec: number, n: number): void;
  dec_input_eof(dec: number): void;
  dec_run(dec: number): number;
  dec_info(dec: number, out: number): void;
  dec_output(dec: number): number;
  dec_exif(dec: number, lenOut: number): number;
  dec_destroy(dec: number): void;
  dec_malloc(n: number): number;
  dec_free(ptr: number): void;
  img_resize(src: number, w: number, h: number, ow: number, oh: number, channels: number, filter: number): number;
};

export type JpegHeader = {
  width: number;
  height: number;
  components: number;
  progressive: boolean;
  /** Bytes of DCT coefficients a progressive decode must hold (libjpeg keeps all of them). */
  coefficientBytes: number;
  outputWidth: number;
  outputHeight: number;
  warnings: number;
};

/**
 * RGBA pixels living in a decoder instance's wasm memory. Read them through `pixels()`. The
 * image names its instance: a concurrent job's failure may replace the shared instance while
 * this image is still in use, and its pointer means nothing in another instance.
 */
export type WasmImage = { ptr: number; width: number; height: number; readonly heap: Exports };

/**
 * A fresh view of the pixels: any allocation may grow wasm memory and detach older views,
 * so views are made at the point of use and never kept.
 */
export function pixels(image: WasmImage): Uint8Array {
  return new Uint8Array(image.heap.memory.buffer, image.ptr, image.width * image.height * 4);
}

function instantiate(): Exports {
  let memory: WebAssembly.Memory | undefined;
  const cString = (ptr: number) => {
    const bytes = new Uint8Array(memory!.buffer);
    let end = ptr;
    while (bytes[end]) end++;
    return new TextDecoder().decode(bytes.subarray(ptr, end));
  };
  const unsupported = (name: string) => () => {
    throw new JpegDecodeError(`wasi call not supported: ${name}`);
  };
  const instance = new WebAssembly.Instance(jpegdecModule, {
    // libjpeg's error_exit lands here; throwing unwinds the wasm stack like longjmp.
    env: { js_error: (ptr: number) => { throw new JpegDecodeError(cString(ptr)); } },
    wasi_snapshot_preview1: {
      fd_close: unsupported('fd_close'),
      fd_seek: unsupported('fd_seek'),
      fd_write: unsupported('fd_write'),
      proc_exit: unsupported('proc_exit'),
    },
  });
  memory = instance.exports.memory as WebAssembly.Memory;
  return instance.exports as unknown as Exports;
}

/**
 * One decoder instance per isolate, reused photo after photo: wasm memory never shrinks, so a
 * fresh instance per photo would only pile up garbage. After an error its state is undefined
 * and it is dropped.
 */
let shared: Exports | null = null;
const wasm = () => (shared ??= instantiate());

/** Peak wasm memory the decoder has reached in this isolate. */
export const decoderMemoryBytes = () => shared?.memory.buffer.byteLength ?? 0;

export type DecodeOptions = {
  /** Decode at the smallest M/8 scale whose long edge is still at least this (0 = full size). */
  minLongEdge: number;
  /** Cap on libjpeg's own allocations; a progressive file over it fails fast and cleanly. */
  maxMemory: number;
  /** Called once the header is read, before any pixel work: throw to stop (e.g. a bomb). */
  onHeader?: (header: JpegHeader) => void;
};

export type DecodedJpeg = WasmImage & {
  header: JpegHeader;
  exif: Uint8Array | null;
  /** The data ended before the last scanline (libjpeg filled the rest with grey). */
  truncated: boolean;
  release(): void;
};

function readHeader(x: Exports, dec: number, scratch: number): JpegHeader {
  x.dec_info(dec, scratch);
  const i = new Int32Array(x.memory.buffer, scratch, 12);
  return {
    width: i[0]!,
    height: i[1]!,
    components: i[2]!,
    progressive: i[4] === 1,
    outputWidth: i[5]!,
    outputHeight: i[6]!,
    warnings: i[10]!,
    coefficientBytes: i[11]!,
  };
}

/** Feeds `chunks` until the image is decoded; trailing bytes (e.g. embedded previews) are not read. */
export async function decodeJpeg(chunks: AsyncIterable<Uint8Array>, options: DecodeOptions): Promise<DecodedJpeg> {
  const x = wasm();
  const dec = x.dec_create(options.minLongEdge, 1, options.maxMemory);
  const scratch = x.dec_malloc(64);
  const release = () => {
    x.dec_free(scratch);
    x.dec_destroy(dec);
  };
  try {
    const pump = () => {
      for (;;) {
        const state = x.dec_run(dec);
        if (state !== HEADER) return state;
        options.onHeader?.(readHeader(x, dec, scratch));
      }
    };
    let state = NEED_INPUT;
    for await (const chunk of chunks) {
      const ptr = x.dec_input_reserve(dec, chunk.byteLength);
      if (!ptr) throw new JpegDecodeError('out of memory (input buffer)');
      new Uint8Array(x.memory.buffer, ptr, chunk.byteLength).set(chunk);
      x.dec_input_commit(dec, chunk.byteLength);
      state = pump();
      if (state === DONE) break;
    }
    const truncated = state !== DONE;
    if (truncated) {
      x.dec_input_eof(dec);
      if (pump() !== DONE) throw new JpegDecodeError('unexpected end of input');
    }
    const header = readHeader(x, dec, scratch);
    const ptr = x.dec_output(dec);
    const exifPtr = x.dec_exif(dec, scratch + 48);
    const exifLength = new Uint32Array(x.memory.buffer, scratch + 48, 1)[0]!;
    const exif = exifPtr ? new Uint8Array(x.memory.buffer, exifPtr, exifLength).slice() : null;
    const { outputWidth: width, outputHeight: height } = header;
    return { ptr, width, height, heap: x, header, exif, truncated, release };
  } catch (err) {
    shared = null; // state undefined after a libjpeg error: next photo gets a fresh instance
    throw err;
  }
}

/** stb_image_resize's filters, by the glue's numbering. */
const TRIANGLE = 2;

/**
 * Resize of RGBA pixels inside the decoder's memory (stb_image_resize). The DCT-scaled decode
 * leaves at most a 2x step to web size, where a triangle filter looks as good as Catmull-Rom
 * at about half the cost.
 */
export function resizeInWasm(src: WasmImage, width: number, height: number): WasmImage {
  const ptr = src.heap.img_resize(src.ptr, src.width, src.height, width, height, 4, TRIANGLE);
  return { ptr, width, height, heap: src.heap };
}

/** Copies JS-side RGBA (a PNG or WebP decoded elsewhere) into the decoder's memory. */
export function copyIntoWasm(data: Uint8Array, width: number, height: number): WasmImage {
  const x = wasm();
  const ptr = x.dec_malloc(data.byteLength);
  if (!ptr) throw new JpegDecodeError('out of memory (copy)');
  new Uint8Array(x.memory.buffer, ptr, data.byteLength).set(data);
  return { ptr, width, height, heap: x };
}

export function freeInWasm(image: WasmImage): void {
  image.heap.dec_free(image.ptr);
}
