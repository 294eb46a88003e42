/**
 * Licence plates: French SIV (AB-123-CD, since 2009), the older FNI (1234 AB 75), other formats
 * as plain text. OCR confuses letters and digits in predictable ways; knowing which positions
 * hold letters in a SIV plate lets us undo that.
 */
import type { PlateRead, TextRead, TextReading } from '../../integrations/vision/types';

export type PlateFormat = 'FR-SIV' | 'FR-FNI' | 'OTHER';
export type PlateCandidate = { plate: string; normalized: string; format: PlateFormat; confidence: number; box: TextRead['box'] };

/** SIV letters exclude I, O and U (too close to 1, 0 and V). */
const SIV_LETTER = '[A-HJ-NP-TV-Z]';
const SIV = new RegExp(`^(${SIV_LETTER}{2})(\\d{3})(${SIV_LETTER}{2})$`);
/** FNI: 1-4 digits, 1-3 letters, department (01-95, 2A/2B, 971-976). */
const FNI = /^(\d{1,4})([A-Z]{1,3})(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/;

const TO_DIGIT: Record<string, string> = { O: '0', D: '0', Q: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', B: '8' };
const TO_LETTER: Record<string, string> = { '0': 'D', '2': 'Z', '5': 'S', '6': 'G', '8': 'B' };

export const compact = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Reads a 7-character string as SIV, repairing letter/digit confusions by position. */
function asSiv(text: string): string | null {
  if (text.length !== 7) return null;
  const fixed = [...text].map((ch, i) => (i >= 2 && i <= 4 ? (TO_DIGIT[ch] ?? ch) : (TO_LETTER[ch] ?? ch))).join('');
  const m = SIV.exec(fixed);
  if (!m || m[2] === '000' || m[1] === 'SS' || m[3] === 'SS') return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Outside France O and I are plate letters, so 0 and 1 in a letter slot repair to them. */
const TO_LETTER_ANYWHERE: Record<string, string> = { ...TO_LETTER, '0': 'O', '1': 'I' };

/**
 * Brazil's plates (old `ABC-1234`, Mercosur `ABC1D23`): three letters first. One digit misread
 * among two letters there ("AY0-9034") is undone; more would be another country's format
 * ("1B8 0338") and is left as read.
 */
function asBrazil(text: string): string | null {
  if (!/^[A-Z0-9]{3}\d[A-Z0-9]\d{2}$/.test(text)) return null;
  const head = text.slice(0, 3);
  if ((head.match(/\d/g) ?? []).length !== 1) return null;
  const repaired = [...head].map((ch) => TO_LETTER_ANYWHERE[ch] ?? ch).join('');
  return /^[A-Z]{3}$/.test(repaired) ? repaired + text.slice(3) : null;
}

/** The plate in `text`, validated and formatted, or null when it cannot be a plate. */
export function parsePlate(text: string): Omit<PlateCandidate, 'confidence' | 'box'> | null {
  const normalized = compact(text.replace(/^F(?=[\s-])/, '')); // the blue EU band's "F"
  const siv = asSiv(normalized) ?? asSiv(normalized.replace(/^F/, ''));
  if (siv) return { plate: siv, normalized: siv.replace(/-/g, ''), format: 'FR-SIV' };
  const fni = FNI.exec(normalized);
  if (fni) return { plate: `${fni[1]} ${fni[2]} ${fni[3]}`, normalized, format: 'FR-FNI' };
  if (normalized.length >= 4 && normalized.length <= 10 && /\d/.test(normalized) && /[A-Z]/.test(normalized)) {
    const plate = asBrazil(normalized) ?? normalized;
    return { plate, normalized: plate, format: 'OTHER' };
  }
  return null;
}

const RANK: Record<PlateFormat, number> = { 'FR-SIV': 2, 'FR-FNI': 1, OTHER: 0 };

/**
 * Every plausible plate among the reads, best first: French formats before plain text, then
 * confidence, then size on the photo (the car's own plate is usually the biggest).
 */
export function plateCandidates(texts: TextRead[]): PlateCandidate[] {
  const lines = [...texts, ...adjacentPairs(texts)];
  const found = new Map<string, PlateCandidate>();
  for (const read of lines) {
    const parsed = parsePlate(read.text);
    if (!parsed) continue;
    const candidate = { ...parsed, confidence: read.confidence, box: read.box };
    const seen = found.get(parsed.plate);
    if (!seen || candidate.confidence > seen.confidence) found.set(parsed.plate, candidate);
  }
  const area = (c: PlateCandidate) => (c.box ? c.box.w * c.box.h : 0);
  return [...found.values()].sort((a, b) => RANK[b.format] - RANK[a.format] || b.confidence - a.confidence || area(b) - area(a));
}

const formatOf = (read: PlateRead): PlateFormat => (read.format === 'FR-SIV' || read.format === 'FR-FNI' ? read.format : 'OTHER');

/**
 * The plates of a reading, best first: the service's own answer when it gives one (it ranks by
 * prominence and has read the plate again from a crop, which these rules over the lines cannot),
 * else these rules over the lines.
 */
export function platesOf(reading: TextReading): PlateCandidate[] {
  if (!reading.plates) return plateCandidates(reading.texts);
  return reading.plates.map((read) => ({ plate: read.text, normalized: read.normalized, format: formatOf(read), confidence: read.confidence, box: read.box }));
}

/** OCR often splits a plate in two boxes ("AB-123" + "CD"): also try neighbours joined. */
function adjacentPairs(texts: TextRead[]): TextRead[] {
  const pairs: TextRead[] = [];
  for (const a of texts) {
    for (const b of texts) {
      if (a === b || !a.box || !b.box) continue;
      const sameLine = Math.abs(a.box.y - b.box.y) < a.box.h * 0.5;
      const next = b.box.x > a.box.x && b.box.x - (a.box.x + a.box.w) < a.box.h;
      if (sameLine && next) {
        const box = { x: a.box.x, y: Math.min(a.box.y, b.box.y), w: b.box.x + b.box.w - a.box.x, h: Math.max(a.box.h, b.box.h) };
        pairs.push({ text: `${a.text}${b.text}`, confidence: Math.min(a.confidence, b.confidence), box });
      }
    }
  }
  return pairs;
}
