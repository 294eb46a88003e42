import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import worker from '../workers/index';
import { creditBalance } from '../workers/modules/billing/credit-ledger';
import { call, testEnv } from './helpers/api';
import { testDb } from './helpers/credits';
import { makeAlbum, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForPhoto, waitForRecognition } from './helpers/photos';

const busy = inject('busyVision');
/** The Worker pointed at a vision service whose queue is full. */
const busyEnv = { ...testEnv, VISION_URL: busy.url } as Env;

/** Runs the queue handler on one message and records what the consumer did with it. */
async function deliverOnce(queue: string, body: unknown, env: Env) {
  const outcome: { acked: boolean; retry?: { delaySeconds?: number } } = { acked: false };
  const message = {
    id: `m-${Math.random()}`,
    timestamp: new Date(),
    attempts: 1,
    body,
    ack() {
      outcome.acked = true;
    },
    retry(options?: { delaySeconds?: number }) {
      outcome.retry = options ?? {};
    },
  };
  const batch = { queue, messages: [message], ackAll: () => undefined, retryAll: () => undefined, metadata: {} } as unknown as MessageBatch<unknown>;
  createExecutionContext();
  await worker.queue(batch, env);
  return outcome;
}

describe('a busy vision service: callers back off for as long as it says', () => {
  it('a cutout job is retried after the Retry-After, not failed and not refunded', async () => {
    const { token, workspace } = await signUp('vehicles');
    const album = await makeAlbum(token, { title: 'Busy cutouts' });
    const photo = await waitForRecognition(token, await uploadPhoto(token, album.id, image('plate')));
    const held = { ...testEnv, READING_QUEUE: { send: async () => undefined } } as unknown as Env; // the job is run by hand
    expect((await call('POST', `/v1/photos/${photo.id}/cutout`, { token, env: held })).status).toBe(202);
    const balance = await creditBalance(testDb(), workspace.id);
    const row = await testDb().query.photos.findFirst({ where: (p, { eq }) => eq(p.id, photo.id) });

    const message = { type: 'photo.cutout', photoId: photo.id, workspaceId: workspace.id, jobId: row!.cutoutJob };
    const outcome = await deliverOnce('vitrine-reading-jobs', message, busyEnv);
    expect(outcome).toEqual({ acked: false, retry: { delaySeconds: busy.retryAfter } });
    expect((await call('GET', `/v1/photos/${photo.id}/cutout`, { token })).data.cutout.status).toMatch(/queued|running/);
    expect(await creditBalance(testDb(), workspace.id)).toBe(balance);
  });

  it('a reading job is retried after the Retry-After too', async () => {
    const { token, workspace } = await signUp('vehicles');
    const album = await makeAlbum(token, { title: 'Busy readings' });
    const photo = await waitForPhoto(token, await uploadPhoto(token, album.id, image('orientation1')));
    await env.DB.prepare("update photos set recognition = 'queued' where id = ?").bind(photo.id).run();
    const outcome = await deliverOnce('vitrine-reading-jobs', { type: 'photo.recognise', photoId: photo.id, workspaceId: workspace.id }, busyEnv);
    expect(outcome).toEqual({ acked: false, retry: { delaySeconds: busy.retryAfter } });
  });

  it('a plate read by request answers 503 with the Retry-After, and its credit is refunded', async () => {
    const { token, workspace } = await signUp('vehicles');
    const before = await creditBalance(testDb(), workspace.id);
    const res = await call('POST', '/v1/vision/plate', { token, body: image('plate'), headers: { 'Content-Type': 'image/jpeg' }, env: busyEnv });
    expect(res.status).toBe(503);
    expect(res.data.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.headers.get('Retry-After')).toBe(String(busy.retryAfter));
    expect(await creditBalance(testDb(), workspace.id)).toBe(before);
  });
});
