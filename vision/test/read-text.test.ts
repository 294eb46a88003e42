import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { renderScene, type Placed } from './helpers/images';
import { normalize, startTestServer } from './helpers/server';

type Read = { text: string; confidence: number; box: { x: number; y: number; w: number; h: number } };
type Plate = { text: string; normalized: string; format: string; confidence: number; box: Read['box'] };
type Reading = { width: number; height: number; texts: Read[]; plates: Plate[]; ms: number };

/** The read whose normalised text holds `wanted`, if any. */
const find = (reading: Reading, wanted: string) => reading.texts.find((t) => normalize(t.text).includes(normalize(wanted)));

/** True when the read's box lies around where the sign was drawn (the tilt moves it a little). */
function near(box: Read['box'], placed: Placed, slack: number) {
  const cx = box.x + box.w / 2, cy = box.y + box.h / 2;
  return Math.abs(cx - (placed.x + placed.w / 2)) < slack && Math.abs(cy - (placed.y + placed.h / 2)) < slack;
}

describe('POST /v1/read-text', () => {
  let service: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    service = await startTestServer();
  });
  after(() => service.close());

  const read = async (body: Buffer) => {
    const res = await service.post('/v1/read-text', body);
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as Reading;
  };

  test('reads every line of a large photo, with boxes in its own pixels', async () => {
    // 2400 px wide: read at 1600, so boxes must be scaled back.
    const { jpeg, placed } = await renderScene({
      width: 2400,
      height: 1600,
      rotate: 3,
      signs: [
        { kind: 'bib', text: '1234', x: 300, y: 500, height: 220 },
        { kind: 'plate', text: 'AB-123-CD', x: 1250, y: 1100, height: 100 },
        { kind: 'word', text: 'MARATHON', x: 1200, y: 250, height: 110 },
      ],
    });
    const reading = await read(jpeg);
    assert.equal(reading.width, 2400);
    assert.equal(reading.height, 1600);
    assert.ok(reading.ms >= 0);
    for (const sign of placed) {
      const hit = find(reading, sign.text);
      assert.ok(hit, `"${sign.text}" not among ${JSON.stringify(reading.texts.map((t) => t.text))}`);
      assert.ok(hit.confidence > 0.5 && hit.confidence <= 1);
      assert.ok(near(hit.box, sign, 120), `box ${JSON.stringify(hit.box)} is not around ${JSON.stringify(sign)}`);
    }
  });

  test('reads a small bib in a small photo (enlarged for the detector, boxes still in its pixels)', async () => {
    const { jpeg, placed } = await renderScene({
      width: 640,
      height: 480,
      rotate: -4,
      tilt: 0.04,
      signs: [{ kind: 'bib', text: '5078', x: 260, y: 200, height: 44 }],
    });
    const reading = await read(jpeg);
    assert.equal(reading.width, 640);
    const hit = find(reading, '5078');
    assert.ok(hit, `5078 not among ${JSON.stringify(reading.texts.map((t) => t.text))}`);
    assert.ok(near(hit.box, placed[0]!, 40));
  });

  test('reads a French plate sent as PNG and as WebP', async () => {
    const { jpeg } = await renderScene({
      width: 1200,
      height: 800,
      rotate: 2,
      blur: 1.2,
      signs: [{ kind: 'plate', text: 'FG-456-HJ', x: 420, y: 500, height: 70 }],
    });
    for (const body of [await sharp(jpeg).png().toBuffer(), await sharp(jpeg).webp().toBuffer()]) {
      const reading = await read(body);
      assert.ok(find(reading, 'FG456HJ'), JSON.stringify(reading.texts.map((t) => t.text)));
    }
  });

  test('answers the main car\'s plate first: the large central one, not a smaller one aside', async () => {
    const { jpeg, placed } = await renderScene({
      width: 1400,
      height: 900,
      signs: [
        { kind: 'plate', text: 'KL-789-MN', x: 1060, y: 120, height: 40 },
        { kind: 'plate', text: 'FG-456-HJ', x: 520, y: 600, height: 90 },
        { kind: 'word', text: 'GARAGE 2014', x: 80, y: 60, height: 60 },
      ],
    });
    // Sent on its side (EXIF orientation 6): the crop read again must be cut from the upright photo.
    const sideways = await sharp(jpeg).rotate(-90).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const { plates } = await read(sideways);
    assert.deepEqual(plates.slice(0, 2).map((p) => [p.text, p.format]), [['FG-456-HJ', 'FR-SIV'], ['KL-789-MN', 'FR-SIV']], JSON.stringify(plates));
    assert.ok(near(plates[0]!.box, placed[1]!, 80), JSON.stringify(plates[0]!.box));
  });

  test('an image with no text reads as no lines', async () => {
    const plain = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#5a6a7a' } }).jpeg().toBuffer();
    const reading = await read(plain);
    assert.deepEqual([reading.texts, reading.plates], [[], []]);
  });

  test('honours EXIF orientation: sizes and boxes are those of the upright photo', async () => {
    const { jpeg, placed } = await renderScene({
      width: 900,
      height: 600,
      signs: [{ kind: 'bib', text: '907', x: 350, y: 200, height: 120 }],
    });
    // Stored on its side with orientation 6 (rotate 90° clockwise to display).
    const sideways = await sharp(jpeg).rotate(-90).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const reading = await read(sideways);
    assert.deepEqual([reading.width, reading.height], [900, 600]);
    const hit = find(reading, '907');
    assert.ok(hit, JSON.stringify(reading.texts));
    assert.ok(near(hit.box, placed[0]!, 60));
  });
});
