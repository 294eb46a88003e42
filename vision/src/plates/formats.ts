/**
 * Licence plate formats by region, as slot patterns: `L` a letter, `D` a digit, a space or dash a
 * group boundary. OCR confuses letters and digits in predictable ways (O/0, I/1, B/8, S/5...);
 * knowing which class each position of a format expects lets us undo that, one slot at a time.
 */

export type PlateFormat = {
  id: string;
  region: string;
  /** Slots and group boundaries, e.g. `LL-DDD-LL`. */
  slots: string;
  /** How likely a read fitting it is a plate of this format (0..1): rarer shapes weigh less. */
  prior: number;
  /** Letters the format allows (all of A-Z when absent). */
  letters?: string;
  /** Extra rule on the repaired, compact text. */
  valid?: (compact: string) => boolean;
};

/** French SIV leaves out I, O and U (too close to 1, 0 and V). */
const SIV_LETTERS = 'ABCDEFGHJKLMNPQRSTVWXYZ';
/** Italy leaves out I, O, Q and U. */
const IT_LETTERS = 'ABCDEFGHJKLMNPRSTVWXYZ';

/** FNI (before 2009): 1-4 digits, 1-3 letters, the department (01-95, or 971-976 overseas). */
function fniFormats(): PlateFormat[] {
  const formats: PlateFormat[] = [];
  for (let digits = 1; digits <= 4; digits++) {
    for (let letters = 1; letters <= 3; letters++) {
      const head = `${'D'.repeat(digits)} ${'L'.repeat(letters)}`;
      const mainland = (text: string) => /(0[1-9]|[1-8]\d|9[0-5])$/.test(text);
      formats.push({ id: 'FR-FNI', region: 'FR', slots: `${head} DD`, prior: 0.9, valid: mainland });
      formats.push({ id: 'FR-FNI', region: 'FR', slots: `${head} DDD`, prior: 0.9, valid: (t) => /97[1-6]$/.test(t) });
    }
  }
  return formats;
}

/** Germany: district (1-3 letters), 1-2 letters, 1-4 digits, 8 characters at most. */
function germanFormats(): PlateFormat[] {
  const formats: PlateFormat[] = [];
  for (let district = 1; district <= 3; district++) {
    for (let letters = 1; letters <= 2; letters++) {
      for (let digits = 1; digits <= 4 && district + letters + digits <= 8; digits++) {
        formats.push({ id: 'DE', region: 'DE', slots: `${'L'.repeat(district)} ${'L'.repeat(letters)} ${'D'.repeat(digits)}`, prior: 0.75 });
      }
    }
  }
  return formats;
}

/**
 * Most specific first: on a tie the earlier format names the read. Priors rank the shapes that
 * overlap: `ABC1234` is far more often a plate than `AB12345`.
 */
export const PLATE_FORMATS: PlateFormat[] = [
  { id: 'FR-SIV', region: 'FR', slots: 'LL-DDD-LL', prior: 1, letters: SIV_LETTERS, valid: (t) => !/^.{2}000/.test(t) && !/^SS|SS$/.test(t) },
  ...fniFormats(),
  { id: 'BR-MERCOSUL', region: 'BR', slots: 'LLLDLDD', prior: 1 },
  { id: 'BR-OLD', region: 'BR', slots: 'LLL-DDDD', prior: 1 },
  { id: 'US-CA', region: 'US', slots: 'DLLLDDD', prior: 1 },
  { id: 'US-LLL-DDD', region: 'US', slots: 'LLL-DDD', prior: 0.9 },
  { id: 'US-LLD-LDL', region: 'US', slots: 'LLD-LDL', prior: 0.8 },
  { id: 'US-DLL-DDD', region: 'US', slots: 'DLL-DDD', prior: 0.8 },
  { id: 'US-DDD-LLL', region: 'US', slots: 'DDD-LLL', prior: 0.8 },
  { id: 'UK', region: 'GB', slots: 'LLDD LLL', prior: 1 },
  { id: 'IT', region: 'IT', slots: 'LL DDD LL', prior: 0.95, letters: IT_LETTERS },
  { id: 'ES', region: 'ES', slots: 'DDDD LLL', prior: 0.95 },
  { id: 'BE', region: 'BE', slots: 'D-LLL-DDD', prior: 0.95 },
  // The Netherlands' recent sidecodes (the older ones are the EU shapes below).
  { id: 'NL', region: 'NL', slots: 'DD-LLL-D', prior: 0.85 },
  { id: 'NL', region: 'NL', slots: 'D-LLL-DD', prior: 0.85 },
  { id: 'NL', region: 'NL', slots: 'L-DDD-LL', prior: 0.8 },
  { id: 'EU-LL-DDD-LL', region: 'EU', slots: 'LL-DDD-LL', prior: 0.9 },
  { id: 'EU-LL-DDDD-LL', region: 'EU', slots: 'LL-DDDD-LL', prior: 0.85 },
  { id: 'EU-LL-DDD-L', region: 'EU', slots: 'LL-DDD-L', prior: 0.8 },
  ...germanFormats(),
  { id: 'PL', region: 'PL', slots: 'LL DDDDD', prior: 0.6 },
];

/** A read that fits no format but looks like a plate (letters and digits) still counts, for less. */
export const UNKNOWN_FORMAT_PRIOR = 0.5;

/** Each repaired slot or dropped stray character multiplies the score by this. */
export const REPAIR_FACTOR = 0.8;
/** A read needing more than this many repairs is not that format. */
const MAX_REPAIRS = 1;
/** A separator the OCR saw where the format has no group boundary. */
const MISPLACED_SEPARATOR_FACTOR = 0.6;

const TO_DIGIT: Record<string, string> = { O: '0', D: '0', Q: '0', U: '0', I: '1', L: '1', J: '1', Z: '2', A: '4', S: '5', G: '6', T: '7', B: '8' };
/** Candidates in order: the first the format allows wins (SIV has no O, so a 0 there is a D). */
const TO_LETTER: Record<string, string[]> = { '0': ['O', 'D', 'Q'], '1': ['I'], '2': ['Z'], '4': ['A'], '5': ['S'], '6': ['G'], '7': ['T'], '8': ['B'] };

export type PlateMatch = {
  /** As printed: groups joined by the format's separators (`AB-123-CD`). */
  plate: string;
  /** Uppercase letters and digits only (`AB123CD`). */
  normalized: string;
  format: string;
  region: string;
  repairs: number;
  /** prior x REPAIR_FACTOR^repairs (x separator factor): how much the text alone looks like a plate. */
  score: number;
};

/** The characters of a read and where the OCR saw separators between them. */
function splitRead(text: string) {
  const chars: string[] = [];
  const breaks = new Set<number>();
  for (const ch of text.normalize('NFKC').toUpperCase()) {
    if (/[A-Z0-9]/.test(ch)) chars.push(ch);
    else if (chars.length) breaks.add(chars.length);
  }
  breaks.delete(chars.length);
  return { chars, breaks };
}

/** Fits `chars` to one format's slots, repairing letter/digit confusions; null when it cannot. */
export function fitFormat(chars: string[], format: PlateFormat): { text: string; repairs: number } | null {
  const slots = format.slots.replace(/[^LD]/g, '');
  if (slots.length !== chars.length) return null;
  const letters = format.letters ?? 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let repairs = 0;
  let text = '';
  for (const [i, ch] of chars.entries()) {
    const fixed = slots[i] === 'D' ? (/\d/.test(ch) ? ch : TO_DIGIT[ch]) : letters.includes(ch) ? ch : TO_LETTER[ch]?.find((l) => letters.includes(l));
    if (!fixed) return null;
    if (fixed !== ch) repairs++;
    text += fixed;
  }
  if (repairs > MAX_REPAIRS || (format.valid && !format.valid(text))) return null;
  return { text, repairs };
}

/** Group boundaries of a format, as character counts (`LL-DDD-LL` -> {2, 5}). */
function boundaries(slots: string) {
  const at = new Set<number>();
  let count = 0;
  for (const ch of slots) {
    if (ch === 'L' || ch === 'D') count++;
    else at.add(count);
  }
  return at;
}

/**
 * Puts the format's separators back into a compact text. Between a letter and a digit the group
 * is plain to see; between two letters (`B MW` or `BM W` in Germany) only the OCR's gap tells.
 */
function printed(text: string, slots: string, seen: Set<number>) {
  let out = '';
  let i = 0;
  for (const [at, ch] of [...slots].entries()) {
    if (ch === 'L' || ch === 'D') out += text[i++];
    else if (slots[at - 1] !== slots[at + 1] || seen.has(i)) out += ch;
  }
  return out;
}

function matchChars(chars: string[], breaks: Set<number>, stray: number): PlateMatch[] {
  const matches: PlateMatch[] = [];
  for (const format of PLATE_FORMATS) {
    const fit = fitFormat(chars, format);
    if (!fit || fit.repairs + stray > MAX_REPAIRS) continue;
    const groups = boundaries(format.slots);
    const misplaced = [...breaks].some((b) => !groups.has(b));
    const repairs = fit.repairs + stray;
    const score = format.prior * REPAIR_FACTOR ** repairs * (misplaced ? MISPLACED_SEPARATOR_FACTOR : 1);
    matches.push({ plate: printed(fit.text, format.slots, breaks), normalized: fit.text, format: format.id, region: format.region, repairs, score });
  }
  return matches;
}

/**
 * Every way a read can be a plate, best first. A stray character at either end (a frame mark,
 * the EU band's country letter, a state emblem read as a digit) may be dropped, as one repair.
 * A read fitting no format but holding letters and digits is kept as `UNKNOWN`, unrepaired; a
 * read without a letter is no plate.
 */
export function matchPlate(text: string): PlateMatch[] {
  const { chars, breaks } = splitRead(text);
  // Digits alone are phone numbers, dates, prices or bibs far more often than plates.
  if (chars.length < 4 || chars.length > 9 || !chars.some((ch) => /[A-Z]/.test(ch))) return [];
  const shift = (set: Set<number>) => new Set([...set].map((b) => b - 1).filter((b) => b > 0));
  const matches = [
    ...matchChars(chars, breaks, 0),
    ...matchChars(chars.slice(1), shift(breaks), 1),
    ...matchChars(chars.slice(0, -1), new Set([...breaks].filter((b) => b < chars.length - 1)), 1),
  ];
  const compact = chars.join('');
  if (chars.length <= 8 && /\d/.test(compact) && /[A-Z]/.test(compact)) {
    matches.push({ plate: compact, normalized: compact, format: 'UNKNOWN', region: '', repairs: 0, score: UNKNOWN_FORMAT_PRIOR });
  }
  return matches.sort((a, b) => b.score - a.score);
}
