/**
 * EXIF orientation applied to pixels, so every variant is stored upright and no viewer has to
 * honour (or mishonour) the tag. Orientations 5-8 turn the image a quarter, swapping its sides.
 */

export type Oriented = { data: Uint8Array; width: number; height: number };

/** Whether an EXIF orientation turns the image a quarter (5-8), swapping width and height. */
const isQuarterTurn = (orientation: number) => orientation >= 5 && orientation <= 8;

/** The displayed size of a `width` x `height` image stored with this EXIF orientation. */
export function orientedSize(width: number, height: number, orientation: number): { width: number; height: number } {
  return isQuarterTurn(orientation) ? { width: height, height: width } : { width, height };
}

/**
 * Where the source pixel (x, y) lands in the output, as `start + x * stepX + y * stepY`
 * (indices in pixels). Each orientation is one such affine walk, so the copy loop has no branches.
 */
function walkFor(orientation: number, w: number, h: number): { start: number; stepX: number; stepY: number } {
  switch (orientation) {
    case 2: return { start: w - 1, stepX: -1, stepY: w }; // mirrored left-right
    case 3: return { start: w * h - 1, stepX: -1, stepY: -w }; // upside down
    case 4: return { start: (h - 1) * w, stepX: 1, stepY: -w }; // mirrored top-bottom
    case 5: return { start: 0, stepX: h, stepY: 1 }; // transposed
    case 6: return { start: h - 1, stepX: h, stepY: -1 }; // needs a quarter turn clockwise
    case 7: return { start: w * h - 1, stepX: -h, stepY: -1 }; // transversed
    case 8: return { start: (w - 1) * h, stepX: -h, stepY: 1 }; // needs a quarter turn counter-clockwise
    default: return { start: 0, stepX: 1, stepY: w };
  }
}

/** A 32-bit view of RGBA pixels, copying only if the bytes are not 4-aligned in their buffer. */
function asPixels(rgba: Uint8Array, count: number): Uint32Array {
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice(0, count * 4);
  return new Uint32Array(aligned.buffer, aligned.byteOffset, count);
}

/**
 * RGBA pixels turned and/or mirrored so they display upright for the given EXIF orientation.
 * Orientation 1 (or anything outside 1-8) returns the input itself, not a copy; otherwise
 * the result is a new buffer. Whole pixels move as one 32-bit word, so byte order never matters.
 */
export function applyOrientation(rgba: Uint8Array, width: number, height: number, orientation: number): Oriented {
  if (orientation < 2 || orientation > 8) return { data: rgba, width, height };
  const count = width * height;
  const source = asPixels(rgba, count);
  const data = new Uint8Array(count * 4);
  const target = new Uint32Array(data.buffer);
  const { start, stepX, stepY } = walkFor(orientation, width, height);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0, at = start + y * stepY; x < width; x++, at += stepX) target[at] = source[i++]!;
  }
  return { data, ...orientedSize(width, height, orientation) };
}
