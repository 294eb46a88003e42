/**
 * The plates in a reading, best first, after a second look: the likeliest plate lines are cut from
 * the photo as sent (not the shrunk work image), enlarged and read again. On its own crop the
 * detector draws a tighter box and splits the plate from its frame, emblems and stickers.
 */
import { choosePlates, type Box, type Read } from './choose';

export type PlateRead = {
  /** As printed in its format (`AB-123-CD`), or as read when no format fits. */
  text: string;
  normalized: string;
  /** `FR-SIV`, `BR-MERCOSUL`, `US-CA`... or `UNKNOWN`. */
  format: string;
  region: string;
  /** The OCR's confidence in the read. */
  confidence: number;
  /** Confidence x format fit x prominence: what the order is by. */
  score: number;
  box: Box;
};

export type Region = { left: number; top: number; width: number; height: number };
/** Reads a region of the photo enlarged `scale` times; boxes come back in the photo's pixels. */
export type RegionReader = (region: Region, scale: number) => Promise<Read[]>;

/** Plate lines read again: two covers the main car's plate when another car's is as big. */
const REREAD_COUNT = 2;
/** The crop around a line, in line heights: room for clipped characters and a tilted plate. */
const MARGIN = { x: 1, y: 0.75 };
/** Lines are enlarged to about this height for the second read (never shrunk, at most 4x). */
const REREAD_LINE_HEIGHT = 64;
const MAX_SCALE = 4;
const MAX_PLATES = 5;

/** The crop to read `box` again, inside a `width` x `height` photo, and how much to enlarge it. */
export function rereadRegion(box: Box, width: number, height: number): { region: Region; scale: number } {
  const left = Math.max(0, Math.floor(box.x - MARGIN.x * box.h));
  const top = Math.max(0, Math.floor(box.y - MARGIN.y * box.h));
  const right = Math.min(width, Math.ceil(box.x + box.w + MARGIN.x * box.h));
  const bottom = Math.min(height, Math.ceil(box.y + box.h + (MARGIN.y * box.h)));
  const scale = Math.min(MAX_SCALE, Math.max(1, REREAD_LINE_HEIGHT / Math.max(box.h, 1)));
  return { region: { left, top, width: right - left, height: bottom - top }, scale };
}

/** Plates among `texts` (lines of a `width` x `height` photo), the likeliest read twice. */
export async function readPlates(texts: Read[], width: number, height: number, readRegion: RegionReader): Promise<PlateRead[]> {
  const boxes = choosePlates(texts, width)
    .slice(0, REREAD_COUNT)
    .map((candidate) => candidate.box);
  const rereads: Read[] = [];
  for (const box of boxes) {
    const { region, scale } = rereadRegion(box, width, height);
    if (region.width > 0 && region.height > 0) rereads.push(...(await readRegion(region, scale)));
  }
  return choosePlates([...texts, ...rereads], width)
    .slice(0, MAX_PLATES)
    .map(({ plate, normalized, format, region, confidence, score, box }) => ({ text: plate, normalized, format, region, confidence, score: Math.round(score * 1000) / 1000, box }));
}
