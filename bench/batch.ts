/**
 * `npm run bench:batch [-- N]`: N photos (default 200) uploaded through signed URLs, 8 at a
 * time, and processed to `ready` by the local queue consumer. Prints photos/s and how many
 * were lost (anything not `ready` at the end).
 */
import { api, expectStatus, sendAndComplete } from '../scripts/lib/api-client';
import { photoJpeg } from '../test/fixtures/generate';
import { benchStack } from './lib';

const N = Number(process.argv[2] ?? process.env.N ?? 200);
const CONCURRENCY = 8;
const REQUEST_BATCH = 100;

const images = await Promise.all([1, 2, 3, 4].map((seed) => photoJpeg(3000, 2000, { seed })));
const bench = await benchStack();
try {
  const started = performance.now();
  const uploads: { photoId: string; url: string; headers: Record<string, string>; bytes: Uint8Array }[] = [];
  for (let first = 0; first < N; first += REQUEST_BATCH) {
    const files = Array.from({ length: Math.min(REQUEST_BATCH, N - first) }, (_, i) => {
      const bytes = images[(first + i) % images.length]!;
      return { name: `IMG_${first + i}.jpg`, size: bytes.byteLength, type: 'image/jpeg', bytes };
    });
    const created = expectStatus(
      await api(bench.origin, 'POST', `/v1/albums/${bench.albumId}/uploads`, { token: bench.token, json: { files: files.map(({ bytes, ...f }) => f) } }),
      201,
      'upload request',
    );
    created.data.uploads.forEach((u: (typeof uploads)[number], i: number) => {
      uploads.push({ ...u, bytes: files[i]!.bytes });
    });
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < uploads.length) {
        const upload = uploads[next++]!;
        await sendAndComplete(bench.origin, bench.token, upload, upload.bytes);
      }
    }),
  );
  const uploaded = performance.now();
  let counts: Record<string, number> = {};
  while ((counts.ready ?? 0) + (counts.rejected ?? 0) + (counts.failed ?? 0) < N) {
    if (performance.now() - uploaded > 30 * 60_000) break;
    await new Promise((r) => setTimeout(r, 500));
    counts = (await api(bench.origin, 'GET', `/v1/albums/${bench.albumId}`, { token: bench.token })).data.photoCounts;
  }
  const done = performance.now();
  const seconds = (done - started) / 1000;
  console.log(`photos: ${N} (3000x2000 JPEG, ${(images[0]!.byteLength / 1e6).toFixed(1)} MB each)`);
  console.log(`upload (signed PUT + complete, ${CONCURRENCY} parallel): ${((uploaded - started) / 1000).toFixed(1)} s`);
  console.log(`all processed after: ${seconds.toFixed(1)} s -> ${(N / seconds).toFixed(2)} photos/s end to end`);
  console.log(`status counts: ${JSON.stringify(counts)}`);
  console.log(`lost = ${N - (counts.ready ?? 0)}`);
} finally {
  bench.close();
}
