import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { choosePlates, prominence, shapeFactor } from '../src/plates/choose';
import { matchPlate, PLATE_FORMATS, fitFormat } from '../src/plates/formats';
import { readPlates, rereadRegion, type Region } from '../src/plates/read-plates';

/** The best reading of `text` as a plate: [as printed, format]. */
const best = (text: string) => {
  const [match] = matchPlate(text);
  return match && [match.plate, match.format];
};

describe('matchPlate: formats by region', () => {
  test('French SIV and FNI', () => {
    assert.deepEqual(best('AB-123-CD'), ['AB-123-CD', 'FR-SIV']);
    assert.deepEqual(best('1234 AB 56'), ['1234 AB 56', 'FR-FNI']);
    assert.deepEqual(best('123 ABC 974'), ['123 ABC 974', 'FR-FNI']);
  });

  test('Brazil, Mercosul and the older three letters and four digits', () => {
    assert.deepEqual(best('ABC1D23'), ['ABC1D23', 'BR-MERCOSUL']);
    assert.deepEqual(best('ABC-1234'), ['ABC-1234', 'BR-OLD']);
  });

  test('a Californian plate and a German one, grouped as the OCR saw them', () => {
    assert.deepEqual(best('7ABC123'), ['7ABC123', 'US-CA']);
    assert.deepEqual(best('B MW 1234'), ['B MW 1234', 'DE']);
    assert.deepEqual(best('M-AB 123'), ['M AB 123', 'DE']);
    assert.deepEqual(best('1-ABC-123'), ['1-ABC-123', 'BE']);
    // Where the letters split is only known from the OCR's gap: none seen, none invented.
    assert.deepEqual(best('SGTE5'), ['SGTE 5', 'DE']);
  });

  test('letters and digits in no known format are kept as read; digits alone are no plate', () => {
    assert.deepEqual(best('1B80338'), ['1B80338', 'UNKNOWN']);
    assert.deepEqual(matchPlate('647-0604'), []);
    assert.deepEqual(matchPlate('2014-05-12'), []);
    assert.deepEqual(matchPlate('SANDERO'), []);
  });
});

describe('matchPlate: position-aware repair', () => {
  test('a letter read in a digit slot becomes the digit it looks like, and back', () => {
    assert.deepEqual(best('AB-I23-CD'), ['AB-123-CD', 'FR-SIV']);
    assert.deepEqual(best('AB-12B-CD'), ['AB-128-CD', 'FR-SIV']);
    assert.deepEqual(best('A8-123-CD'), ['AB-123-CD', 'FR-SIV']);
    assert.deepEqual(best('AY0·9034'), ['AYO-9034', 'BR-OLD']);
    assert.deepEqual(best('ABC1D2S'), ['ABC1D25', 'BR-MERCOSUL']);
  });

  test('the repair is the letter the format allows: SIV has no O, so 0 there is a D', () => {
    const siv = PLATE_FORMATS.find((f) => f.id === 'FR-SIV')!;
    assert.equal(fitFormat([...'A81230D'], siv), null); // two repairs: not this format
    assert.deepEqual(fitFormat([...'AB123C0'], siv), { text: 'AB123CD', repairs: 1 });
    assert.equal(fitFormat([...'AB123CI'], siv), null); // I is no SIV letter
    assert.deepEqual(best('LM-298A1'), ['LM-298-AI', 'EU-LL-DDD-LL']);
  });

  test('one repair at most, and a repaired read ranks below the same format read cleanly', () => {
    const [clean] = matchPlate('AB-123-CD');
    const [repaired] = matchPlate('AB-I23-CD');
    assert.ok(repaired!.score < clean!.score);
    assert.equal(matchPlate('A8-I23-CD').some((m) => m.format === 'FR-SIV'), false);
  });

  test('a stray mark at one end (a state emblem read as a digit) is dropped', () => {
    assert.deepEqual(best('4ANW2529'), ['ANW-2529', 'BR-OLD']);
  });

  test('a separator where the format has none counts against it', () => {
    // AY0 9034 as a 2+5 format would need no repair, but the OCR saw the gap after three.
    assert.deepEqual(best('AY0 9034'), ['AYO-9034', 'BR-OLD']);
  });
});

describe('choosePlates: the main car first', () => {
  const read = (text: string, x: number, y: number, w: number, h: number, confidence = 0.95) => ({ text, confidence, box: { x, y, w, h } });

  test('the larger, more central plate wins over a smaller one read as confidently', () => {
    const plates = choosePlates([read('WH3-T6N', 760, 100, 90, 36, 0.96), read('HH9-G5W', 300, 560, 130, 60, 0.94)], 1280);
    assert.deepEqual(plates.map((p) => p.normalized).slice(0, 2), ['HH9G5W', 'WH3T6N']);
  });

  test('a line far too wide for its characters (a banner) counts less than a plate-shaped one', () => {
    assert.equal(shapeFactor({ x: 0, y: 0, w: 120, h: 40 }, 6), 1);
    assert.ok(shapeFactor({ x: 0, y: 0, w: 600, h: 40 }, 6) < 1);
    assert.ok(prominence({ x: 590, y: 0, w: 100, h: 40 }, 40, 1280) > prominence({ x: 0, y: 0, w: 100, h: 40 }, 40, 1280));
  });

  test('a low-confidence read loses to a confident one of the same plate-likeness', () => {
    const plates = choosePlates([read('VG9-X2C', 100, 100, 120, 50, 0.87), read('YG9-X2G', 102, 98, 118, 52, 0.97)], 400);
    assert.deepEqual(plates.map((p) => p.normalized), ['YG9X2G']);
  });
});

describe('readPlates: the second look', () => {
  test('crops around the line with margins, inside the photo, enlarged to a readable height', () => {
    const { region, scale } = rereadRegion({ x: 10, y: 100, w: 100, h: 20 }, 200, 200);
    assert.deepEqual(region, { left: 0, top: 85, width: 130, height: 50 });
    assert.equal(scale, 3.2);
    assert.equal(rereadRegion({ x: 0, y: 0, w: 400, h: 100 }, 1000, 1000).scale, 1);
  });

  test('rereads the likeliest plate and prefers the clearer second read', async () => {
    const asked: Region[] = [];
    const lines = [{ text: 'VG9-X2C', confidence: 0.8, box: { x: 100, y: 100, w: 120, h: 50 } }];
    const plates = await readPlates(lines, 400, 300, async (region) => {
      asked.push(region);
      return [{ text: 'YG9 X2G', confidence: 0.97, box: { x: 105, y: 102, w: 110, h: 46 } }];
    });
    assert.equal(asked.length, 1);
    // One answer per place: the first read of that plate is not a runner-up.
    assert.deepEqual(plates.map((p) => p.text), ['YG9-X2G']);
    assert.equal(plates[0]!.format, 'US-LLD-LDL');
  });

  test('reads nothing again when no line can be a plate', async () => {
    const plates = await readPlates([{ text: '3638', confidence: 0.99, box: { x: 0, y: 0, w: 80, h: 40 } }], 400, 300, async () => {
      throw new Error('no second look expected');
    });
    assert.deepEqual(plates, []);
  });
});
