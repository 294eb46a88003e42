// The jsquash decoders hand back `ImageData`, which workerd does not define. A plain holder
// with the same fields is all they need. Imported before any codec.
if (!('ImageData' in globalThis)) {
  (globalThis as Record<string, unknown>).ImageData = class ImageData {
    constructor(
      readonly data: Uint8ClampedArray,
      readonly width: number,
      readonly height: number,
    ) {}
  };
}
export {};
