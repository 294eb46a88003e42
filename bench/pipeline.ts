/**
 * `npm run bench:pipeline`: per-photo time and peak wasm memory of the real consumer in workerd
 * (wrangler dev) for 12, 24 and 50 MP baseline JPEGs, against sharp doing the same job on one
 * thread. RUNS=n (default 3) photos per size; the median is printed.
 */
import sharp from 'sharp';
import { api, expectStatus, sendAndComplete } from '../scripts/lib/api-client';
import { photoJpeg } from '../test/fixtures/generate';
import { benchStack, mb, median, waitReady } from './lib';

const SIZES = [
  { label: '12 MP', width: 4240, height: 2832 },
  { label: '24 MP', width: 6000, height: 4000 },
  { label: '50 MP', width: 8660, height: 5774 },
];
const RUNS = Number(process.env.RUNS ?? 3);

/**
 * The same work with sharp: 1600 px WebP q80, then a 400 px WebP from it. `effort` is libwebp's
 * method: sharp's default is 4, the pipeline uses 2; both are printed so the ratio is honest.
 */
async function sharpJob(bytes: Buffer, effort: number): Promise<number> {
  const started = performance.now();
  const web = await sharp(bytes).rotate().resize(1600, 1600, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 80, effort }).toBuffer();
  await sharp(web).resize(400, 400, { fit: 'inside' }).webp({ quality: 80, effort }).toBuffer();
  return performance.now() - started;
}

async function sharpMedian(bytes: Buffer, effort: number): Promise<number> {
  const times = [];
  for (let run = 0; run < RUNS; run++) times.push(await sharpJob(bytes, effort));
  return median(times);
}

sharp.concurrency(1);
const bench = await benchStack();
try {
  const rows = [];
  for (const size of SIZES) {
    const bytes = await photoJpeg(size.width, size.height, { seed: size.width });
    const workerMs: number[] = [];
    let peak = 0;
    for (let run = 0; run < RUNS; run++) {
      const created = await api(bench.origin, 'POST', `/v1/albums/${bench.albumId}/uploads`, {
        token: bench.token,
        json: { files: [{ name: `${size.label}.jpg`, size: bytes.byteLength, type: 'image/jpeg' }] },
      });
      const upload = expectStatus(created, 201, 'upload request').data.uploads[0];
      await sendAndComplete(bench.origin, bench.token, upload, bytes);
      const photo = await waitReady(bench.origin, bench.token, upload.photoId);
      if (photo.status !== 'ready') throw new Error(`${size.label}: ${photo.status} ${JSON.stringify(photo.error)}`);
      workerMs.push(photo.processing.ms);
      peak = Math.max(peak, photo.processing.peakWasmBytes);
    }
    const sharpMs = await sharpMedian(bytes, 4);
    const sharpSameEffortMs = await sharpMedian(bytes, 2);
    rows.push({
      image: `${size.label} ${size.width}x${size.height}`,
      'file MB': mb(bytes.byteLength),
      'worker ms (median)': Math.round(median(workerMs)),
      'peak wasm MB': mb(peak),
      'sharp ms (effort 4)': Math.round(sharpMs),
      ratio: (median(workerMs) / sharpMs).toFixed(2),
      'sharp ms (effort 2)': Math.round(sharpSameEffortMs),
      'ratio (same effort)': (median(workerMs) / sharpSameEffortMs).toFixed(2),
    });
  }
  console.table(rows);
  console.log('worker ms = the whole job in workerd (R2 read, sha256, decode, resize, signals, watermark, 2 WebP encodes, R2 writes, D1).');
  console.log('peak wasm = decoder + WebP codec memory, the running maximum of the isolate (sizes run smallest first).');
  console.log('sharp runs on one libvips thread (sharp.concurrency(1)). Targets: <= 1.5x sharp at 24 MP; <= 96 MB peak at 50 MP.');
} finally {
  bench.close();
}
