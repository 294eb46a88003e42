import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { app } from '../../workers/core/http/app';
import type { JobMessage } from '../../workers/jobs';

/** Messages the app sent, recorded on the way to the real local queues. */
export const sentMessages: JobMessage[] = [];

const recording = (queue: Queue): Queue<JobMessage> =>
  ({
    async send(message, options) {
      sentMessages.push(message);
      return queue.send(message, options);
    },
    async sendBatch(messages, options) {
      for (const m of messages) sentMessages.push(m.body);
      return queue.sendBatch(messages, options);
    },
  }) as Queue<JobMessage>;

export const testEnv = { ...env, PHOTO_QUEUE: recording(env.PHOTO_QUEUE), READING_QUEUE: recording(env.READING_QUEUE) } as Env;

const refuse = () => {
  throw new Error('D1 must not be queried on this path');
};

/** The test env with a D1 binding that fails any query: a request that still answers never touched D1. */
export const noD1 = { ...testEnv, DB: { prepare: refuse, batch: refuse, exec: refuse, dump: refuse, withSession: refuse } } as unknown as Env;

type CallOptions = { token?: string; json?: unknown; headers?: Record<string, string>; body?: BodyInit; ip?: string; env?: Env };

/** One HTTP request through the real Hono app, on real local bindings. */
export async function call(method: string, path: string, options: CallOptions = {}) {
  const headers = new Headers(options.headers);
  if (options.token) headers.set('Authorization', `Bearer ${options.token}`);
  headers.set('CF-Connecting-IP', options.ip ?? `10.0.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`);
  let body = options.body;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.json);
  }
  const url = path.startsWith('http') ? path : `http://vitrine.test${path}`;
  const ctx = createExecutionContext();
  const res = await app.request(url, { method, headers, body }, options.env ?? testEnv, ctx);
  await waitOnExecutionContext(ctx);
  const text = await res.text();
  // biome-ignore lint: test helper returns loosely-typed JSON
  const data: any = text && res.headers.get('Content-Type')?.includes('json') ? JSON.parse(text) : text;
  return { status: res.status, headers: res.headers, data };
}

/** A request whose answer is binary (downloads, ZIPs): the body as bytes. */
export async function callBytes(method: string, path: string, token?: string) {
  const ctx = createExecutionContext();
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const res = await app.request(`http://vitrine.test${path}`, { method, headers }, testEnv, ctx);
  const bytes = new Uint8Array(await res.arrayBuffer());
  await waitOnExecutionContext(ctx);
  return { status: res.status, headers: res.headers, bytes };
}
