import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { PermanentJobError, RetryLaterError } from '../workers/core/jobs/job';
import type { Rgba, TransformInput } from '../workers/modules/realestate/engines/engine';
import { IMG2IMG_MODEL, INPAINTING_MODEL } from '../workers/modules/realestate/engines/generative';
import { engineFor, stampLabel } from '../workers/modules/realestate/engines/index';
import { bandStats } from './helpers/image-stats';

const standIn = () => inject('workersAi').url;
const withAi = (vars: Partial<Env>) => ({ ...env, ...vars }) as Env;

/** An image from a colour function of (x, y), fully opaque. */
function paint(width: number, height: number, colour: (x: number, y: number) => [number, number, number]): Rgba {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set([...colour(x, y), 255], (y * width + x) * 4);
  }
  return { data, width, height };
}

/** A small deterministic noise in -n..n, so surfaces are not perfectly flat. */
const noise = (x: number, y: number, n: number) => ((((x * 73856093) ^ (y * 19349663)) >>> 0) % (2 * n + 1)) - n;

const input = (image: Rgba, over: Partial<TransformInput> = {}): TransformInput => ({ kind: 'enhance', style: null, roomType: null, seed: 1, image, ...over });
const copyOf = (image: Rgba): Rgba => ({ ...image, data: image.data.slice() });

function channelMeans(image: Rgba): [number, number, number] {
  const sums = [0, 0, 0];
  for (let i = 0; i < image.data.length; i += 4) for (let c = 0; c < 3; c++) sums[c]! += image.data[i + c]!;
  const n = image.width * image.height;
  return [sums[0]! / n, sums[1]! / n, sums[2]! / n];
}

/** Centre of the dark run nearest to the middle column in row `y` (the test pattern's lines are dark). */
function lineCentreNearMiddle(image: Rgba, y: number): number {
  let best = { x: Number.NaN, distance: Number.POSITIVE_INFINITY };
  let start = -1;
  for (let x = 0; x <= image.width; x++) {
    const dark = x < image.width && image.data[(y * image.width + x) * 4]! < 110;
    if (dark && start < 0) start = x;
    if (!dark && start >= 0) {
      const centre = (start + x - 1) / 2;
      if (Math.abs(centre - image.width / 2) < best.distance) best = { x: centre, distance: Math.abs(centre - image.width / 2) };
      start = -1;
    }
  }
  return best.x;
}

/** Dark vertical lines every 64 px on a light wall, rolled by `deg` (verticals lean right going down). */
function tiltedLines(width: number, height: number, deg: number): Rgba {
  const t = Math.tan((deg * Math.PI) / 180);
  return paint(width, height, (x, y) => {
    const u = x - (y - height / 2) * t;
    const v = ((u % 64) + 64) % 64 < 6 ? 60 : 200;
    return [v + noise(x, y, 3), v + noise(x, y, 3), v + noise(x, y, 3)];
  });
}

describe('enhance', () => {
  it('brings a dim, orange-cast photo to neutral and full range', async () => {
    // A room in soft light shot dim, with a warm cast: red strong, blue weak, nothing above 60% brightness.
    const dim = paint(600, 400, (x, y) => {
      const base = 40 + 80 * (x / 600) + 30 * Math.sin(y / 25) + noise(x, y, 6);
      return [base * 1.25, base, base * 0.7];
    });
    const before = channelMeans(dim);
    const { image, engine } = await engineFor(env, 'enhance').run(input(copyOf(dim)));
    const after = channelMeans(image);
    expect(engine).toBe('classic');
    const spread = (m: number[]) => Math.max(...m) - Math.min(...m);
    expect(spread(after)).toBeLessThan(spread(before) / 3);
    expect(bandStats(image, 0, 1).mean).toBeGreaterThan(bandStats(dim, 0, 1).mean + 25);
    const lum = Array.from({ length: image.width * image.height }, (_, p) => image.data[p * 4 + 1]!).sort((a, b) => a - b);
    expect(lum[Math.floor(lum.length * 0.995)]).toBeGreaterThan(235);
    expect(lum[Math.floor(lum.length * 0.005)]).toBeLessThan(20);
  });

  it('straightens verticals that a rolled camera tilted', async () => {
    const tilted = tiltedLines(640, 480, 3);
    const drift = (image: Rgba) => lineCentreNearMiddle(image, 380) - lineCentreNearMiddle(image, 100);
    // 280 rows at 3 degrees: about 14.7 px of lean before.
    expect(drift(tilted)).toBeGreaterThan(12);
    const { image } = await engineFor(env, 'enhance').run(input(copyOf(tilted)));
    expect(image.width).toBe(640);
    expect(image.height).toBe(480);
    expect(Math.abs(drift(image))).toBeLessThan(2);
  });

  it('leaves an upright photo unrotated', async () => {
    const upright = tiltedLines(640, 480, 0);
    const { image } = await engineFor(env, 'enhance').run(input(copyOf(upright)));
    // Only a tone table was applied: each line is still exactly where it was.
    for (const y of [60, 240, 420]) expect(lineCentreNearMiddle(image, y)).toBe(lineCentreNearMiddle(upright, y));
  });
});

/** A grey overcast sky over the top 35%, a brown facade with dark windows below. */
const exterior = () =>
  paint(600, 400, (x, y) => {
    if (y < 140) return [196 + noise(x, y, 2), 198 + noise(x, y, 2), 202 + noise(x, y, 2)];
    const window = x % 100 > 30 && x % 100 < 70 && y % 90 > 30 && y % 90 < 70;
    return window ? [230, 228, 220] : [120 + noise(x, y, 12), 86 + noise(x, y, 12), 60 + noise(x, y, 12)];
  });

describe('sky', () => {
  it('replaces a grey sky with blue and leaves the building alone', async () => {
    const photo = exterior();
    const { image } = await engineFor(env, 'sky').run(input(copyOf(photo), { kind: 'sky' }));
    const [r, , b] = channelMeans({ ...image, height: 120, data: image.data.subarray(0, 600 * 120 * 4) });
    expect(b).toBeGreaterThan(r + 50);
    // Below the feathered roofline, not one byte changed.
    const below = 150 * 600 * 4;
    expect(Buffer.from(image.data.subarray(below)).equals(Buffer.from(photo.data.subarray(below)))).toBe(true);
  });

  it('fails, to be refunded, on a photo with no sky', async () => {
    const interior = paint(400, 300, (x, y) => [90 + noise(x, y, 20), 70 + noise(x, y, 20), 50 + noise(x, y, 20)]);
    await expect(engineFor(env, 'sky').run(input(interior, { kind: 'sky' }))).rejects.toThrow(PermanentJobError);
    await expect(engineFor(env, 'sky').run(input(interior, { kind: 'sky' }))).rejects.toThrow(/no sky found/);
  });
});

describe('twilight', () => {
  it('darkens the day, turns the sky to dusk and lights the windows warm', async () => {
    const photo = exterior();
    const { image } = await engineFor(env, 'twilight').run(input(copyOf(photo), { kind: 'twilight' }));
    expect(bandStats(image, 0.4, 1).mean).toBeLessThan(bandStats(photo, 0.4, 1).mean * 0.7);
    const at = (x: number, y: number) => Array.from(image.data.subarray((y * 600 + x) * 4, (y * 600 + x) * 4 + 3));
    const [wr, , wb] = at(150, 230); // inside a window
    expect(wr).toBeGreaterThan(200);
    expect(wr! - wb!).toBeGreaterThan(60);
    const [sr, , sb] = at(300, 10); // top of the sky: deep blue
    expect(sb).toBeGreaterThan(sr! + 30);
  });
});

describe('generative engines (Workers AI stand-in)', () => {
  const room = () => paint(640, 480, (x, y) => [150 + noise(x, y, 30), 140 + (y % 50), 120 + (x % 40)]);

  it('stages a room: the photo at its own size, changed, the style in the prompt, the same bytes for the same seed', async () => {
    const photo = room();
    const stage = (seed: number) => engineFor(env, 'stage').run(input(copyOf(photo), { kind: 'stage', style: 'scandinavian', roomType: 'bedroom', seed }));
    const [first, again, other] = [await stage(7), await stage(7), await stage(870_001)];
    expect(first.engine).toBe(IMG2IMG_MODEL);
    expect([first.image.width, first.image.height]).toEqual([640, 480]);
    expect(Buffer.from(first.image.data).equals(Buffer.from(photo.data))).toBe(false);
    expect(Buffer.from(again.image.data).equals(Buffer.from(first.image.data))).toBe(true);
    expect(Buffer.from(other.image.data).equals(Buffer.from(first.image.data))).toBe(false);
    const { requests } = await (await fetch(`${standIn()}/_standin/image-requests`)).json<{ requests: { model: string; prompt: string; seed: number }[] }>();
    expect(requests.find((r) => r.seed === 870_001)).toMatchObject({ model: IMG2IMG_MODEL, prompt: expect.stringMatching(/^scandinavian style furnished bedroom/) });
  });

  it('declutters a room through the inpainting model', async () => {
    const photo = room();
    const { image, engine } = await engineFor(env, 'declutter').run(input(copyOf(photo), { kind: 'declutter', roomType: 'living_room' }));
    expect(engine).toBe(INPAINTING_MODEL);
    expect([image.width, image.height]).toEqual([640, 480]);
    expect(Buffer.from(image.data).equals(Buffer.from(photo.data))).toBe(false);
  });

  const stageThrough = (vars: Partial<Env>, over: Partial<TransformInput> = {}) =>
    engineFor(withAi(vars), 'stage').run(input(room(), { kind: 'stage', style: 'modern', ...over }));
  const failureOf = (vars: Partial<Env>) => stageThrough(vars).catch((err: Error) => err);

  it('rejects with the provider reason: a 500 to retry with backoff, a refused input at once, a busy model after its Retry-After', async () => {
    const crashed = await failureOf({ WORKERS_AI_API_URL: `${standIn()}/_standin/failing` });
    expect(crashed).toBeInstanceOf(Error);
    expect(crashed).not.toBeInstanceOf(PermanentJobError);
    expect(crashed).not.toBeInstanceOf(RetryLaterError);
    expect((crashed as Error).message).toMatch(/stable-diffusion-v1-5-img2img answered 500: 3043 Internal server error/);

    const refused = await failureOf({ WORKERS_AI_API_URL: `${standIn()}/_standin/refusing` });
    expect(refused).toBeInstanceOf(PermanentJobError);
    expect((refused as Error).message).toMatch(/answered 400: 5006/);

    const busy = await failureOf({ WORKERS_AI_API_URL: `${standIn()}/_standin/busy` });
    expect(busy).toBeInstanceOf(RetryLaterError);
    expect((busy as RetryLaterError).delaySeconds).toBe(7);

    expect(((await failureOf({ WORKERS_AI_API_URL: `${standIn()}/_standin/malformed` })) as Error).message).toMatch(/application\/json instead of an image/);
    expect(((await failureOf({ WORKERS_AI_API_URL: 'http://127.0.0.1:9' })) as Error).message).toMatch(/unreachable/);
  });

  it('fails the calls the stand-in was told to fail (the screens\' hook), only those whose prompt matches, as many times as told', async () => {
    const told = await fetch(`${standIn()}/_standin/failing`, { method: 'POST', body: JSON.stringify({ status: 400, times: 1, match: 'bohemian style furnished garden' }) });
    expect(told.status).toBe(200);
    const garden = { style: 'bohemian', roomType: 'garden' } as const;
    try {
      await expect(stageThrough({}, { style: 'modern', roomType: 'garden' })).resolves.toMatchObject({ engine: IMG2IMG_MODEL });
      await expect(stageThrough({}, garden)).rejects.toThrow(/answered 400: 3043 Stand-in told to fail/);
      await expect(stageThrough({}, garden)).resolves.toMatchObject({ engine: IMG2IMG_MODEL });
    } finally {
      await fetch(`${standIn()}/_standin/failing`, { method: 'DELETE' });
    }
    expect((await fetch(`${standIn()}/_standin/failing`, { method: 'POST', body: '{"status":200}' })).status).toBe(400);
  });

  it('fails a generative kind with a reason when Workers AI is not configured', () => {
    expect(() => engineFor(withAi({ CF_ACCOUNT_ID: '' }), 'stage')).toThrow(/not configured/);
  });
});

describe('stampLabel', () => {
  it('draws a legible badge in the bottom-left corner and nothing elsewhere', () => {
    const photo = paint(800, 600, (x, y) => [200 + noise(x, y, 20), 190 + noise(x, y, 20), 180 + noise(x, y, 20)]);
    const labelled = copyOf(photo);
    stampLabel(labelled, 'Virtually staged');
    let [changed, outside, white, dark] = [0, 0, 0, 0];
    for (let p = 0; p < 800 * 600; p++) {
      const [x, y] = [p % 800, Math.floor(p / 800)];
      const i = p * 4;
      if (labelled.data[i] === photo.data[i] && labelled.data[i + 1] === photo.data[i + 1] && labelled.data[i + 2] === photo.data[i + 2]) continue;
      changed++;
      if (x > 400 || y < 540) outside++;
      if (labelled.data[i]! > 245) white++;
      if (labelled.data[i]! < 100) dark++;
    }
    expect(outside).toBe(0);
    expect(changed).toBeGreaterThan(2000);
    expect(white).toBeGreaterThan(100);
    expect(dark).toBeGreaterThan(1000);
  });
});
