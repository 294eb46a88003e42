/** Shared by the benchmarks: a throw-away local stack and an account in it. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, expectStatus, signIn } from '../scripts/lib/api-client';
import { freePort, startStack } from '../scripts/lib/local-stack';

export async function benchStack() {
  const state = mkdtempSync(join(tmpdir(), 'vitrine-bench-'));
  const secret = () => randomBytes(32).toString('base64url');
  const stack = await startStack({
    port: Number(process.env.PORT ?? (await freePort())),
    persistTo: state,
    // VISION_SECRET: the config asks for it while a provider is `external`; these benches start no vision service.
    vars: { JWT_SECRET: secret(), UPLOAD_SIGNING_SECRET: secret(), VISION_SECRET: secret(), DEV_MAILBOX: 'on' },
    quiet: !process.env.VERBOSE,
  });
  const token = await signIn(stack.origin, {
    email: 'bench@vitrine.dev',
    password: 'bench-password-123',
    name: 'Bench',
    // A workspace kind with no bib/plate reading: these benchmarks measure the image pipeline.
    workspace: { name: 'Bench', kind: 'brand' },
  });
  const album = expectStatus(
    await api(stack.origin, 'POST', '/v1/albums', { token, json: { title: 'Bench', visibility: 'public', watermark: { text: '© Bench' } } }),
    201,
    'album',
  ).data.album;
  const close = () => {
    stack.stop();
    rmSync(state, { recursive: true, force: true });
  };
  return { origin: stack.origin, token, albumId: album.id as string, close };
}

/** Polls a photo until the pipeline is done with it. */
export async function waitReady(origin: string, token: string, photoId: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data } = await api(origin, 'GET', `/v1/photos/${photoId}`, { token });
    if (['ready', 'rejected', 'failed'].includes(data.photo.status)) return data.photo;
    if (Date.now() > deadline) throw new Error(`photo ${photoId} still ${data.photo.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
