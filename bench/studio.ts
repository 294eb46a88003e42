/**
 * `npm run bench:studio`: the studio's compose step for a 12 MP photo — the Worker's own code
 * (workers/modules/vehicles/studio/draw.ts: PNG decode, backdrop, car placed with a blurred
 * contact shadow, WebP + thumbnail) against sharp doing the same composite on one thread. Each
 * run is a fresh process, Worker and sharp interleaved, so the peak resident memory it adds
 * (VmHWM over the warm baseline: JS heap, wasm and native memory alike) belongs to that run.
 * Inputs are generated here: a car-shaped cutout (RGBA PNG) with photographic texture.
 * RUNS=n (default 5) per size.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { photographicRgb } from '../test/fixtures/generate';
import { measureInChild, type Run, runInChild, spread } from './child-run';
import { mb, median } from './lib';

/** A 12 MP photo's cutout is made from its 1600 px web variant: what the job composes. The full size shows the headroom. */
const SIZES = [
  { label: '12 MP photo (job: 1600x1200)', width: 1600, height: 1200 },
  { label: '12 MP at full size 4000x3000', width: 4000, height: 3000 },
];
const RUNS = Number(process.env.RUNS ?? 5);
const LOOK = { backdrop: 'showroom_indoor', scale: 1, positionX: 0.5, positionY: 0.86, autoCentre: true, shadow: true, reflection: false, plate: 'keep' } as const;

/** A car's silhouette (body, cabin, wheels) over photographic pixels; transparent around it. */
async function carCutout(width: number, height: number): Promise<Buffer> {
  const rgb = photographicRgb(width, height, width);
  const rgba = Buffer.alloc(width * height * 4);
  const [u, v] = [width / 1600, height / 1200];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [px, py] = [x / u, y / v];
      const body = px > 220 && px < 1380 && py > 620 && py < 920;
      const cabin = py > 430 && py <= 620 && px > 460 + (620 - py) * 0.7 && px < 1130 - (620 - py) * 0.5;
      const wheel = [470, 1130].some((cx) => (px - cx) ** 2 + (py - 930) ** 2 < 110 ** 2);
      if (body || cabin || wheel) rgba.set([rgb[(y * width + x) * 3]!, rgb[(y * width + x) * 3 + 1]!, rgb[(y * width + x) * 3 + 2]!, 255], (y * width + x) * 4);
    }
  }
  return sharp(rgba, { raw: { width, height, channels: 4 } }).png().toBuffer();
}

/** workers/modules/vehicles/studio/draw.ts, loaded by path: its wasm imports are typed for workerd, not for this Node project. */
const DRAW_MODULE: string = '../workers/modules/vehicles/studio/draw';
type DrawStudio = (png: Uint8Array, look: typeof LOOK, plate: { box: null; label: string }, edge: number) => Promise<{ peakWasmBytes: number }>;

/** The Worker's code, as the job runs it. */
async function workerCompose(png: Uint8Array, edge: number) {
  const { drawStudio } = (await import(DRAW_MODULE)) as { drawStudio: DrawStudio };
  return async () => (await drawStudio(png, LOOK, { box: null, label: '' }, edge)).peakWasmBytes;
}

/** The same composite with sharp: the car trimmed and resized, a blurred ellipse under it, WebP + thumbnail. */
async function sharpCompose(png: Uint8Array, edge: number) {
  const { renderBackdrop, backdropOf } = await import('../workers/modules/vehicles/studio/backdrops');
  const { placeCar } = await import('../workers/modules/vehicles/studio/layout');
  return async () => {
    const meta = await sharp(png).metadata();
    const scale = Math.min(1, edge / Math.max(meta.width!, meta.height!));
    const [W, H] = [Math.round(meta.width! * scale), Math.round(meta.height! * scale)];
    const backdrop = renderBackdrop(LOOK.backdrop, W, H);
    const trimmed = await sharp(png).trim().raw().toBuffer({ resolveWithObject: true });
    const car = { x: -trimmed.info.trimOffsetLeft!, y: -trimmed.info.trimOffsetTop!, w: trimmed.info.width, h: trimmed.info.height };
    const place = placeCar(LOOK, backdropOf(LOOK.backdrop).floor, car, { width: meta.width!, height: meta.height! }, { width: W, height: H });
    const carLayer = await sharp(trimmed.data, { raw: { width: car.w, height: car.h, channels: 4 } }).resize(place.w, place.h).png({ compressionLevel: 0 }).toBuffer();
    const [rx, ry] = [place.w * 0.55, Math.max(2, place.h * 0.07)];
    const [sw, sh] = [Math.min(W, Math.round(rx * 2.2)), Math.round(ry * 4)];
    const shadowSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="${sw}" height="${sh}"><ellipse cx="${sw / 2}" cy="${sh / 2}" rx="${rx}" ry="${ry}" fill="black" fill-opacity="0.45"/></svg>`;
    const shadow = await sharp(Buffer.from(shadowSvg)).blur(Math.max(1, place.h * 0.012)).png().toBuffer();
    const composed = await sharp(Buffer.from(backdrop.data.buffer), { raw: { width: W, height: H, channels: 4 } })
      .composite([
        { input: shadow, left: Math.max(0, Math.round(place.x + place.w / 2 - sw / 2)), top: Math.round(place.y + place.h - sh / 2) },
        { input: carLayer, left: place.x, top: place.y },
      ])
      .raw()
      .toBuffer();
    const raw = { raw: { width: W, height: H, channels: 4 as const } };
    await sharp(composed, raw).webp({ quality: 80, effort: 2 }).toBuffer();
    await sharp(composed, raw).resize(400, 400, { fit: 'inside' }).webp({ quality: 80, effort: 2 }).toBuffer();
    return 0;
  };
}

/** In a child process: the warm-up and measured run of one side (see child-run.ts). */
async function child(kind: string, file: string, edge: number) {
  sharp.concurrency(1);
  sharp.cache(false);
  const png = new Uint8Array(readFileSync(file));
  await measureInChild(kind === 'worker' ? await workerCompose(png, edge) : await sharpCompose(png, edge));
}

const measure = (kind: string, file: string, edge: number): Run => runInChild('bench/studio.ts', [kind, file, String(edge)]);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-studio-bench-'));
  try {
    const rows = [];
    for (const size of SIZES) {
      const file = join(dir, `${size.width}.png`);
      writeFileSync(file, await carCutout(size.width, size.height));
      const runs = { worker: [] as Run[], sharp: [] as Run[] };
      for (let i = 0; i < RUNS; i++) {
        for (const kind of i % 2 ? (['sharp', 'worker'] as const) : (['worker', 'sharp'] as const)) runs[kind].push(measure(kind, file, Math.max(size.width, size.height)));
      }
      const ms = (v: number) => `${Math.round(v)}`;
      const mem = (v: number) => mb(v);
      rows.push({
        input: size.label,
        'worker ms min/med/max': spread(runs.worker.map((r) => r.ms), ms),
        'sharp ms min/med/max': spread(runs.sharp.map((r) => r.ms), ms),
        'ms ratio': (median(runs.worker.map((r) => r.ms)) / median(runs.sharp.map((r) => r.ms))).toFixed(2),
        'worker wasm held MB': mem(Math.max(...runs.worker.map((r) => r.heldBytes))),
        'worker run peak MB min/med/max': spread(runs.worker.map((r) => r.peakBytes), mem),
        'sharp run peak MB min/med/max': spread(runs.sharp.map((r) => r.peakBytes), mem),
      });
    }
    console.table(rows);
    console.log('ratio = worker median / sharp median (sharp on one thread, cache off). Run peak = resident memory a warm run adds at its peak;');
    console.log('wasm held = the codecs\' wasm memory the isolate keeps between photos (the Worker\'s total: held + run peak).');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child') await child(process.argv[3]!, process.argv[4]!, Number(process.argv[5]));
else await main();
