/**
 * The local Cloudflare stack, as `npm start`, the benchmarks and the browser tests run it:
 * migrations applied to a local state folder, then `wrangler dev` (workerd + Miniflare with
 * real local D1, R2, Queues and Images) on a port of our choosing.
 */
import { type ChildProcess, type StdioOptions, spawn, spawnSync } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';

/** Offline: no metrics, and no fetch of the `request.cf` object from workers.cloudflare.com. */
export const wranglerEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_LOG: process.env.WRANGLER_LOG ?? 'warn',
};

/** A TCP port nobody holds right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function runOrExit(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: wranglerEnv });
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

export async function waitForHealth(origin: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${origin}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the Worker did not answer on ${origin}/health within ${timeoutMs / 1000}s`);
}

export type Stack = { origin: string; process: ChildProcess; stop(): void };

/** Where a child's output goes: this terminal, nowhere, or appended to a log file. */
type Output = { quiet?: boolean; logFile?: string };

function stdio({ quiet, logFile }: Output): StdioOptions {
  if (logFile) {
    const fd = openSync(logFile, 'a');
    return ['ignore', fd, fd];
  }
  return quiet ? 'ignore' : 'inherit';
}

/** Starts a child in its own process group; `stop()` ends it and everything it started. */
function spawnGroup(command: string, args: string[], env: NodeJS.ProcessEnv, output: Output) {
  const child = spawn(command, args, { stdio: stdio(output), env, detached: true });
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  return { child, stop };
}

/**
 * The local vision service (vision/: OCR and cutout models from npm), as the Worker's
 * `external` engine. Resolves once its models are loaded.
 */
export async function startVision(options: { port: number; secret: string } & Output): Promise<Stack> {
  const env = { ...process.env, PORT: String(options.port), HOST: '127.0.0.1', VISION_SECRET: options.secret };
  const { child, stop } = spawnGroup('npm', ['--prefix', 'vision', 'start'], env, options);
  const origin = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHealth(origin, 180_000);
  } catch (err) {
    stop();
    throw err;
  }
  return { origin, process: child, stop };
}

type StackOptions = {
  port: number;
  host?: string;
  /** Local state folder (D1/R2/Queues); `.wrangler/state` is what `npm start` keeps. */
  persistTo?: string;
  /** Extra vars, e.g. secrets when there is no `.dev.vars`. PUBLIC_ORIGIN defaults to this stack's origin. */
  vars?: Record<string, string>;
  /** wrangler's log level (WRANGLER_LOG): `info` adds a line per queue batch, `log` the Worker's console.log. */
  logLevel?: string;
  /** How often to fire the Worker's cron: wrangler dev has no scheduler (production runs it every 5 min). */
  cronEveryMs?: number;
} & Output;

/** Fires the Worker's `scheduled` handler now and then, through wrangler dev's `--test-scheduled` route. */
function localCron(origin: string, everyMs: number) {
  const timer = setInterval(() => {
    fetch(`${origin}/__scheduled?cron=${encodeURIComponent('*/5 * * * *')}`).catch(() => undefined);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Applies migrations and starts `wrangler dev`; resolves once /health answers. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const host = options.host ?? '127.0.0.1';
  const persist = options.persistTo ? ['--persist-to', options.persistTo] : [];
  runOrExit('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', ...persist]);
  const origin = `http://${host}:${options.port}`;
  // Links in emails are built on PUBLIC_ORIGIN: by default this very stack (0.0.0.0 is no address to click).
  const publicOrigin = origin.replace('//0.0.0.0:', '//127.0.0.1:');
  const vars = Object.entries({ PUBLIC_ORIGIN: publicOrigin, ...options.vars }).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const args = ['wrangler', 'dev', '--port', String(options.port), '--ip', host, '--inspector-port', String(await freePort())];
  // `/__scheduled` runs the cron handler in the Worker itself (wrangler 4.86's /cdn-cgi/handler/scheduled fails to pass it the controller).
  if (options.cronEveryMs) args.push('--test-scheduled');
  const env = options.logLevel ? { ...wranglerEnv, WRANGLER_LOG: options.logLevel } : wranglerEnv;
  const { child, stop } = spawnGroup('npx', [...args, '--show-interactive-dev-session=false', ...persist, ...vars], env, options);
  try {
    await waitForHealth(origin);
  } catch (err) {
    stop();
    throw err;
  }
  const stopCron = options.cronEveryMs ? localCron(origin, options.cronEveryMs) : () => undefined;
  return {
    origin,
    process: child,
    stop() {
      stopCron();
      stop();
    },
  };
}
