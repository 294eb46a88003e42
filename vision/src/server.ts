import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { createApp, type EngineState } from './app';
import { DEFAULT_HOST, DEFAULT_MAX_BYTES, DEFAULT_MAX_WAIT_MS, DEFAULT_PORT } from './config';
import { loadEngines, type Engines } from './engines';
import { SerialQueue } from './queue';

export type VisionServerOptions = {
  /** 0 picks a free port. Default 8788. */
  port?: number;
  host?: string;
  /** The X-Vision-Secret callers must send. Required unless `allowNoSecret`. */
  secret?: string;
  allowNoSecret?: boolean;
  maxBytes?: number;
  /** Long edge of the OCR detector's input (default 1280); ignored with `engines`. */
  detectLongEdge?: number;
  /** Engines to use instead of loading the reference ones (a test double, another model). */
  engines?: Engines | Promise<Engines>;
  /** Images allowed to wait behind the one being processed before BUSY. Default 64. */
  maxQueue?: number;
  /** BUSY for an image that would wait longer than this (estimated). Default 20 s: callers give up at 30 s. */
  maxWaitMs?: number;
  /** One line per request; default console.log. */
  log?: (line: string) => void;
};

export type VisionServer = {
  url: string;
  /** Settles when the models are loaded (or failed to load). */
  ready: Promise<void>;
  close(): Promise<void>;
};

/**
 * Starts the vision service. It listens at once and answers /health with 503 until the models are
 * loaded; image requests that arrive meanwhile wait for them.
 */
export async function startVisionServer(options: VisionServerOptions = {}): Promise<VisionServer> {
  if (!options.secret && !options.allowNoSecret) {
    throw new Error('startVisionServer needs a secret (or allowNoSecret: true)');
  }
  const log = options.log ?? ((line: string) => console.log(line));
  const loading = Promise.resolve(options.engines ?? loadEngines({ detectLongEdge: options.detectLongEdge }));
  const state: EngineState = { ready: loading };
  const ready = loading.then(
    (engines) => {
      state.engines = engines;
    },
    (err: Error) => {
      state.failed = err;
      throw err;
    },
  );
  // Requests await state.ready themselves; this keeps an early failure from being unhandled.
  loading.catch(() => {});
  const app = createApp({
    secret: options.secret || undefined,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    state,
    queue: new SerialQueue(options.maxQueue ?? 64, options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS),
    log,
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  // Node closes idle keep-alive connections after 5 s, racing workerd's reuse of them ("Network
  // connection lost" in the Worker, as in workers-sdk#14848): keep them open instead.
  server.keepAliveTimeout = 0;
  const host = options.host ?? DEFAULT_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    });
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, ready, close };
}
