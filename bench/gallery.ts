/**
 * `npm run bench:gallery`: the public gallery's hot paths under load, against a static server
 * answering the very same bytes, in the same run. A published album of PHOTOS (default 60)
 * ready photos; then its photo-list JSON and one thumbnail (edge-cache hits), CONNECTIONS
 * (default 50) keep-alive connections for SECONDS (default 8) each, interleaved worker, static,
 * worker, static... for ROUNDS (default 3). Prints req/s, p50/p99 and errors of each run, then
 * one summary line with the medians and the ratios.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { api, expectStatus, sendAndComplete } from '../scripts/lib/api-client';
import { photoJpeg } from '../test/fixtures/generate';
import { benchStack, median } from './lib';
import { type LoadResult, load } from './load';
import type { StaticRoute } from './static-server';

const PHOTOS = Number(process.env.PHOTOS ?? 60);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 8);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const UPLOADS_AT_ONCE = 4;
/** The headers a static file server would send too; the rest (request id, X-Cache) are the Worker's own. */
const KEPT_HEADERS = ['content-type', 'cache-control', 'etag'];

type Bench = Awaited<ReturnType<typeof benchStack>>;

/** PHOTOS distinct small photos (distinct, so none is skipped as a duplicate), all `ready`. */
async function seedAlbum(bench: Bench) {
  const files = await Promise.all(Array.from({ length: PHOTOS }, (_, i) => photoJpeg(640, 427, { seed: i + 1 })));
  const json = { files: files.map((bytes, i) => ({ name: `IMG_${i}.jpg`, size: bytes.byteLength, type: 'image/jpeg' })) };
  const { uploads } = expectStatus(await api(bench.origin, 'POST', `/v1/albums/${bench.albumId}/uploads`, { token: bench.token, json }), 201, 'uploads').data;
  let next = 0;
  const sender = async () => {
    for (let i = next++; i < uploads.length; i = next++) await sendAndComplete(bench.origin, bench.token, uploads[i], files[i]!);
  };
  await Promise.all(Array.from({ length: UPLOADS_AT_ONCE }, sender));
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const { data } = await api(bench.origin, 'GET', `/v1/albums/${bench.albumId}`, { token: bench.token });
    const ready = data.photoCounts.ready ?? 0;
    if (ready === PHOTOS) return data.album.slug as string;
    if ((data.photoCounts.failed ?? 0) + (data.photoCounts.rejected ?? 0) > 0) throw new Error(`seeding failed: ${JSON.stringify(data.photoCounts)}`);
    if (Date.now() > deadline) throw new Error(`only ${ready} of ${PHOTOS} photos ready after 10 minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The answer as a visitor gets it once the edge holds it (the second request), saved for the static server. */
async function capture(origin: string, path: string, dir: string, name: string): Promise<StaticRoute> {
  await fetch(`${origin}${path}`).then((r) => r.arrayBuffer());
  const res = await fetch(`${origin}${path}`);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  const bodyFile = join(dir, name);
  const body = new Uint8Array(await res.arrayBuffer());
  writeFileSync(bodyFile, body);
  const headers = Object.fromEntries(KEPT_HEADERS.flatMap((h) => (res.headers.has(h) ? [[h, res.headers.get(h)!]] : [])));
  console.log(`${name}: ${path} X-Cache=${res.headers.get('X-Cache')}, ${body.byteLength} bytes`);
  return { path, bodyFile, headers };
}

/** The static server in its own process; resolves with its origin and a stop function. */
async function startStatic(routes: StaticRoute[], dir: string) {
  const manifest = join(dir, 'routes.json');
  writeFileSync(manifest, JSON.stringify(routes));
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'static-server.ts'), manifest], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`static server exited with ${code}`)));
    lines.on('line', (line) => line.startsWith('ready ') && resolve(Number(line.slice(6))));
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

const row = (what: string, server: string, round: number, r: LoadResult) => ({
  what,
  server,
  round,
  'req/s': Math.round(r.rps),
  'p50 ms': r.p50.toFixed(1),
  'p99 ms': r.p99.toFixed(1),
  requests: r.requests,
  errors: r.errors,
});

const summary = (what: string, worker: LoadResult[], plain: LoadResult[]) => {
  const [wRps, sRps] = [median(worker.map((r) => r.rps)), median(plain.map((r) => r.rps))];
  const [wP99, sP99] = [median(worker.map((r) => r.p99)), median(plain.map((r) => r.p99))];
  const errors = [...worker, ...plain].reduce((n, r) => n + r.errors, 0);
  return `${what} worker ${Math.round(wRps)} req/s p99 ${wP99.toFixed(0)} ms vs static ${Math.round(sRps)} req/s p99 ${sP99.toFixed(0)} ms: static/worker ${(sRps / wRps).toFixed(1)}x req/s, worker/static ${(wP99 / sP99).toFixed(1)}x p99, ${errors} errors`;
};

const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-gallery-'));
const bench = await benchStack();
let stopStatic = () => {};
try {
  const slug = await seedAlbum(bench);
  const listPath = `/v1/public/albums/${slug}/photos`;
  const list = await capture(bench.origin, listPath, dir, 'list.json');
  const { data } = await api(bench.origin, 'GET', listPath);
  const thumb = await capture(bench.origin, data.photos[0].thumb.url, dir, 'thumb.webp');
  const plain = await startStatic([list, thumb], dir);
  stopStatic = plain.stop;
  const rows = [];
  const results: Record<string, { worker: LoadResult[]; static: LoadResult[] }> = { list: { worker: [], static: [] }, thumb: { worker: [], static: [] } };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [what, route] of [['list', list], ['thumb', thumb]] as const) {
      for (const [server, origin] of [['worker', bench.origin], ['static', plain.origin]] as const) {
        const result = await load(`${origin}${route.path}`, CONNECTIONS, SECONDS);
        results[what]![server].push(result);
        rows.push(row(what, server, round, result));
      }
    }
  }
  console.table(rows);
  console.log(`${PHOTOS} photos in the album; ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds, medians below.`);
  console.log(`bench:gallery | ${summary('list', results.list!.worker, results.list!.static)} | ${summary('thumb', results.thumb!.worker, results.thumb!.static)}`);
} finally {
  stopStatic();
  bench.close();
  rmSync(dir, { recursive: true, force: true });
}
