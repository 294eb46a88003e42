/**
 * Two fixes to Miniflare (what `wrangler dev` and the Worker tests run D1, R2 and Queues on),
 * applied by `postinstall`. wrangler stays at 4.86 for Node 20, so the upstream fix cannot come
 * from an upgrade. Each edit fails loudly if Miniflare changed, so it is never silently skipped.
 *
 * 1. Backport of cloudflare/workers-sdk#14850 (issue #14848): Miniflare's loopback server (the
 *    Node side that workerd calls for logs and some bindings) kept Node's default 5 s keep-alive
 *    timeout, so Node sometimes closed an idle pooled connection just as workerd reused it, and
 *    that call failed with "Network connection lost".
 * 2. The local queue broker posts a log line over that loopback after each batch and clears its
 *    "flush in progress" mark only afterwards: when the post failed, the mark stayed and the queue
 *    never delivered again (seen as 25 photos left `uploaded` for good in the browser tests).
 *    A failed log line is now just that. Production Queues have no such step.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('miniflare/package.json'));

const edits = [
  {
    name: 'loopback keep-alive (workers-sdk#14850)',
    file: 'dist/src/index.js',
    mark: '/* vitrine: workers-sdk#14850 */',
    find: `      const server = (0, import_stoppable.default)(
        import_node_http2.default.createServer(this.#handleLoopback),`,
    replace: `      const loopback = import_node_http2.default.createServer(this.#handleLoopback);
      loopback.keepAliveTimeout = 0; /* vitrine: workers-sdk#14850 */
      const server = (0, import_stoppable.default)(
        loopback,`,
  },
  {
    name: 'queue broker survives a failed log line',
    file: 'dist/src/workers/queues/broker.worker.js',
    mark: '/* vitrine: a failed log line must not stop the queue */',
    find: 'var QueueBrokerObject = class extends MiniflareDurableObject {',
    replace: `var QueueBrokerObject = class extends MiniflareDurableObject {
  /* vitrine: a failed log line must not stop the queue */
  async logWithLevel(level, message) {
    try {
      await super.logWithLevel(level, message);
    } catch {
    }
  }`,
  },
];

let failed = false;
for (const edit of edits) {
  const file = join(root, edit.file);
  const source = readFileSync(file, 'utf8');
  if (source.includes(edit.mark)) {
    console.log(`miniflare: ${edit.name}: already patched`);
  } else if (source.includes(edit.find)) {
    writeFileSync(file, source.replace(edit.find, edit.replace));
    console.log(`miniflare: ${edit.name}: patched`);
  } else {
    console.error(`miniflare: ${edit.name}: ${file} changed; review scripts/patches/miniflare.mjs`);
    failed = true;
  }
}
if (failed) process.exit(1);
