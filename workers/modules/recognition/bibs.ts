/**
 * From everything a reader saw in a race photo to the bibs in it. OCR also reads distances,
 * years, clocks, sponsor numbers and the watermark; the event's rules and start list decide.
 */
import type { BibRules } from '../../db/schema/index';
import type { TextRead } from '../../integrations/vision/types';

export const DEFAULT_BIB_RULES: BibRules = { minDigits: 1, maxDigits: 5, min: null, max: null, exclude: [] };

/** How sure a reader must be, for a number printed alone, to skip human review. */
const SURE_CONFIDENCE = 0.85;

export type BibCandidate = { value: string; confidence: number; sure: boolean; rawText: string; box: TextRead['box']; why: string };

const normalise = (text: string) => text.normalize('NFKD').toUpperCase().replace(/[^A-Z0-9]/g, '');

/** True when `text` is the watermark (or part of it): never a bib. */
const isWatermark = (text: string, watermark: string | null) => {
  const mark = watermark ? normalise(watermark) : '';
  const read = normalise(text);
  return Boolean(mark && read && (mark.includes(read) || read.includes(mark)));
};

function verdict(digits: string, read: TextRead, rules: BibRules, startList: Set<string> | null) {
  const n = Number(digits);
  if (digits.length < rules.minDigits || digits.length > rules.maxDigits) return null;
  if (rules.min != null && n < rules.min) return null;
  if (rules.max != null && n > rules.max) return null;
  if (rules.exclude.includes(digits) || rules.exclude.includes(String(n))) return null;
  const alone = normalise(read.text) === digits; // "1234", not "10KM1234" or "12:34"
  if (startList) {
    const listed = startList.has(String(n));
    return { sure: listed && read.confidence >= 0.5, why: listed ? 'on the start list' : 'not on the start list' };
  }
  const sure = alone && read.confidence >= SURE_CONFIDENCE;
  return { sure, why: sure ? 'clear read' : alone ? 'low confidence' : 'read among other text' };
}

/** Bib candidates, one per value (the most confident read wins). */
export function bibCandidates(
  texts: TextRead[],
  rules: BibRules = DEFAULT_BIB_RULES,
  options: { watermark?: string | null; startList?: Set<string> | null } = {},
): BibCandidate[] {
  const best = new Map<string, BibCandidate>();
  for (const read of texts) {
    if (isWatermark(read.text, options.watermark ?? null) || /\d[:h]\d{2}\b/i.test(read.text)) continue; // clocks
    for (const digits of read.text.match(/\d+/g) ?? []) {
      const value = String(Number(digits)); // "0042" and "42" are the same bib
      const judged = verdict(digits, read, rules, options.startList ?? null);
      if (!judged) continue;
      const candidate = { value, confidence: read.confidence, rawText: read.text, box: read.box, ...judged };
      const seen = best.get(value);
      if (!seen || candidate.confidence > seen.confidence) best.set(value, candidate);
    }
  }
  return [...best.values()].sort((a, b) => Number(b.sure) - Number(a.sure) || b.confidence - a.confidence);
}
