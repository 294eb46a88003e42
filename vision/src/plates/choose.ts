/**
 * Which plate-like read is the plate of the car the photo is of. A dealer's photo frames one car:
 * its plate is the largest and the most central; other cars' plates are smaller and off to a side,
 * and signs, stickers and dates rarely have a plate's shape or format. Every factor is soft (a
 * multiplier, never a cut) so one odd measure cannot hide the right plate.
 */
import { matchPlate, type PlateMatch } from './formats';

export type Box = { x: number; y: number; w: number; h: number };
export type Read = { text: string; confidence: number; box: Box };
export type PlateCandidate = PlateMatch & { confidence: number; box: Box; score: number };

/**
 * A plate's characters are narrow, about half as wide as they are high (0.25-1.2 with spacing and
 * the detector's margin): a line much wider or narrower per character is lettering of another kind.
 */
const CHAR_ASPECT = { min: 0.25, max: 1.2 };
const OFF_SHAPE_FACTOR = 0.7;

/**
 * How much a line's box looks like a plate's line of `chars` characters (all the read's letters
 * and digits: every reading of one line is judged on the same shape).
 */
export function shapeFactor(box: Box, chars: number) {
  const perChar = box.w / Math.max(box.h, 1) / Math.max(chars, 1);
  return perChar >= CHAR_ASPECT.min && perChar <= CHAR_ASPECT.max ? 1 : OFF_SHAPE_FACTOR;
}

/**
 * Size and centrality: the square root of the line's height against the tallest plate-like line
 * (a plate half the height scores 0.71), times up to 0.3 off for sitting at the photo's side edge.
 */
export function prominence(box: Box, tallest: number, width: number) {
  const size = Math.sqrt(box.h / Math.max(tallest, 1));
  const offCentre = Math.min(1, Math.abs(box.x + box.w / 2 - width / 2) / (width / 2));
  return size * (1 - 0.3 * offCentre);
}

/** True when two boxes are mostly the same place: half the smaller one lies inside the other. */
export function samePlace(a: Box, b: Box) {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 && w * h >= 0.5 * Math.min(a.w * a.h, b.w * b.h);
}

/**
 * The plates among the reads, best first: one per place on the photo (the best reading of it,
 * whichever line or second look it came from), so the runner-up is another plate, not another
 * spelling of the first.
 */
export function choosePlates(reads: Read[], width: number): PlateCandidate[] {
  const fits = reads.flatMap((read) => matchPlate(read.text).map((match) => ({ read, match })));
  const tallest = Math.max(0, ...fits.map(({ read }) => read.box.h));
  const scored = fits.map(({ read, match }) => {
    const chars = read.text.replace(/[^\p{L}\p{N}]/gu, '').length;
    // The confidence is a mean over characters: the whole read is right about conf^chars of the time.
    const score = match.score * read.confidence ** chars * prominence(read.box, tallest, width) * shapeFactor(read.box, chars);
    return { ...match, confidence: read.confidence, box: read.box, score };
  });
  const plates: PlateCandidate[] = [];
  for (const candidate of scored.sort((a, b) => b.score - a.score)) {
    if (!plates.some((kept) => samePlace(kept.box, candidate.box))) plates.push(candidate);
  }
  return plates;
}
