import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { readConfig } from '../src/config';
import { loadEngines, type Engines } from '../src/engines';
import { startVisionServer } from '../src/server';
import { errorOf, startTestServer } from './helpers/server';

describe('the HTTP contract', () => {
  let service: Awaited<ReturnType<typeof startTestServer>>;
  let engines: Engines;
  let jpeg: Buffer;
  before(async () => {
    engines = await loadEngines();
    service = await startTestServer({ engines });
    jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } }).jpeg().toBuffer();
  });
  after(() => service.close());

  test('health answers without auth, names the engines and reports the queue', async () => {
    const res = await fetch(`${service.url}/health`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Vision-Queue-Depth'), '0');
    assert.deepEqual(await res.json(), {
      status: 'ok',
      engines: { ocr: 'paddleocr-ppocrv4', cutout: 'imgly-isnet-medium' },
      queue: { depth: 0, estimatedWaitMs: 0 },
    });
  });

  for (const path of ['/v1/read-text', '/v1/cutout']) {
    test(`${path} refuses a missing or wrong secret with 401`, async () => {
      for (const headers of [{} as Record<string, string>, { 'X-Vision-Secret': 'wrong' }, { 'X-Vision-Secret': `${service.secret}x` }]) {
        const res = await service.post(path, jpeg, headers);
        assert.equal(res.status, 401);
        assert.equal((await errorOf(res)).code, 'UNAUTHORIZED');
      }
    });

    test(`${path} answers 400 EMPTY_BODY for no bytes`, async () => {
      const res = await service.post(path, undefined);
      assert.equal(res.status, 400);
      assert.equal((await errorOf(res)).code, 'EMPTY_BODY');
    });

    test(`${path} answers 415 UNSUPPORTED_IMAGE for text, a GIF and a broken JPEG`, async () => {
      const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
      const broken = Buffer.concat([jpeg.subarray(0, 20), Buffer.alloc(200, 7)]);
      for (const body of [Buffer.from('not an image at all'), gif, broken]) {
        const res = await service.post(path, body);
        assert.equal(res.status, 415);
        const error = await errorOf(res);
        assert.equal(error.code, 'UNSUPPORTED_IMAGE');
        assert.equal(typeof error.message, 'string');
      }
    });

    test(`${path} answers 413 FILE_TOO_LARGE past 25 MB`, async () => {
      const res = await service.post(path, Buffer.alloc(25 * 1024 * 1024 + 1, 0xff));
      assert.equal(res.status, 413);
      assert.equal((await errorOf(res)).code, 'FILE_TOO_LARGE');
    });
  }

  test('a streamed body with no length is cut off at the limit too', async () => {
    const small = await startTestServer({ maxBytes: 1000, engines });
    try {
      const chunks = [Buffer.alloc(600, 1), Buffer.alloc(600, 2)];
      const body = new ReadableStream({
        pull(controller) {
          const chunk = chunks.shift();
          if (chunk) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const res = await fetch(`${small.url}/v1/read-text`, {
        method: 'POST',
        body,
        headers: { 'X-Vision-Secret': small.secret },
        duplex: 'half',
      } as RequestInit);
      assert.equal(res.status, 413);
    } finally {
      await small.close();
    }
  });

  test('an unknown route is a coded 404 (behind the secret under /v1)', async () => {
    for (const res of [await fetch(`${service.url}/nope`), await service.post('/v1/nope', jpeg)]) {
      assert.equal(res.status, 404);
      assert.equal((await errorOf(res)).code, 'NOT_FOUND');
    }
    assert.equal((await fetch(`${service.url}/v1/nope`)).status, 401);
  });
});

describe('start-up', () => {
  test('health is 503 loading until the models are in', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const server = await startVisionServer({
      port: 0,
      secret: 's',
      log: () => {},
      engines: gate.then(() => ({
        text: { name: 'stub-ocr', read: async () => ({ width: 1, height: 1, texts: [] }) },
        cutout: { name: 'stub-cutout', cutout: async () => assert.fail('not called') },
      })),
    });
    try {
      const loading = await fetch(`${server.url}/health`);
      assert.equal(loading.status, 503);
      assert.deepEqual(await loading.json(), { status: 'loading' });
      release();
      await server.ready;
      const ok = await fetch(`${server.url}/health`);
      assert.equal(ok.status, 200);
      assert.deepEqual(((await ok.json()) as { engines: unknown }).engines, { ocr: 'stub-ocr', cutout: 'stub-cutout' });
    } finally {
      await server.close();
    }
  });

  test('refuses to start without a secret unless told to', async () => {
    assert.throws(() => readConfig({}), /VISION_SECRET/);
    await assert.rejects(startVisionServer({ port: 0, log: () => {} }), /secret/);
    const open = readConfig({ VISION_ALLOW_NO_SECRET: '1' });
    assert.equal(open.secret, undefined);
  });

  test('reads PORT, HOST, VISION_MAX_BYTES, VISION_OCR_DETECT_EDGE and VISION_MAX_WAIT_MS, with defaults', () => {
    assert.deepEqual(readConfig({ VISION_SECRET: 'x' }), {
      port: 8788,
      host: '127.0.0.1',
      secret: 'x',
      maxBytes: 25 * 1024 * 1024,
      detectLongEdge: undefined,
      maxWaitMs: 20_000,
    });
    const env = { VISION_SECRET: 'x', PORT: '9000', HOST: '0.0.0.0', VISION_MAX_BYTES: '1000', VISION_OCR_DETECT_EDGE: '960', VISION_MAX_WAIT_MS: '5000' };
    assert.deepEqual(readConfig(env), { port: 9000, host: '0.0.0.0', secret: 'x', maxBytes: 1000, detectLongEdge: 960, maxWaitMs: 5000 });
    assert.throws(() => readConfig({ VISION_SECRET: 'x', PORT: 'abc' }), /PORT/);
  });
});
