import { randomBytes } from 'node:crypto';
import { startVisionServer, type VisionServerOptions } from '../../src/server';

/** A real service with the real models on a free port, quiet, and its secret. */
export async function startTestServer(options: Partial<VisionServerOptions> = {}) {
  const secret = randomBytes(24).toString('base64url');
  const server = await startVisionServer({ port: 0, secret, log: () => {}, ...options });
  await server.ready;
  const post = (path: string, body: Uint8Array | undefined, headers: Record<string, string> = { 'X-Vision-Secret': secret }) =>
    fetch(`${server.url}${path}`, { method: 'POST', body: body && new Uint8Array(body), headers });
  return { ...server, secret, post };
}

/** Uppercase, letters and digits only: how plates and bibs are compared. */
export const normalize = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** The coded error of a response, per the contract's `{ error: { code, message } }`. */
export async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}
