/**
 * The HTTP contract (see README.md): GET /health, POST /v1/read-text, POST /v1/cutout, raw image
 * bytes in, `{ error: { code, message } }` for every failure.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Engines } from './engines';
import { errorBody, VisionError } from './errors';
import type { SerialQueue } from './queue';

export type EngineState = { engines?: Engines; failed?: Error; ready: Promise<Engines> };

export type AppOptions = {
  /** Undefined turns authentication off (VISION_ALLOW_NO_SECRET=1). */
  secret: string | undefined;
  maxBytes: number;
  state: EngineState;
  queue: SerialQueue;
  log: (line: string) => void;
};

export function createApp({ secret, maxBytes, state, queue, log }: AppOptions) {
  const app = new Hono();

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // On every answer, errors included: callers see the backlog and space their requests out.
    c.res.headers.set('Vision-Queue-Depth', String(queue.size));
    c.res.headers.set('Vision-Queue-Wait-Ms', String(queue.estimatedWaitMs));
    log(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
  });

  app.get('/health', (c) => {
    const { engines, failed } = state;
    if (!engines) return c.json({ status: failed ? 'failed' : 'loading' }, 503);
    const health = { status: 'ok', engines: { ocr: engines.text.name, cutout: engines.cutout.name } };
    return c.json({ ...health, queue: { depth: queue.size, estimatedWaitMs: queue.estimatedWaitMs } });
  });

  const v1 = new Hono();
  v1.use(async (c, next) => {
    if (secret !== undefined && !sameSecret(c.req.header('x-vision-secret') ?? '', secret)) {
      throw new VisionError('UNAUTHORIZED', 'Missing or wrong X-Vision-Secret header');
    }
    await next();
  });

  v1.post('/read-text', async (c) => {
    const bytes = await readImageBody(c.req.raw, maxBytes);
    const { text } = await state.ready;
    const { result, ms } = await queue.run(() => timed(() => text.read(bytes)), 'read-text');
    return c.json({ ...result, ms });
  });

  v1.post('/cutout', async (c) => {
    const bytes = await readImageBody(c.req.raw, maxBytes);
    const { cutout } = await state.ready;
    const { result, ms } = await queue.run(() => timed(() => cutout.cutout(bytes)), 'cutout');
    const { subjectArea, touchesBorder, box } = result.quality;
    return c.body(new Uint8Array(result.png), 200, {
      'Content-Type': 'image/png',
      'Vision-Subject-Area': String(subjectArea),
      'Vision-Touches-Border': String(touchesBorder),
      'Vision-Subject-Box': `${box.x},${box.y},${box.w},${box.h}`,
      'Vision-Ms': String(ms),
    });
  });

  app.route('/v1', v1);
  app.notFound((c) => c.json(errorBody('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((err, c) => {
    if (err instanceof VisionError) {
      if (err.retryAfterSeconds) c.header('Retry-After', String(err.retryAfterSeconds));
      return c.json(errorBody(err.code, err.message), err.status);
    }
    log(`error: ${err.stack ?? String(err)}`);
    return c.json(errorBody('INTERNAL_ERROR', 'The image could not be processed'), 500);
  });
  return app;
}

/** Constant-time, whatever the lengths: both sides are hashed to 32 bytes first. */
function sameSecret(given: string, expected: string) {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Reads the whole body (sharp needs it all), refusing it as soon as it passes `maxBytes`. */
async function readImageBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new VisionError('FILE_TOO_LARGE', `The image is larger than ${maxBytes} bytes`);
  if (Number(request.headers.get('content-length')) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  if (total === 0) throw new VisionError('EMPTY_BODY', 'The request has no body: send the image bytes');
  return Buffer.concat(chunks, total);
}

async function timed<T>(work: () => Promise<T>) {
  const started = performance.now();
  const result = await work();
  return { result, ms: Math.round(performance.now() - started) };
}
