/**
 * `npm run bench:vision -- <folder> [--kind plate|bib] [--url URL] [--detect-edge N]`: text reading accuracy and
 * latency of the vision service on real photos. `<folder>/ground_truth.csv` has `file,text,...`.
 *
 * - found: the normalised truth (uppercase, no spaces/dashes/dots) is, or is inside, some read
 *   (a line, or one of the service's plates).
 * - top: the answer the Worker stores. Plates: `platesOf` (workers/modules/recognition/plates.ts),
 *   the service's own plate answer (`plates[0]`, read by format, prominence and a second look at a
 *   crop: vision/src/plates/), or the Worker's rule over the lines for a service that sends no
 *   `plates`; the `worker` column is that rule over the lines alone. Bibs: the first bib tag
 *   under default rules and no start list.
 * - latency: wall time of each request, first photo left out (warm-up).
 *
 * Starts the local reference service (vision/) unless `--url` points at a running one (then
 * VISION_SECRET is its secret). The photos stay where they are: never copy them into the repo.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startVisionServer } from '../vision/src/server';
import { bibCandidates } from '../workers/modules/recognition/bibs';
import { plateCandidates, platesOf } from '../workers/modules/recognition/plates';
import type { TextRead, TextReading } from '../workers/integrations/vision/types';

type Kind = 'plate' | 'bib';
type Reading = TextReading & { ms: number };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { kind: { type: 'string' }, url: { type: 'string' }, 'detect-edge': { type: 'string' } },
});
const folder = positionals[0];
if (!folder) {
  console.error('usage: npx tsx bench/vision.ts <folder> [--kind plate|bib] [--url URL] [--detect-edge N]');
  process.exit(2);
}
const kind = (values.kind ?? (/plate/i.test(basename(folder)) ? 'plate' : /bib/i.test(basename(folder)) ? 'bib' : '')) as Kind;
if (kind !== 'plate' && kind !== 'bib') {
  console.error('--kind plate|bib is needed when the folder name says neither');
  process.exit(2);
}

/** Uppercase, without spaces, dashes, dots (and other punctuation such as "·" or ":"). */
const normalize = (text: string) => text.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The Worker's rule over the lines alone: its plate tag, or its first bib tag. */
function workerAnswer(reads: TextRead[]): string | undefined {
  if (kind === 'plate') return plateCandidates(reads)[0]?.normalized;
  return bibCandidates(reads)[0]?.value;
}

/** The answer measured: what the Worker keeps from the reading. */
function topAnswer(reading: Reading): string | undefined {
  if (kind === 'plate') return platesOf(reading)[0]?.normalized;
  return workerAnswer(reading.texts);
}

function readTruth(dir: string) {
  const [header, ...rows] = readFileSync(join(dir, 'ground_truth.csv'), 'utf8').trim().split(/\r?\n/);
  const columns = header!.split(',');
  const fileAt = columns.indexOf('file');
  const textAt = columns.indexOf('text');
  if (fileAt < 0 || textAt < 0) throw new Error('ground_truth.csv needs "file" and "text" columns');
  return rows.map((row) => {
    const cells = row.split(',');
    return { file: cells[fileAt]!, text: cells[textAt]! };
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const truth = readTruth(folder!);
  const secret = values.url ? (process.env.VISION_SECRET ?? '') : randomBytes(24).toString('base64url');
  const loadStarted = performance.now();
  const detectLongEdge = values['detect-edge'] ? Number(values['detect-edge']) : undefined;
  const local = values.url ? undefined : await startVisionServer({ port: 0, secret, log: () => {}, detectLongEdge });
  await local?.ready;
  const url = values.url ?? local!.url;
  if (local) console.log(`local vision service up in ${((performance.now() - loadStarted) / 1000).toFixed(1)}s`);
  try {
    const rows: Record<string, string | number>[] = [];
    const latencies: number[] = [];
    const serverMs: number[] = [];
    for (const [index, photo] of truth.entries()) {
      const started = performance.now();
      const res = await fetch(`${url}/v1/read-text`, {
        method: 'POST',
        body: readFileSync(join(folder!, photo.file)),
        headers: { 'X-Vision-Secret': secret },
      });
      const wall = performance.now() - started;
      if (!res.ok) throw new Error(`${photo.file}: ${res.status} ${await res.text()}`);
      const reading = (await res.json()) as Reading;
      if (index > 0) {
        latencies.push(wall);
        serverMs.push(reading.ms);
      }
      const want = normalize(photo.text);
      const top = topAnswer(reading);
      const worker = workerAnswer(reading.texts);
      const seen = [...reading.texts.map((read) => read.text), ...(reading.plates ?? []).map((plate) => plate.normalized)];
      rows.push({
        file: photo.file,
        truth: photo.text,
        found: seen.some((text) => normalize(text).includes(want)) ? 'yes' : 'NO',
        top: top ?? '-',
        'top ok': top === want ? 'yes' : 'NO',
        ...(kind === 'plate' ? { worker: worker ?? '-', 'worker ok': worker === want ? 'yes' : 'NO' } : {}),
        ms: Math.round(wall),
        reads: reading.texts.map((read) => read.text).join(' | ').slice(0, 70),
      });
    }
    console.table(rows);
    const count = (key: 'found' | 'top ok' | 'worker ok') => rows.filter((row) => row[key] === 'yes').length;
    const pct = (n: number) => `${n}/${rows.length} (${Math.round((n / rows.length) * 100)}%)`;
    const sorted = [...latencies].sort((a, b) => a - b);
    const mean = (list: number[]) => list.reduce((sum, v) => sum + v, 0) / Math.max(list.length, 1);
    const workerLine = kind === 'plate' ? `, Worker's rule over the lines alone ${pct(count('worker ok'))}` : '';
    console.log(`\n${basename(folder!)} (${kind}): found among reads ${pct(count('found'))}, top answer ${pct(count('top ok'))}${workerLine}`);
    if (sorted.length) {
      console.log(
        `latency per photo (wall, ${sorted.length} photos after a warm-up): mean ${Math.round(mean(sorted))} ms, ` +
          `p50 ${Math.round(percentile(sorted, 50))} ms, p95 ${Math.round(percentile(sorted, 95))} ms ` +
          `(service's own ms: mean ${Math.round(mean(serverMs))})`,
      );
    }
  } finally {
    await local?.close();
  }
}

await main();
