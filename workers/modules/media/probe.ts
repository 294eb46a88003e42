/**
 * Reads what an image says about itself from its first bytes, before any decoding: the real
 * type (magic bytes), dimensions, and for JPEG the coding mode, channels and EXIF block.
 * This is where decompression bombs are caught: a header is cheap, pixels are not.
 */
import { sniffImageType, type SniffedType } from '../../shared/sniff';

export type Probe = {
  type: SniffedType;
  width: number;
  height: number;
  /** JPEG only. */
  progressive?: boolean;
  components?: number;
  /** JPEG only: the APP1 "Exif\0\0" payload if it lies within the probed bytes. */
  exif?: Uint8Array | null;
};

/** How many leading bytes to fetch: EXIF blocks with embedded previews run up to 64 KB. */
export const PROBE_BYTES = 128 * 1024;

const u16be = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;
const u32be = (b: Uint8Array, o: number) => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
const u16le = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u24le = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16);

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const PROGRESSIVE_SOF = new Set([0xc2, 0xc6, 0xca, 0xce]);

function probeJpeg(b: Uint8Array): Probe {
  const probe: Probe = { type: 'image/jpeg', width: 0, height: 0, exif: null };
  let o = 2;
  while (o + 4 <= b.length) {
    if (b[o] !== 0xff) return probe; // lost sync: let the decoder judge
    const marker = b[o + 1]!;
    if (marker === 0xff) {
      o++;
      continue;
    }
    const length = u16be(b, o + 2);
    if (marker === 0xe1 && !probe.exif && o + 4 + length - 2 <= b.length) {
      const payload = b.subarray(o + 4, o + 2 + length);
      if (String.fromCharCode(...payload.subarray(0, 4)) === 'Exif') probe.exif = payload.slice();
    }
    if (SOF_MARKERS.has(marker) && o + 10 <= b.length) {
      return { ...probe, height: u16be(b, o + 5), width: u16be(b, o + 7), components: b[o + 9]!, progressive: PROGRESSIVE_SOF.has(marker) };
    }
    if (marker === 0xda) return probe;
    o += 2 + length;
  }
  return probe;
}

function probeWebp(b: Uint8Array): Probe {
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === 'VP8 ' && b.length >= 30) return { type: 'image/webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { type: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && b.length >= 30) return { type: 'image/webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return { type: 'image/webp', width: 0, height: 0 };
}

/** Type and header facts of an image from its first bytes (zeros where the header is unreadable). */
export function probeImage(head: Uint8Array): Probe {
  const type = sniffImageType(head);
  if (type === 'image/jpeg') return probeJpeg(head);
  if (type === 'image/png' && head.length >= 24) return { type, width: u32be(head, 16), height: u32be(head, 20) };
  if (type === 'image/webp') return probeWebp(head);
  return { type, width: 0, height: 0 };
}
