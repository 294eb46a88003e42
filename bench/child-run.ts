/**
 * One measured run per fresh process, for the benchmarks that compare the Worker's own code with
 * sharp (studio, transform): each child warms up once (code compiled, wasm memory grown, like a
 * warm isolate), then times the run, its peak resident memory taken from a reset high-water mark,
 * so the memory a run adds (JS heap, wasm and native alike) belongs to that run alone.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { median } from './lib';

/** Time, resident memory the run added at its peak, and the wasm memory the code keeps between runs. */
export type Run = { ms: number; peakBytes: number; heldBytes: number };

/** Resident memory now and its high-water mark, from the kernel (bytes). */
function residentBytes() {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))![1]) * 1024;
  return { now: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Collects the warm-up's garbage, and gives its buffers time to be handed back (freed off the main thread). */
async function settle() {
  const gc = (globalThis as { gc?: () => void }).gc!;
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** In the child: warm-up, then the measured run; prints the Run as JSON. `run` resolves to the wasm bytes it holds. */
export async function measureInChild(run: () => Promise<number>) {
  const heldBytes = await run();
  await settle();
  const baseline = residentBytes().now;
  writeFileSync('/proc/self/clear_refs', '5'); // VmHWM := VmRSS, so the peak below is this run's
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, peakBytes: residentBytes().peak - baseline, heldBytes } satisfies Run));
}

/** Runs `script child ...args` in a fresh Node (gc exposed, the Worker's .wasm imports loadable) and reads its Run. */
export function runInChild(script: string, args: string[]): Run {
  // Big buffers in mmap'd memory the allocator hands back when freed: resident memory then follows what is live.
  const env = { ...process.env, MALLOC_MMAP_THRESHOLD_: '131072' };
  const out = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--import', './bench/wasm-hooks.mjs', script, 'child', ...args], { encoding: 'utf8', env });
  if (out.status !== 0) throw new Error(`${args.join(' ')} run failed: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

/** `min / median / max` of `values`, each through `unit`. */
export const spread = (values: number[], unit: (v: number) => string) => `${unit(Math.min(...values))} / ${unit(median(values))} / ${unit(Math.max(...values))}`;
