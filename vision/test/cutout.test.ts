import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { renderObject } from './helpers/images';
import { startTestServer } from './helpers/server';

describe('POST /v1/cutout', () => {
  let service: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    service = await startTestServer();
  });
  after(() => service.close());

  test('cuts a bright object off a plain background into an RGBA PNG with its quality headers', async () => {
    const res = await service.post('/v1/cutout', await renderObject(800, 600));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    const png = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(png).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height, meta.channels], ['png', 800, 600, 4]);

    const area = Number(res.headers.get('vision-subject-area'));
    assert.ok(area > 0.05 && area < 0.9, `subject area ${area}`);
    assert.equal(res.headers.get('vision-touches-border'), 'false');
    const [x, y, w, h] = res.headers.get('vision-subject-box')!.split(',').map(Number) as [number, number, number, number];
    // The object spans x 176-624, y 180-474 in the drawing.
    assert.ok(x > 120 && x < 230 && y > 120 && y < 240, `box ${x},${y}`);
    assert.ok(x + w > 570 && x + w < 680 && y + h > 420 && y + h < 530, `box ${x},${y},${w},${h}`);

    // The alpha channel is the mask: opaque on the object, clear in the corner.
    const alpha = await sharp(png).extractChannel(3).raw().toBuffer();
    assert.ok(alpha[300 * 800 + 400]! >= 200, 'the centre of the object is opaque');
    assert.ok(alpha[10 * 800 + 10]! <= 30, 'the corner is transparent');
    const measured = alpha.reduce((n, a) => n + (a >= 128 ? 1 : 0), 0) / alpha.length;
    assert.ok(Math.abs(measured - area) < 0.001, 'the header matches the PNG');
  });

  test('shrinks a large photo to 1600 px on its long edge', async () => {
    const big = await sharp(await renderObject(800, 600)).resize(2400, 1800).jpeg().toBuffer();
    const res = await service.post('/v1/cutout', big);
    assert.equal(res.status, 200);
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    assert.deepEqual([meta.width, meta.height], [1600, 1200]);
  });
});
