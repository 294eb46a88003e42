import { describe, expect, it } from 'vitest';
import { bibCandidates } from '../workers/modules/recognition/bibs';
import { maskStats } from '../workers/integrations/vision/cf-images';
import { editDistance, nameKey, nameMatches } from '../workers/modules/recognition/names';
import { parsePlate, plateCandidates, platesOf } from '../workers/modules/recognition/plates';
import type { TextRead } from '../workers/integrations/vision/types';
import { parseModelTexts, workersAiTextReader } from '../workers/integrations/vision/workers-ai';

const read = (text: string, confidence = 0.95, box: TextRead['box'] = { x: 0, y: 0, w: 100, h: 40 }): TextRead => ({ text, confidence, box });

describe('bib rules', () => {
  it('keeps clear numbers as sure and mixed or weak reads as unsure', () => {
    const bibs = bibCandidates([read('1234'), read('10KM 567'), read('89', 0.4)]);
    expect(bibs[0]).toMatchObject({ value: '1234', sure: true });
    expect(Object.fromEntries(bibs.map((b) => [b.value, b.sure]))).toEqual({ '1234': true, '567': false, '10': false, '89': false });
  });

  it('applies digit counts, range and exclusions (distance, year), and ignores clocks and the watermark', () => {
    const rules = { minDigits: 3, maxDigits: 4, min: 100, max: 3000, exclude: ['2026'] };
    const bibs = bibCandidates([read('2026'), read('42'), read('4521'), read('9:45'), read('812'), read('STUDIO 777')], rules, {
      watermark: '© Studio 777',
    });
    expect(bibs.map((b) => b.value)).toEqual(['812']);
  });

  it('trusts the start list over confidence', () => {
    const bibs = bibCandidates([read('1234', 0.6), read('4321', 0.99)], undefined, { startList: new Set(['1234']) });
    expect(bibs.map((b) => [b.value, b.sure])).toEqual([
      ['1234', true],
      ['4321', false],
    ]);
  });

  it('treats leading zeros as the same bib', () => {
    expect(bibCandidates([read('0042', 0.7), read('42', 0.9)]).map((b) => [b.value, b.confidence])).toEqual([['42', 0.9]]);
  });
});

describe('plates', () => {
  it.each([
    ['AB-123-CD', 'AB-123-CD', 'FR-SIV'],
    ['ab 123 cd', 'AB-123-CD', 'FR-SIV'],
    ['F AB-123-CD', 'AB-123-CD', 'FR-SIV'],
    ['AB-I23-CD', 'AB-123-CD', 'FR-SIV'], // I read for 1 in a digit slot
    ['8B-123-CD', 'BB-123-CD', 'FR-SIV'], // 8 read for B in a letter slot
    ['1234 AB 75', '1234 AB 75', 'FR-FNI'],
    ['567 ABC 2A', '567 ABC 2A', 'FR-FNI'],
    ['ANW2529', 'ANW2529', 'OTHER'],
    ['AY0·9034', 'AYO9034', 'OTHER'], // Brazil: 0 read for O among the three letters
    ['RI02B45', 'RIO2B45', 'OTHER'], // Mercosur
    ['1B80338', '1B80338', 'OTHER'], // two digits up front: another country's format, kept
  ])('%s -> %s (%s)', (text, plate, format) => {
    expect(parsePlate(text)).toMatchObject({ plate, format });
  });

  it.each(['AB-000-CD', 'SS-123-AB', 'AO-123-CD', 'HELLO', '1234', ''])('refuses %s as a French plate', (text) => {
    expect(parsePlate(text)?.format ?? 'none').not.toMatch(/^FR/);
  });

  it('prefers French formats, then confidence, and joins a plate split in two boxes', () => {
    const candidates = plateCandidates([
      read('GARAGE24', 0.99, { x: 0, y: 0, w: 300, h: 40 }),
      read('AB-123', 0.9, { x: 100, y: 500, w: 120, h: 40 }),
      read('CD', 0.92, { x: 230, y: 502, w: 40, h: 40 }),
    ]);
    expect(candidates[0]).toMatchObject({ plate: 'AB-123-CD', format: 'FR-SIV', confidence: 0.9 });
    expect(candidates.map((c) => c.plate)).toContain('GARAGE24');
  });

  it("takes the service's own plate answer over the rules on the lines, when it gives one", () => {
    const texts = [read('AB-123-CD', 0.95, { x: 0, y: 0, w: 100, h: 20 })];
    const box = { x: 400, y: 300, w: 200, h: 50 };
    const plates = [{ text: 'HH9G5W', normalized: 'HH9G5W', format: 'US-CA', region: 'US', confidence: 0.8, box }];
    expect(platesOf({ width: 1000, height: 800, texts, plates })[0]).toMatchObject({ plate: 'HH9G5W', format: 'OTHER', box });
    expect(platesOf({ width: 1000, height: 800, texts })[0]).toMatchObject({ plate: 'AB-123-CD', format: 'FR-SIV' });
  });
});

describe('names', () => {
  it('forgives case, accents and one typo per word', () => {
    const key = nameKey('Marie-Hélène Dupont');
    expect(key).toBe('marie helene dupont');
    expect(nameMatches('marie dupont', key)).toBe(true);
    expect(nameMatches('MARIE DUPOND', key)).toBe(true);
    expect(nameMatches('helene', key)).toBe(true);
    expect(nameMatches('marie durand', key)).toBe(false);
    expect(editDistance('dupont', 'dupnot')).toBe(2);
  });
});

describe('Workers AI reader (recorded response shapes)', () => {
  it('parses JSON answers with prose or code fences around them', () => {
    const answer = 'Here you go:\n```json\n{"texts":[{"text":"1234","confidence":0.9},{"text":"ASICS"}]}\n```';
    expect(parseModelTexts(answer)).toEqual([
      { text: '1234', confidence: 0.9, box: null },
      { text: 'ASICS', confidence: 0.5, box: null },
    ]);
    expect(parseModelTexts('I cannot see any text.')).toEqual([]);
  });

  it('calls the model with the image and returns its texts', async () => {
    const calls: unknown[] = [];
    const ai = {
      run: async (model: string, input: Record<string, unknown>) => {
        calls.push({ model, input });
        return { response: '{"texts":[{"text":"AB-123-CD","confidence":0.8}]}' };
      },
    };
    const reading = await workersAiTextReader(ai).readText(new Uint8Array([1, 2, 3]), 'image/webp');
    expect(reading.texts).toEqual([{ text: 'AB-123-CD', confidence: 0.8, box: null }]);
    expect(calls).toEqual([{ model: '@cf/meta/llama-3.2-11b-vision-instruct', input: expect.objectContaining({ image: [1, 2, 3] }) }]);
  });
});

describe('cutout mask hints', () => {
  it('measures the subject share and whether it runs off two edges', () => {
    const mask = (w: number, h: number, on: (x: number, y: number) => boolean) => {
      const rgba = new Uint8Array(w * h * 4);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rgba[(y * w + x) * 4 + 3] = on(x, y) ? 255 : 0;
      return rgba;
    };
    expect(maskStats(mask(10, 10, (x, y) => x >= 3 && x < 7 && y >= 3 && y < 7), 10, 10)).toEqual({ subjectArea: 0.16, touchesBorder: false });
    expect(maskStats(mask(10, 10, (x) => x >= 5), 10, 10).touchesBorder).toBe(true);
  });
});
