import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { jobConsumer } from '../workers/core/jobs/consumer';
import { defineJobs, PermanentJobError, type Job } from '../workers/core/jobs/job';
import { enqueue, type JobMessage } from '../workers/jobs';
import { creditBalance, reserveCredits } from '../workers/modules/billing/credit-ledger';
import { recognitionReference } from '../workers/modules/recognition/paid-reading';
import { setBalance, testDb } from './helpers/credits';
import { makeAlbum, signUp } from './helpers/factories';
import { DEAD_LETTERS, deliver } from './helpers/jobs';
import { image, uploadPhoto, waitForPhoto } from './helpers/photos';

describe('the job runtime', () => {
  it('retries a message of an unknown type (never acks it), and the rest of the batch goes on', async () => {
    const { token } = await signUp();
    const album = await makeAlbum(token);
    const photo = await waitForPhoto(token, await uploadPhoto(token, album.id, image('orientation1')));
    const result = await deliver('vitrine-photo-jobs', [
      { type: 'photo.teleport', photoId: photo.id },
      { nonsense: true },
      { type: 'photo.rerender', photoId: photo.id, workspaceId: photo.albumId },
    ]);
    expect(result.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual([expect.stringMatching(/^m0-/), expect.stringMatching(/^m1-/)]);
    expect(result.explicitAcks).toEqual([expect.stringMatching(/^m2-/)]);
  });

  it('acks an unknown type in the dead letters without marking anything failed or refunding', async () => {
    const { token, workspace } = await signUp('events');
    const album = await makeAlbum(token);
    const photo = await waitForPhoto(token, await uploadPhoto(token, album.id, image('orientation2')));
    const db = testDb();
    await env.DB.prepare("update photos set recognition = 'queued' where id = ?").bind(photo.id).run();
    await reserveCredits(db, workspace.id, 1, recognitionReference(photo.id));
    const balance = await creditBalance(db, workspace.id);

    const result = await deliver(DEAD_LETTERS, [{ type: 'photo.teleport', photoId: photo.id, workspaceId: workspace.id }]);
    expect(result.explicitAcks).toHaveLength(1);
    expect(result.retryMessages).toEqual([]);
    const row = await env.DB.prepare('select status, recognition, error_code from photos where id = ?').bind(photo.id).first();
    expect(row).toEqual({ status: 'ready', recognition: 'queued', error_code: null });
    expect(await creditBalance(db, workspace.id)).toBe(balance);
  });

  it('a PermanentJobError is dead-lettered at once: recorded, refunded, acked; other errors retry, then dead-letter the same way', async () => {
    const { workspace } = await signUp();
    const db = testDb();
    await setBalance(workspace.id, 5);
    const recorded: string[] = [];
    type Try = { type: 'test.try'; id: string; workspaceId: string };
    const tryJob: Job<Try> = {
      queue: 'READING_QUEUE',
      run: async (_env, m) => {
        throw m.id === 'refused' ? new PermanentJobError('the provider refused it') : new Error('flaky');
      },
      deadLetter: async (_env, m, reason) => void recorded.push(`${m.id}: ${reason}`),
      cost: (m) => ({ work: 'cutout', workspaceId: m.workspaceId, reference: `test:${m.id}:${workspace.id}` }),
    };
    const consume = jobConsumer(() => ({ 'test.try': tryJob }));
    const batchOf = (queue: string, ids: string[]) =>
      createMessageBatch<Try>(queue, ids.map((id, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body: { type: 'test.try', id, workspaceId: workspace.id } })));
    for (const id of ['refused', 'flaky']) await reserveCredits(db, workspace.id, 1, `test:${id}:${workspace.id}`);
    expect(await creditBalance(db, workspace.id)).toBe(3);

    const batch = batchOf('vitrine-reading-jobs', ['refused', 'flaky']);
    const ctx = createExecutionContext();
    await consume(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(['m0']);
    expect(result.retryMessages).toEqual([expect.objectContaining({ msgId: 'm1' })]);
    expect(recorded).toEqual(['refused: the provider refused it']);
    expect(await creditBalance(db, workspace.id)).toBe(4);

    await consume(batchOf(DEAD_LETTERS, ['flaky']), env);
    await consume(batchOf(DEAD_LETTERS, ['flaky']), env); // delivered twice: refunded once
    expect(recorded).toEqual(['refused: the provider refused it', 'flaky: kept failing after several attempts', 'flaky: kept failing after several attempts']);
    expect(await creditBalance(db, workspace.id)).toBe(5);
  });
});

describe('job maps are checked by the compiler', () => {
  type A = { type: 'a'; id: string };
  type B = { type: 'b'; n: number };
  const run = async () => {};

  it('a missing job, an extra one, or a handler typed on the wrong message does not compile', () => {
    const complete = defineJobs<A | B>()({ a: { queue: 'PHOTO_QUEUE', run }, b: { queue: 'PHOTO_QUEUE', run } });
    expect(Object.keys(complete)).toEqual(['a', 'b']);
    // @ts-expect-error: no job for `b`
    defineJobs<A | B>()({ a: { queue: 'PHOTO_QUEUE', run } });
    // @ts-expect-error: `c` is not a message type
    defineJobs<A>()({ a: { queue: 'PHOTO_QUEUE', run }, c: { queue: 'PHOTO_QUEUE', run } });
    // @ts-expect-error: the handler of `a` reads a field only `b` has
    defineJobs<A | B>()({ a: { queue: 'PHOTO_QUEUE', run: async (_env, m: B) => void m.n }, b: { queue: 'PHOTO_QUEUE', run } });
    // @ts-expect-error: not a producer binding of wrangler.toml
    defineJobs<A>()({ a: { queue: 'NO_SUCH_QUEUE', run } });
  });

  it('every message the Worker sends has a job, and only those can be sent', () => {
    const send = (message: JobMessage) => enqueue(env, message);
    // @ts-expect-error: no job handles `photo.teleport`
    const unknown = () => send({ type: 'photo.teleport', photoId: 'x', workspaceId: 'y' });
    expect(typeof unknown).toBe('function');
  });
});
