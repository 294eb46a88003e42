/**
 * `npm run bench:transform`: `enhance` on a 24 MP photo — the Worker's own code (JPEG decode by
 * workers/modules/media/codecs/jpegdec.ts at full size, then workers/modules/realestate/engines/
 * enhance.ts: roll measured by Hough and undone, auto-levels, grey world, tone curve) against sharp
 * doing comparable adjustments on one thread (decode, channel means for the grey world, linear,
 * normalise at the same percentiles, gamma, rotation by the same angle, crop back to the frame).
 * sharp is handed the angle: it has no way to measure it. Each run is a fresh process, the two
 * interleaved (see child-run.ts). The input is generated here: a room drawn with walls, a window
 * and door frames, rolled 2°, dim and orange, with grain. RUNS=n (default 3).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { measureInChild, type Run, runInChild, spread } from './child-run';
import { mb, median } from './lib';

/** The 24 MP photo the issue asks about, and the web variant (1600 px) the job actually enhances. */
const SIZES = [
  { label: '24 MP photo 6000x4000', width: 6000, height: 4000 },
  { label: 'job: web variant 1600x1067', width: 1600, height: 1067 },
];
const TILT = 2;
const RUNS = Number(process.env.RUNS ?? 3);

/** The room, rolled TILT degrees, in a dim orange light, with grain: a baseline JPEG at quality 90. */
async function roomJpeg(w: number, h: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="100%" height="100%" fill="#c8b8a0"/><rect y="${h * 0.72}" width="100%" height="${h * 0.28}" fill="#7a5a3a"/>
    <rect x="${w * 0.19}" y="${h * 0.19}" width="${w * 0.22}" height="${h * 0.45}" fill="#e8eef4" stroke="#fff" stroke-width="${w * 0.011}"/>
    <rect x="${w * 0.62}" y="${h * 0.22}" width="${w * 0.14}" height="${h * 0.5}" fill="#6b4a2a"/>
    <rect x="${w * 0.51}" y="${h * 0.52}" width="${w * 0.26}" height="${h * 0.15}" fill="#445"/>
    <line x1="${w * 0.09}" y1="0" x2="${w * 0.09}" y2="${h * 0.72}" stroke="#a89880" stroke-width="${w * 0.005}"/>
    <line x1="${w * 0.9}" y1="0" x2="${w * 0.9}" y2="${h * 0.72}" stroke="#a89880" stroke-width="${w * 0.005}"/></svg>`;
  const rolled = await sharp(Buffer.from(svg)).rotate(TILT, { background: '#c8b8a0' }).toBuffer({ resolveWithObject: true });
  const left = Math.floor((rolled.info.width - w) / 2);
  const top = Math.floor((rolled.info.height - h) / 2);
  const grain = await sharp({ create: { width: w, height: h, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 24 } } }).png().toBuffer();
  const lit = await sharp(rolled.data).extract({ left, top, width: w, height: h }).composite([{ input: grain, blend: 'soft-light' }]).png().toBuffer();
  return sharp(lit).linear([0.6, 0.5, 0.35], [0, 0, 0]).jpeg({ quality: 90 }).toBuffer();
}

/** workers/modules, loaded by path: their wasm imports are typed for workerd, not for this Node project. */
const JPEGDEC: string = '../workers/modules/media/codecs/jpegdec';
const ENHANCE: string = '../workers/modules/realestate/engines/enhance';
type Decoded = { width: number; height: number; release(): void };
type Jpegdec = {
  decodeJpeg(chunks: AsyncIterable<Uint8Array>, options: { minLongEdge: number; maxMemory: number }): Promise<Decoded>;
  decoderMemoryBytes(): number;
  pixels(image: Decoded): Uint8Array;
};
type Rgba = { data: Uint8Array; width: number; height: number };
type Enhance = { enhanceEngine: { run(input: { kind: 'enhance'; style: null; roomType: null; seed: number; image: Rgba }): Promise<{ image: Rgba }> } };

/** The Worker's code: the whole JPEG decoded into wasm memory, enhanced there (the rotation into a JS buffer). */
async function workerEnhance(jpeg: Uint8Array) {
  const { decodeJpeg, decoderMemoryBytes, pixels } = (await import(JPEGDEC)) as Jpegdec;
  const { enhanceEngine } = (await import(ENHANCE)) as Enhance;
  async function* chunks() {
    for (let i = 0; i < jpeg.length; i += 1 << 20) yield jpeg.subarray(i, i + (1 << 20));
  }
  return async () => {
    const decoded = await decodeJpeg(chunks(), { minLongEdge: 0, maxMemory: 48 * 1024 * 1024 });
    try {
      const image = { data: pixels(decoded), width: decoded.width, height: decoded.height };
      const out = await enhanceEngine.run({ kind: 'enhance', style: null, roomType: null, seed: 0, image });
      if (out.image === image) throw new Error('the roll was not detected: the benchmark would not time a rotation');
    } finally {
      decoded.release();
    }
    return decoderMemoryBytes();
  };
}

/**
 * The same adjustments with sharp: a first pass for the channel means (sharp's stats), then one
 * pipeline to raw pixels: gains by `linear` (cheaper than a float `recomb`), `normalise` at the
 * same percentiles, gamma, the rotation, and the centre crop that hides the corners, resized back.
 */
async function sharpEnhance(jpeg: Uint8Array) {
  const { width: w, height: h } = (await sharp(jpeg).metadata()) as { width: number; height: number };
  const a = (TILT * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  const zoom = Math.max((w * cos + h * sin) / w, (w * sin + h * cos) / h);
  const [rotatedW, rotatedH] = [Math.floor(w * cos + h * sin), Math.floor(w * sin + h * cos)];
  const [cropW, cropH] = [Math.floor(w / zoom), Math.floor(h / zoom)];
  const crop = { left: Math.floor((rotatedW - cropW) / 2), top: Math.floor((rotatedH - cropH) / 2), width: cropW, height: cropH };
  return async () => {
    const means = (await sharp(jpeg).stats()).channels.slice(0, 3).map((c) => c.mean);
    const grey = (means[0]! + means[1]! + means[2]!) / 3;
    const gains = means.map((m) => (grey / m) ** 0.85);
    await sharp(jpeg).linear(gains, [0, 0, 0]).normalise({ lower: 0.5, upper: 99.5 }).gamma(2.2, 1.8).rotate(-TILT).extract(crop).resize(w, h).raw().toBuffer();
    return 0;
  };
}

async function child(kind: string, file: string) {
  sharp.concurrency(1);
  sharp.cache(false);
  const jpeg = new Uint8Array(readFileSync(file));
  await measureInChild(kind === 'worker' ? await workerEnhance(jpeg) : await sharpEnhance(jpeg));
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-transform-bench-'));
  try {
    const rows = [];
    for (const size of SIZES) {
      const file = join(dir, `room-${size.width}.jpg`);
      writeFileSync(file, await roomJpeg(size.width, size.height));
      const runs = { worker: [] as Run[], sharp: [] as Run[] };
      for (let i = 0; i < RUNS; i++) {
        for (const kind of i % 2 ? (['sharp', 'worker'] as const) : (['worker', 'sharp'] as const)) runs[kind].push(runInChild('bench/transform.ts', [kind, file]));
      }
      const ms = (v: number) => `${Math.round(v)}`;
      const med = (side: Run[]) => median(side.map((r) => r.ms));
      rows.push({
        input: `${size.label}, rolled ${TILT}°`,
        'worker ms min/med/max': spread(runs.worker.map((r) => r.ms), ms),
        'sharp ms min/med/max': spread(runs.sharp.map((r) => r.ms), ms),
        'ms ratio': (med(runs.worker) / med(runs.sharp)).toFixed(2),
        'worker wasm held MB': mb(Math.max(...runs.worker.map((r) => r.heldBytes))),
        'worker run peak MB min/med/max': spread(runs.worker.map((r) => r.peakBytes), mb),
        'sharp run peak MB min/med/max': spread(runs.sharp.map((r) => r.peakBytes), mb),
      });
    }
    console.table(rows);
    console.log('Both decode the JPEG and end with raw pixels (no encode). ratio = worker median / sharp median (sharp on one thread, cache off).');
    console.log("Run peak = resident memory a warm run adds at its peak; wasm held = the decoder's wasm memory kept between photos (the Worker's total: held + run peak).");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child') await child(process.argv[3]!, process.argv[4]!);
else await main();
