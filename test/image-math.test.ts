import { thumbHashToApproximateAspectRatio } from 'thumbhash';
import { describe, expect, it } from 'vitest';
import { BLUR_THRESHOLD, laplacianVariance } from '../workers/modules/media/image/blur';
import { exifDateToIso, findJpegExif, readExif } from '../workers/modules/media/image/exif';
import { applyOrientation, orientedSize } from '../workers/modules/media/image/orientation';
import { hammingDistance, perceptualHash } from '../workers/modules/media/image/phash';
import { fitWithin } from '../workers/modules/media/limits';
import { downscaleRgba, placeholderOf } from '../workers/modules/media/image/placeholder';
import { image } from './helpers/photos';

/** A seeded PRNG (mulberry32): the same "random" images on every run. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type Rgb = [number, number, number];
type Picture = { data: Uint8Array; width: number; height: number };

/** An opaque RGBA image with each pixel's colour from `paint`. */
function picture(width: number, height: number, paint: (x: number, y: number) => Rgb): Picture {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const rgb = paint(x, y).map((v) => Math.max(0, Math.min(255, Math.round(v))));
      data.set([...rgb, 255], (y * width + x) * 4);
    }
  }
  return { data, width, height };
}

/** Something with the structure of a photo: a gradient, a few hard-edged discs, and grain. */
function photoLike(width: number, height: number, seed: number): Picture {
  const rand = prng(seed);
  const discs = Array.from({ length: 8 }, () => ({
    x: rand() * width,
    y: rand() * height,
    r: (0.08 + rand() * 0.2) * height,
    c: [rand() * 255, rand() * 255, rand() * 255] as Rgb,
  }));
  const angle = rand() * Math.PI * 2;
  return picture(width, height, (x, y) => {
    const disc = discs.findLast((d) => (x - d.x) ** 2 + (y - d.y) ** 2 < d.r ** 2);
    const ramp = 128 + 100 * Math.sin((Math.cos(angle) * x + Math.sin(angle) * y) / (width / 3));
    const grain = (rand() - 0.5) * 24;
    return (disc?.c ?? [ramp, 255 - ramp, 128]).map((v) => v + grain) as Rgb;
  });
}

/** Every pixel through `change`, as a new image. */
const mapPixels = (p: Picture, change: (rgb: Rgb) => Rgb): Picture =>
  picture(p.width, p.height, (x, y) => {
    const at = (y * p.width + x) * 4;
    return change([...p.data.subarray(at, at + 3)] as Rgb);
  });

/** A box blur of the given radius, `passes` times (three passes approach a Gaussian). */
function boxBlur(p: Picture, radius: number, passes: number): Picture {
  let data = Float32Array.from(p.data);
  const { width: w, height: h } = p;
  const along = (count: number, stride: number, lines: number, lineStride: number) => {
    const out = new Float32Array(data);
    for (let line = 0; line < lines; line++) {
      for (let i = 0; i < count; i++) {
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          for (let k = -radius; k <= radius; k++) {
            const clamped = Math.max(0, Math.min(count - 1, i + k)); // edges repeat outwards
            sum += data[line * lineStride + clamped * stride + c]!;
          }
          out[line * lineStride + i * stride + c] = sum / (2 * radius + 1);
        }
      }
    }
    data = out;
  };
  for (let pass = 0; pass < passes; pass++) {
    along(w, 4, h, w * 4);
    along(h, w * 4, w, 4);
  }
  return { ...p, data: Uint8Array.from(data, (v) => Math.round(v)) };
}

type Field = { tag: number; value: number | string; long?: boolean };

/** A hand-built "Exif\0\0" APP1 payload: TIFF in the given byte order, the Exif sub-IFD placed before IFD0. */
function exifBlob(order: 'II' | 'MM', ifd0: Field[], exifIfd?: Field[]): Uint8Array {
  const tiff = new DataView(new ArrayBuffer(2048));
  const little = order === 'II';
  let free = 8;
  // TIFF values start on even offsets.
  const alloc = (size: number) => {
    const at = free;
    free += size + (size & 1);
    return at;
  };
  const writeIfd = (fields: Field[]) => {
    const at = alloc(2 + fields.length * 12 + 4);
    tiff.setUint16(at, fields.length, little);
    fields.forEach(({ tag, value, long }, i) => {
      const entry = at + 2 + i * 12;
      tiff.setUint16(entry, tag, little);
      if (typeof value === 'string') {
        const bytes = [...value].map((c) => c.charCodeAt(0)).concat(0);
        const data = bytes.length <= 4 ? entry + 8 : alloc(bytes.length);
        tiff.setUint16(entry + 2, 2, little);
        tiff.setUint32(entry + 4, bytes.length, little);
        if (bytes.length > 4) tiff.setUint32(entry + 8, data, little);
        for (const [k, b] of bytes.entries()) tiff.setUint8(data + k, b);
      } else {
        tiff.setUint16(entry + 2, long ? 4 : 3, little);
        tiff.setUint32(entry + 4, 1, little);
        if (long) tiff.setUint32(entry + 8, value, little);
        else tiff.setUint16(entry + 8, value, little);
      }
    });
    return at;
  };
  const exifAt = exifIfd ? writeIfd(exifIfd) : null;
  const ifd0At = writeIfd(exifAt === null ? ifd0 : [...ifd0, { tag: 0x8769, value: exifAt, long: true }]);
  tiff.setUint16(0, little ? 0x4949 : 0x4d4d);
  tiff.setUint16(2, 42, little);
  tiff.setUint32(4, ifd0At, little);
  const blob = new Uint8Array(6 + free);
  blob.set([0x45, 0x78, 0x69, 0x66, 0, 0]);
  blob.set(new Uint8Array(tiff.buffer, 0, free), 6);
  return blob;
}

const DEFAULTS = { orientation: 1, takenAt: null, make: null, model: null };

const camera = (order: 'II' | 'MM', orientation: number) =>
  exifBlob(
    order,
    [
      { tag: 0x0112, value: orientation },
      { tag: 0x010f, value: 'FUJIFILM  ' },
      { tag: 0x0110, value: 'X-T5\0\0\0' },
      { tag: 0x0132, value: '2024:06:30 18:00:00' },
    ],
    [{ tag: 0x9003, value: '2024:06:14 09:30:05' }],
  );

describe('readExif', () => {
  it.each(['II', 'MM'] as const)('reads orientation, camera and capture time from %s TIFF', (order) => {
    const facts = readExif(camera(order, 6));
    expect(facts).toEqual({ orientation: 6, takenAt: '2024-06-14T09:30:05', make: 'FUJIFILM', model: 'X-T5' });
  });

  it('reads values short enough to sit inside the entry, and LONG orientations', () => {
    const blob = exifBlob('MM', [{ tag: 0x010f, value: 'Leo' }, { tag: 0x0112, value: 8, long: true }]);
    expect(readExif(blob)).toEqual({ ...DEFAULTS, orientation: 8, make: 'Leo' });
  });

  it('falls back to DateTime when there is no usable DateTimeOriginal', () => {
    const noSubIfd = exifBlob('II', [{ tag: 0x0132, value: '2023:01:02 03:04:05' }]);
    expect(readExif(noSubIfd).takenAt).toBe('2023-01-02T03:04:05');
    const unsetClock = exifBlob(
      'II',
      [{ tag: 0x0132, value: '2023:01:02 03:04:05' }],
      [{ tag: 0x9003, value: '0000:00:00 00:00:00' }],
    );
    expect(readExif(unsetClock).takenAt).toBe('2023-01-02T03:04:05');
  });

  it('clamps orientation to 1..8', () => {
    expect(readExif(exifBlob('II', [{ tag: 0x0112, value: 0 }])).orientation).toBe(1);
    expect(readExif(exifBlob('II', [{ tag: 0x0112, value: 42 }])).orientation).toBe(8);
  });

  it('turns EXIF dates into ISO-8601 and malformed ones into null', () => {
    expect(exifDateToIso('2024:02:29 23:59:59')).toBe('2024-02-29T23:59:59');
    const bad = ['2023:02:29 10:00:00', '2024:13:01 10:00:00', '2024:01:01 24:00:00', '2024-01-01 10:00:00', '2024:01:01', ''];
    for (const value of [...bad, null]) expect(exifDateToIso(value)).toBeNull();
  });

  it('returns defaults, never throws, on every truncation of a valid block', () => {
    const blob = camera('MM', 3);
    for (let length = 0; length < blob.length; length++) {
      const facts = readExif(blob.subarray(0, length));
      expect(facts.orientation).toBeGreaterThanOrEqual(1);
      if (length < 30) expect(facts).toEqual(DEFAULTS);
    }
  });

  it('survives garbage: wrong signature, bad byte order, offsets and counts pointing past the end', () => {
    const rand = prng(9);
    expect(readExif(new Uint8Array(0))).toEqual(DEFAULTS);
    expect(readExif(new TextEncoder().encode('Exif\0\0XX*\0\0\0\0\0'))).toEqual(DEFAULTS);
    const farOffset = camera('II', 6);
    new DataView(farOffset.buffer).setUint32(10, 0xfffffff0, true);
    expect(readExif(farOffset)).toEqual(DEFAULTS);
    for (let i = 0; i < 500; i++) {
      const noisy = camera(i % 2 ? 'II' : 'MM', 6);
      for (let k = 0; k < 6; k++) noisy[6 + Math.floor(rand() * (noisy.length - 6))] = Math.floor(rand() * 256);
      expect(() => readExif(noisy)).not.toThrow();
    }
  });
});

describe('findJpegExif', () => {
  const segment = (marker: number, payload: Uint8Array) => {
    const length = payload.length + 2;
    return [0xff, marker, length >> 8, length & 255, ...payload];
  };
  const text = (s: string) => new TextEncoder().encode(s);
  const exif = camera('II', 5);
  const jpeg = (...segments: number[][]) => new Uint8Array([0xff, 0xd8, ...segments.flat()]);

  it('finds the Exif APP1 among other segments, skipping XMP', () => {
    const file = jpeg(
      segment(0xe0, text('JFIF\0\x01\x02')),
      segment(0xe1, text('http://ns.adobe.com/xap/1.0/\0<x/>')),
      [0xff], // a fill byte before the next marker
      segment(0xe1, exif),
      segment(0xdb, new Uint8Array(65)),
    );
    expect(findJpegExif(file)).toEqual(exif);
    expect(readExif(findJpegExif(file)!).orientation).toBe(5);
  });

  it('stops at the image data, at a cut-off segment, and on non-JPEG bytes', () => {
    expect(findJpegExif(jpeg(segment(0xda, new Uint8Array(10)), segment(0xe1, exif)))).toBeNull();
    expect(findJpegExif(jpeg(segment(0xe1, exif)).subarray(0, 40))).toBeNull();
    expect(findJpegExif(text('\x89PNG not a jpeg'))).toBeNull();
  });

  it('reads the orientation sharp wrote into a real JPEG', () => {
    for (const orientation of [1, 3, 6, 8]) {
      const app1 = findJpegExif(image(`orientation${orientation}`));
      expect(app1 && readExif(app1).orientation).toBe(orientation);
    }
  });
});

describe('applyOrientation', () => {
  // A 3x2 image of distinct pixels a..f:  a b c / d e f
  const letters = 'abcdef';
  const source = picture(3, 2, (x, y) => [letters.charCodeAt(y * 3 + x), 0, 0]);
  const layout = ({ data, width, height }: Picture) =>
    Array.from({ length: height }, (_, y) =>
      Array.from({ length: width }, (_, x) => String.fromCharCode(data[(y * width + x) * 4]!)).join(''),
    ).join('/');

  const expected: Record<number, string> = {
    1: 'abc/def',
    2: 'cba/fed',
    3: 'fed/cba',
    4: 'def/abc',
    5: 'ad/be/cf',
    6: 'da/eb/fc',
    7: 'fc/eb/da',
    8: 'cf/be/ad',
  };

  it.each(Object.entries(expected))('orientation %s displays as %s', (orientation, want) => {
    const oriented = applyOrientation(source.data, 3, 2, Number(orientation));
    expect(layout(oriented)).toBe(want);
    expect(oriented.data.length).toBe(24);
    expect([oriented.width, oriented.height]).toEqual(Number(orientation) >= 5 ? [2, 3] : [3, 2]);
    expect(orientedSize(3, 2, Number(orientation))).toEqual({ width: oriented.width, height: oriented.height });
  });

  it('returns the very same pixels for orientation 1 and leaves the input alone otherwise', () => {
    expect(applyOrientation(source.data, 3, 2, 1).data).toBe(source.data);
    const before = source.data.slice();
    applyOrientation(source.data, 3, 2, 6);
    expect(source.data).toEqual(before);
  });

  it('copes with pixels that are not 4-byte aligned in their buffer', () => {
    const shifted = new Uint8Array(25);
    shifted.set(source.data, 1);
    expect(layout(applyOrientation(shifted.subarray(1), 3, 2, 8))).toBe('cf/be/ad');
  });
});

describe('perceptualHash', () => {
  const photo = photoLike(320, 240, 1);

  it('is 16 hex characters, the same for the same pixels', () => {
    const hash = perceptualHash(photo.data, photo.width, photo.height);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(perceptualHash(photo.data.slice(), photo.width, photo.height)).toBe(hash);
  });

  it('barely moves for a brightened, noisy or resized copy', () => {
    const rand = prng(3);
    const hash = perceptualHash(photo.data, photo.width, photo.height);
    const brighter = mapPixels(photo, (rgb) => rgb.map((v) => v * 1.08 + 10 + (rand() - 0.5) * 16) as Rgb);
    const smaller = downscaleRgba(photo.data, 320, 240, 200, 150);
    expect(hammingDistance(hash, perceptualHash(brighter.data, 320, 240))).toBeLessThanOrEqual(6);
    expect(hammingDistance(hash, perceptualHash(smaller, 200, 150))).toBeLessThanOrEqual(6);
  });

  it('differs a lot for unrelated images', () => {
    const hash = perceptualHash(photo.data, photo.width, photo.height);
    for (const seed of [2, 5, 11]) {
      const other = photoLike(320, 240, seed);
      expect(hammingDistance(hash, perceptualHash(other.data, 320, 240))).toBeGreaterThanOrEqual(20);
    }
  });

  it('counts differing bits, and refuses hashes of different lengths', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(hammingDistance('abcdef0123456789', 'ABCDEF0123456789')).toBe(0);
    expect(() => hammingDistance('00', '000')).toThrow(RangeError);
  });
});

describe('laplacianVariance', () => {
  // Scores depend on scale; BLUR_THRESHOLD assumes web size, so these images are web size.
  const rand = prng(4);
  const noiseOnChecker = picture(1600, 1067, (x, y) => {
    const base = ((x >> 5) + (y >> 5)) % 2 ? 170 : 90;
    return [base + (rand() - 0.5) * 120, base + (rand() - 0.5) * 120, base + (rand() - 0.5) * 120];
  });
  const photo = photoLike(1600, 1067, 8);

  it.each([
    ['noise on a checkerboard', noiseOnChecker],
    ['a photo-like image', photo],
  ])('scores %s as sharp, and a Gaussian-like blur of it (sigma ~2.8) as blurry', (_, sharp) => {
    const sharpScore = laplacianVariance(sharp.data, sharp.width, sharp.height);
    const blurred = boxBlur(sharp, 3, 2);
    const blurredScore = laplacianVariance(blurred.data, blurred.width, blurred.height);
    console.log(`blur score: sharp ${sharpScore.toFixed(1)}, blurred ${blurredScore.toFixed(2)} (threshold ${BLUR_THRESHOLD})`);
    expect(sharpScore).toBeGreaterThan(BLUR_THRESHOLD * 4);
    expect(blurredScore).toBeLessThan(BLUR_THRESHOLD / 4);
  });

  it('is 0 for a flat image and for one too small to have an interior', () => {
    const flat = picture(50, 40, () => [90, 120, 200]);
    expect(laplacianVariance(flat.data, 50, 40)).toBe(0);
    expect(laplacianVariance(new Uint8Array(16), 2, 2)).toBe(0);
  });
});

describe('ThumbHash placeholder', () => {
  const thumb = photoLike(400, 267, 6);

  it('fits dimensions within a box without upscaling', () => {
    expect(fitWithin(400, 267, 100)).toEqual({ width: 100, height: 67 });
    expect(fitWithin(267, 400, 100)).toEqual({ width: 67, height: 100 });
    expect(fitWithin(60, 40, 100)).toEqual({ width: 60, height: 40 });
    expect(fitWithin(4000, 10, 100)).toEqual({ width: 100, height: 1 });
  });

  it('downscales by averaging areas', () => {
    const checker = picture(4, 4, (x, y) => ((x + y) % 2 ? [255, 255, 255] : [0, 0, 0]));
    expect([...downscaleRgba(checker.data, 4, 4, 2, 2)]).toEqual(Array(4).fill([128, 128, 128, 255]).flat());
    const odd = picture(7, 5, () => [10, 200, 30]);
    expect([...downscaleRgba(odd.data, 7, 5, 3, 2)]).toEqual(Array(6).fill([10, 200, 30, 255]).flat());
  });

  it('is deterministic base64, different for different images', () => {
    const placeholder = placeholderOf(thumb.data, 400, 267);
    expect(placeholder).toMatch(/^[A-Za-z0-9+/]{20,}={0,2}$/);
    expect(placeholderOf(thumb.data.slice(), 400, 267)).toBe(placeholder);
    expect(placeholderOf(photoLike(400, 267, 7).data, 400, 267)).not.toBe(placeholder);
    expect(placeholderOf(picture(400, 267, () => [200, 30, 30]).data, 400, 267)).not.toBe(placeholder);
  });

  it('decodes to the image\'s aspect ratio', () => {
    const bytes = Uint8Array.from(atob(placeholderOf(thumb.data, 400, 267)), (c) => c.charCodeAt(0));
    expect(thumbHashToApproximateAspectRatio(bytes)).toBeCloseTo(400 / 267, 0);
  });
});
