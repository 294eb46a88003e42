import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VisionError } from '../src/errors';
import { SerialQueue } from '../src/queue';
import { startVisionServer } from '../src/server';
import { errorOf } from './helpers/server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const edges = { top: false, right: false, bottom: false, left: false };
const stubCutout = { png: Buffer.alloc(8), width: 1, height: 1, quality: { subjectArea: 0.5, touchesBorder: false, box: { x: 0, y: 0, w: 1, h: 1 }, edges } };
const busy = (err: unknown) => err instanceof VisionError && err.code === 'BUSY';

describe('the queue knows its backlog', () => {
  test('estimates the wait from what each kind of task took, and refuses past maxWaitMs with when to come back', async () => {
    const queue = new SerialQueue(64, 250);
    await queue.run(() => sleep(100), 'cutout'); // learns: a cutout takes ~100 ms
    assert.equal(queue.estimatedWaitMs, 0);
    const running = [queue.run(() => sleep(100), 'cutout'), queue.run(() => sleep(100), 'cutout')];
    assert.equal(queue.size, 2);
    assert.ok(queue.estimatedWaitMs >= 150 && queue.estimatedWaitMs < 250, `estimate ${queue.estimatedWaitMs}`);
    const third = queue.run(() => sleep(100), 'cutout'); // ~200 ms ahead: still under 250
    await assert.rejects(queue.run(() => sleep(100), 'cutout'), (err: unknown) => busy(err) && (err as VisionError).retryAfterSeconds === 1);
    await Promise.all([...running, third]);
    assert.equal(queue.size, 0);
    assert.equal(await queue.run(async () => 'room again', 'cutout'), 'room again');
  });
});

describe('an overloaded service says so at once', () => {
  test('a burst of cutouts: the first are done, the rest get 503 BUSY with Retry-After, and every answer carries the queue depth', async () => {
    const server = await startVisionServer({
      port: 0,
      secret: 's',
      log: () => {},
      maxWaitMs: 300,
      engines: {
        text: { name: 'stub-ocr', read: async () => ({ width: 1, height: 1, texts: [] }) },
        cutout: { name: 'stub-cutout', cutout: () => sleep(400).then(() => stubCutout) },
      },
    });
    try {
      await server.ready;
      const post = () => fetch(`${server.url}/v1/cutout`, { method: 'POST', body: new Uint8Array([0xff, 0xd8, 0xff]), headers: { 'X-Vision-Secret': 's' } });
      const started = performance.now();
      const answers = await Promise.all([post(), post(), post()]);
      const statuses = answers.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 503, 503]); // a first cutout is guessed at 2 s: nobody waits behind it
      const refused = answers.filter((r) => r.status === 503);
      for (const res of refused) {
        assert.equal((await errorOf(res)).code, 'BUSY');
        assert.ok(Number(res.headers.get('Retry-After')) >= 1);
        assert.equal(res.headers.get('Vision-Queue-Depth'), '1');
      }
      assert.ok(performance.now() - started < 1500, 'the refusals did not wait for the queue');
      for (const res of answers) assert.match(res.headers.get('Vision-Queue-Depth') ?? '', /^\d+$/);
      const health = (await (await fetch(`${server.url}/health`)).json()) as { queue: { depth: number } };
      assert.equal(health.queue.depth, 0);
    } finally {
      await server.close();
    }
  });
});
