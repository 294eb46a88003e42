import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { and, lt } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import worker from '../workers/index';
import { photos } from '../workers/db/schema/index';
import { unfinished } from '../workers/modules/media/jobs/sweep';
import { call, sentMessages, testEnv } from './helpers/api';
import { makeAlbum, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForPhoto, waitForRecognition } from './helpers/photos';

const cron = () => worker.scheduled(createScheduledController({ cron: '*/5 * * * *' }), testEnv);
const minutesAgo = (photoId: string, minutes: number) =>
  env.DB.prepare('update photos set updated_at = ? where id = ?').bind(Date.now() - minutes * 60_000, photoId).run();

/** A real upload whose `photo.uploaded` message is lost on its way to the queue. */
async function uploadLosingTheMessage(token: string, albumId: string, bytes: Uint8Array) {
  const created = await call('POST', `/v1/albums/${albumId}/uploads`, { token, json: { files: [{ name: 'lost.jpg', size: bytes.byteLength, type: 'image/jpeg' }] } });
  const upload = created.data.uploads[0];
  await call('PUT', upload.url, { body: bytes, headers: { ...upload.headers, 'Content-Length': String(bytes.byteLength) } });
  const dropping = { ...testEnv, PHOTO_QUEUE: { send: async () => undefined } } as unknown as Env;
  expect((await call('POST', `/v1/photos/${upload.photoId}/complete`, { token, env: dropping })).data.photo.status).toBe('uploaded');
  return upload.photoId as string;
}

describe('the cron finds photos whose job was lost', () => {
  it('queues a photo stuck in `uploaded` again, once it has not moved for a while, and it gets processed', async () => {
    const { token } = await signUp();
    const album = await makeAlbum(token);
    const stuck = await uploadLosingTheMessage(token, album.id, image('photo'));
    const recent = await uploadLosingTheMessage(token, album.id, image('orientation1'));
    await minutesAgo(stuck, 20);

    const before = sentMessages.length;
    await cron();
    expect(sentMessages.slice(before)).toEqual([{ type: 'photo.uploaded', photoId: stuck, workspaceId: expect.any(String) }]);
    expect((await waitForPhoto(token, stuck)).status).toBe('ready');
    // Not stale yet: left alone (its job may just be queued behind others).
    expect((await call('GET', `/v1/photos/${recent}`, { token })).data.photo.status).toBe('uploaded');

    // Sent again only after another quiet period: the re-send stamped the photo.
    const again = sentMessages.length;
    await minutesAgo(recent, 20);
    await cron();
    await cron();
    expect(sentMessages.slice(again).map((m) => 'photoId' in m && m.photoId)).toEqual([recent]);
    expect((await waitForPhoto(token, recent)).status).toBe('ready');
  });

  it('asks again for a reading that was queued and never answered', async () => {
    const { token } = await signUp('events');
    const album = await makeAlbum(token);
    const photoId = await uploadPhoto(token, album.id, image('bib308'));
    await waitForRecognition(token, photoId);
    await env.DB.prepare("update photos set recognition = 'queued' where id = ?").bind(photoId).run();
    await minutesAgo(photoId, 20);

    const before = sentMessages.length;
    await cron();
    expect(sentMessages.slice(before)).toEqual([{ type: 'photo.recognise', photoId, workspaceId: expect.any(String) }]);
    expect((await waitForRecognition(token, photoId)).recognition.status).toBe('done');
  });

  it('sends a cutout job again whose message was lost, and the cutout gets done', async () => {
    const { token } = await signUp('vehicles');
    const album = await makeAlbum(token);
    const photoId = await uploadPhoto(token, album.id, image('plate'));
    await waitForRecognition(token, photoId);
    const losing = { ...testEnv, READING_QUEUE: { send: async () => undefined } } as unknown as Env;
    expect((await call('POST', `/v1/photos/${photoId}/cutout`, { token, env: losing })).status).toBe(202);
    const { cutout_job: jobId } = (await env.DB.prepare('select cutout_job from photos where id = ?').bind(photoId).first<{ cutout_job: string }>())!;
    await minutesAgo(photoId, 20);

    const before = sentMessages.length;
    await cron();
    expect(sentMessages.slice(before)).toEqual([{ type: 'photo.cutout', photoId, workspaceId: expect.any(String), jobId }]);
    for (let i = 0; i < 300; i++) {
      const { data } = await call('GET', `/v1/photos/${photoId}/cutout`, { token });
      if (data.cutout.status === 'done') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await call('GET', `/v1/photos/${photoId}/cutout`, { token })).data.cutout.status).toBe('done');
  });

  it('reads only the partial index of unfinished photos, never the whole table', async () => {
    const query = drizzle(env.DB).select({ id: photos.id }).from(photos).where(and(unfinished, lt(photos.updatedAt, new Date()))).toSQL();
    const plan = await env.DB.prepare(`explain query plan ${query.sql}`).bind(...query.params).all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join('\n')).toMatch(/USING INDEX photos_unfinished_idx/);
  });
});
