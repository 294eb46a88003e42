import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { measureMask } from '../src/cutout/mask-quality';
import { VisionError } from '../src/errors';
import { sniffImageType } from '../src/image';
import { decodeCtc } from '../src/ocr/ctc';
import { minAreaRect, unclip } from '../src/ocr/geometry';
import { groupLines } from '../src/ocr/lines';
import { SerialQueue } from '../src/queue';

describe('minAreaRect', () => {
  test('fits a tilted rectangle and orients it left to right', () => {
    const angle = (10 * Math.PI) / 180;
    const corners = [
      [-50, -10],
      [50, -10],
      [50, 10],
      [-50, 10],
    ].map(([x, y]) => ({ x: 200 + x! * Math.cos(angle) - y! * Math.sin(angle), y: 100 + x! * Math.sin(angle) + y! * Math.cos(angle) }));
    const box = minAreaRect(corners);
    assert.ok(Math.abs(box.w - 100) < 1e-6 && Math.abs(box.h - 20) < 1e-6);
    assert.ok(Math.abs(box.cx - 200) < 1e-6 && Math.abs(box.cy - 100) < 1e-6);
    assert.ok(box.u.x > 0 && Math.abs(Math.atan2(box.u.y, box.u.x) - angle) < 1e-6);
    assert.ok(box.v.y > 0);
  });

  test('unclip grows every side by area * ratio / perimeter', () => {
    const box = unclip(minAreaRect([{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 20 }, { x: 0, y: 20 }]), 1.5);
    const d = (100 * 20 * 1.5) / 240;
    assert.ok(Math.abs(box.w - (100 + 2 * d)) < 1e-6 && Math.abs(box.h - (20 + 2 * d)) < 1e-6);
  });
});

describe('groupLines', () => {
  const word = (text: string, x: number, y: number, w: number, h = 20) => ({
    text,
    confidence: 0.9,
    box: { cx: x + w / 2, cy: y + h / 2, w, h, u: { x: 1, y: 0 }, v: { x: 0, y: 1 } },
  });

  test('joins close words on one line, in reading order, and keeps far ones apart', () => {
    const lines = groupLines([word('CD', 130, 0, 30), word('AB', 50, 0, 30), word('123', 88, 2, 36), word('FAR', 400, 0, 40), word('NEXT', 50, 60, 50)]);
    assert.deepEqual(
      lines.map((l) => l.text),
      ['AB 123 CD', 'FAR', 'NEXT'],
    );
    assert.deepEqual([lines[0]!.x0, lines[0]!.x1], [50, 160]);
  });
});

describe('decodeCtc', () => {
  test('collapses repeats, drops blanks, averages the kept probabilities', () => {
    const dictionary = ['A', 'B'];
    // steps: A A blank B B -> "AB"
    const rows = [
      [0.1, 0.8, 0.1],
      [0.1, 0.6, 0.3],
      [0.9, 0.05, 0.05],
      [0.1, 0.2, 0.7],
      [0.2, 0.1, 0.7],
    ];
    const [line] = decodeCtc(Float32Array.from(rows.flat()), [1, 5, 3], dictionary);
    assert.equal(line!.text, 'AB');
    assert.ok(Math.abs(line!.confidence - (0.8 + 0.7) / 2) < 1e-6);
  });
});

describe('measureMask', () => {
  test('area, box and borders of a mask', () => {
    const width = 10, height = 10;
    const mask = new Uint8Array(width * height);
    for (let y = 2; y < 6; y++) for (let x = 3; x < 8; x++) mask[y * width + x] = 255;
    assert.deepEqual(measureMask(mask, width, height), {
      subjectArea: 0.2,
      touchesBorder: false,
      box: { x: 3, y: 2, w: 5, h: 4 },
      edges: { top: false, right: false, bottom: false, left: false },
    });
    // A subject running off the bottom and the right: doubtful.
    for (let y = 5; y < 10; y++) for (let x = 5; x < 10; x++) mask[y * width + x] = 200;
    const cut = measureMask(mask, width, height);
    assert.deepEqual(cut.edges, { top: false, right: true, bottom: true, left: false });
    assert.equal(cut.touchesBorder, true);
  });

  test('an empty mask', () => {
    const q = measureMask(new Uint8Array(16), 4, 4);
    assert.equal(q.subjectArea, 0);
    assert.deepEqual(q.box, { x: 0, y: 0, w: 0, h: 0 });
  });
});

describe('sniffImageType', () => {
  test('knows JPEG, PNG and WebP by their magic bytes only', () => {
    assert.equal(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])), 'jpeg');
    assert.equal(sniffImageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'png');
    assert.equal(sniffImageType(Buffer.from('RIFF\0\0\0\0WEBPVP8 ')), 'webp');
    assert.equal(sniffImageType(Buffer.from('GIF89a')), null);
    assert.equal(sniffImageType(new Uint8Array()), null);
  });
});

describe('SerialQueue', () => {
  test('runs one task at a time, in order, and refuses past its limit', async () => {
    const queue = new SerialQueue(1);
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`end ${name}`);
      return name;
    };
    const first = queue.run(task('a'));
    const second = queue.run(task('b'));
    await assert.rejects(queue.run(task('c')), (err: unknown) => err instanceof VisionError && err.code === 'BUSY');
    assert.deepEqual(await Promise.all([first, second]), ['a', 'b']);
    assert.deepEqual(log, ['start a', 'end a', 'start b', 'end b']);
    assert.equal(queue.size, 0);
    await assert.rejects(queue.run(async () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await queue.run(async () => 'after a failure'), 'after a failure');
  });
});
