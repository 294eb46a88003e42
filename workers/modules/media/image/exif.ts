/**
 * The few EXIF facts the pipeline keeps (orientation, capture time, camera), read straight from
 * the APP1 bytes. EXIF comes from anyone's camera or editor, so every offset is bounds-checked
 * and a malformed block degrades to defaults instead of throwing.
 */

export type ExifFacts = { orientation: number; takenAt: string | null; make: string | null; model: string | null };

const TAG_ORIENTATION = 0x0112;
const TAG_MAKE = 0x010f;
const TAG_MODEL = 0x0110;
const TAG_DATE_TIME = 0x0132;
const TAG_EXIF_IFD = 0x8769;
const TAG_DATE_TIME_ORIGINAL = 0x9003;

const TYPE_ASCII = 2;
const TYPE_SHORT = 3;
const TYPE_LONG = 4;

/** "Exif\0\0": the APP1 payload prefix; the TIFF header follows it. */
const EXIF_SIGNATURE = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00];
const TIFF_START = EXIF_SIGNATURE.length;
/** Camera strings worth keeping are short; anything longer is garbage or an attack. */
const MAX_ASCII = 256;

type Entry = { type: number; count: number; at: number };
type Ifd = Map<number, Entry>;

/** Big- or little-endian reads over the TIFF block, returning null instead of reading past its end. */
function tiffReader(tiff: DataView) {
  const little = tiff.byteLength >= 2 && tiff.getUint16(0) === 0x4949; // "II"
  const fits = (offset: number, size: number) => offset >= 0 && offset + size <= tiff.byteLength;
  const u16 = (offset: number) => (fits(offset, 2) ? tiff.getUint16(offset, little) : null);
  const u32 = (offset: number) => (fits(offset, 4) ? tiff.getUint32(offset, little) : null);
  return { fits, u16, u32 };
}
type TiffReader = ReturnType<typeof tiffReader>;

/** The entries of the IFD at `offset`, keyed by tag; `at` is where the value itself lies. */
function readIfd(r: TiffReader, offset: number): Ifd {
  const ifd: Ifd = new Map();
  const count = r.u16(offset);
  if (count === null || !r.fits(offset + 2, count * 12)) return ifd;
  for (let i = 0; i < count; i++) {
    const entry = offset + 2 + i * 12;
    const type = r.u16(entry + 2)!;
    const valueCount = r.u32(entry + 4)!;
    const size = type === TYPE_SHORT ? 2 : type === TYPE_LONG ? 4 : 1;
    // Values of four bytes or fewer sit in the entry; longer ones are at an offset from the TIFF start.
    const at = valueCount * size <= 4 ? entry + 8 : r.u32(entry + 8)!;
    ifd.set(r.u16(entry)!, { type, count: valueCount, at });
  }
  return ifd;
}

function readInteger(r: TiffReader, entry: Entry | undefined): number | null {
  if (!entry || entry.count < 1) return null;
  if (entry.type === TYPE_SHORT) return r.u16(entry.at);
  if (entry.type === TYPE_LONG) return r.u32(entry.at);
  return null;
}

function readAscii(tiff: DataView, r: TiffReader, entry: Entry | undefined): string | null {
  if (!entry || entry.type !== TYPE_ASCII) return null;
  const length = Math.min(entry.count, MAX_ASCII);
  if (!r.fits(entry.at, length)) return null;
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(tiff.getUint8(entry.at + i));
  // Writers pad with NULs (the terminator, sometimes a fixed-width field): none belong in a name.
  const clean = text.replace(/\0/g, '').trim();
  return clean || null;
}

/**
 * "YYYY:MM:DD HH:MM:SS" as ISO-8601 without a zone (EXIF local time has none), or null when it
 * is malformed, including the "0000:00:00 00:00:00" that cameras with an unset clock write.
 */
export function exifDateToIso(value: string | null): string | null {
  const m = value?.match(/^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  // A round trip through Date rejects impossible values (month 00, 31 February, hour 24).
  const parsed = new Date(`${iso}Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : null;
}

/**
 * Orientation, capture time, make and model from an APP1 payload that starts with "Exif\0\0".
 * Never throws: whatever cannot be read safely comes back as orientation 1 and nulls.
 */
export function readExif(app1: Uint8Array): ExifFacts {
  const facts: ExifFacts = { orientation: 1, takenAt: null, make: null, model: null };
  if (app1.length < TIFF_START + 8 || EXIF_SIGNATURE.some((byte, i) => app1[i] !== byte)) return facts;
  const tiff = new DataView(app1.buffer, app1.byteOffset + TIFF_START, app1.byteLength - TIFF_START);
  const r = tiffReader(tiff);
  const mark = r.u16(0);
  if ((mark !== 0x4949 && mark !== 0x4d4d) || r.u16(2) !== 42) return facts;

  const ifd0 = readIfd(r, r.u32(4)!);
  const orientation = readInteger(r, ifd0.get(TAG_ORIENTATION));
  if (orientation !== null) facts.orientation = Math.min(8, Math.max(1, orientation));
  facts.make = readAscii(tiff, r, ifd0.get(TAG_MAKE));
  facts.model = readAscii(tiff, r, ifd0.get(TAG_MODEL));

  const exifIfdOffset = readInteger(r, ifd0.get(TAG_EXIF_IFD));
  const exifIfd: Ifd = exifIfdOffset === null ? new Map() : readIfd(r, exifIfdOffset);
  const original = exifDateToIso(readAscii(tiff, r, exifIfd.get(TAG_DATE_TIME_ORIGINAL)));
  // DateTime is when the file was last written, which for an unedited file is the capture time.
  facts.takenAt = original ?? exifDateToIso(readAscii(tiff, r, ifd0.get(TAG_DATE_TIME)));
  return facts;
}

/**
 * The first APP1 "Exif\0\0" payload in the first bytes of a JPEG (a copy, so the caller may drop
 * the rest), or null if none is found before the image data (SOS) or the end of `bytes`.
 */
export function findJpegExif(bytes: Uint8Array): Uint8Array | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null; // lost sync: not a marker where one must be
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++; // fill byte before a marker
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null; // image data (or the end) reached: no EXIF
    // RSTn and TEM carry no length; they have no business here, but step over them rather than misread.
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (length < 2) return null;
    const payload = bytes.subarray(offset + 4, Math.min(bytes.length, offset + 2 + length));
    const complete = payload.length === length - 2;
    if (marker === 0xe1 && complete && EXIF_SIGNATURE.every((byte, i) => payload[i] === byte)) return payload.slice();
    offset += 2 + length;
  }
  return null;
}
