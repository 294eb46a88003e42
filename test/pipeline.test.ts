import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../workers/index';
import { jobConsumer, retryDelaySeconds } from '../workers/core/jobs/consumer';
import { jobs } from '../workers/jobs';
import { decodeWebp } from '../workers/modules/media/codecs/webp';
import { probeImage } from '../workers/modules/media/probe';
import type { JobMessage } from '../workers/jobs';
import { photoKeys } from '../workers/shared/r2-keys';
import { call } from './helpers/api';
import { makeAlbum, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForPhoto } from './helpers/photos';

let token: string;
let albumId: string;
beforeAll(async () => {
  ({ token } = await signUp());
  albumId = (await makeAlbum(token)).id;
});

const process = async (bytes: Uint8Array, type = 'image/jpeg', album = albumId) => waitForPhoto(token, await uploadPhoto(token, album, bytes, type));

async function variant(photoId: string, name: 'web' | 'thumb') {
  const object = await env.PHOTOS.get(photoKeys(photoId)[name]);
  return new Uint8Array(await object!.arrayBuffer());
}

const batchOf = (queue: string, messages: JobMessage[]) =>
  createMessageBatch<JobMessage>(
    queue,
    messages.map((body, i) => ({ id: `m${i}-${Math.random()}`, timestamp: new Date(), attempts: 1, body })),
  );

/** Runs the consumer directly on a hand-made batch, as a redelivery would. */
async function deliver(messages: JobMessage[], queue = 'vitrine-photo-jobs', testEnv: Env = env) {
  const batch = batchOf(queue, messages);
  const ctx = createExecutionContext();
  await worker.queue(batch, testEnv);
  return getQueueResult(batch, ctx);
}

/** The same bindings, except that R2 calls for keys containing `marker` go through `trouble`. */
const withTroubleFor = (marker: string, trouble: () => unknown) =>
  ({
    ...env,
    PHOTOS: new Proxy(env.PHOTOS, {
      get: (target, prop) => {
        const method = Reflect.get(target, prop).bind(target);
        return (key: string, ...rest: unknown[]) => (String(key).includes(marker) ? trouble() : method(key, ...rest));
      },
    }),
  }) as Env;

/** A photo row whose original sits at a key of our choosing, `uploaded` and waiting for its job. */
async function uploadedRow(id: string) {
  await env.DB.prepare(
    "insert into photos (id, album_id, workspace_id, original_name, declared_size, declared_type, original_key, status) select ?, id, workspace_id, 'x.jpg', 1, 'image/jpeg', ?, 'uploaded' from albums where id = ?",
  )
    .bind(id, `photos/${id}/original`, albumId)
    .run();
}

describe('the variants job', () => {
  it('turns a JPEG into a 1600 px web WebP and a 400 px thumbnail, with metadata and signals', async () => {
    const bytes = image('photo');
    const photo = await process(bytes);
    expect(photo).toMatchObject({ status: 'ready', width: 2400, height: 1600, type: 'image/jpeg' });
    const sha = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(photo.sha256).toBe(sha);
    expect(photo.quality).toMatchObject({ phash: expect.stringMatching(/^[0-9a-f]{16}$/), isBlurry: false });
    expect(photo.placeholder).toMatch(/^[A-Za-z0-9+/=]{10,}$/);
    expect(photo.variants).toMatchObject({ web: { width: 1600, height: 1067 }, thumb: { width: 400, height: 267 } });

    const web = probeImage(await variant(photo.id, 'web'));
    const thumb = probeImage(await variant(photo.id, 'thumb'));
    expect(web).toMatchObject({ type: 'image/webp', width: 1600, height: 1067 });
    expect(thumb).toMatchObject({ type: 'image/webp', width: 400, height: 267 });
    expect(photo.processing.peakWasmBytes).toBeLessThan(96 * 1024 * 1024);
  });

  it('never upscales a small image', async () => {
    const photo = await process(image('orientation1'));
    expect(photo.variants.web).toMatchObject({ width: 64, height: 48 });
  });

  // Where the red top-left quadrant of the stored pixels must appear once oriented.
  const expected: Record<number, { corner: 'tl' | 'tr' | 'bl' | 'br'; width: number; height: number }> = {
    1: { corner: 'tl', width: 64, height: 48 },
    2: { corner: 'tr', width: 64, height: 48 },
    3: { corner: 'br', width: 64, height: 48 },
    4: { corner: 'bl', width: 64, height: 48 },
    5: { corner: 'tl', width: 48, height: 64 },
    6: { corner: 'tr', width: 48, height: 64 },
    7: { corner: 'br', width: 48, height: 64 },
    8: { corner: 'bl', width: 48, height: 64 },
  };

  it.each(Object.entries(expected))('applies EXIF orientation %s to the variants', async (orientation, want) => {
    const photo = await process(image(`orientation${orientation}`));
    expect(photo).toMatchObject({ status: 'ready', width: want.width, height: want.height });
    const web = await decodeWebp(await variant(photo.id, 'web'));
    expect([web.width, web.height]).toEqual([want.width, want.height]);
    const at = (x: number, y: number) => web.data[(y * web.width + x) * 4]!;
    const corners = { tl: at(4, 4), tr: at(web.width - 5, 4), bl: at(4, web.height - 5), br: at(web.width - 5, web.height - 5) };
    for (const [corner, red] of Object.entries(corners)) {
      if (corner === want.corner) expect(red).toBeGreaterThan(150);
      else expect(red).toBeLessThan(100);
    }
  });

  it('marks exact and near duplicates within the album', async () => {
    const { id: album } = await makeAlbum(token, { title: 'Duplicates' });
    const first = await process(image('photo'), 'image/jpeg', album);
    const copy = await process(image('photoCopy'), 'image/jpeg', album);
    const recompressed = await process(image('photoRecompressed'), 'image/jpeg', album);
    expect(first.duplicateOf).toBeNull();
    expect(copy.duplicateOf).toBe(first.id);
    expect(recompressed).toMatchObject({ duplicateOf: null, nearDuplicateOf: first.id });
  });

  it('flags a blurry photo', async () => {
    const photo = await process(image('blurred'));
    expect(photo.quality.isBlurry).toBe(true);
  });

  it('composites the album watermark onto the thumbnail', async () => {
    const marked = await makeAlbum(token, { title: 'Marked', watermark: { text: 'VITRINE PROOF', position: 'bottom-right', opacity: 1 } });
    const plain = await makeAlbum(token, { title: 'Plain', watermark: null });
    const brightPixels = async (album: string) => {
      const photo = await process(image('grey'), 'image/jpeg', album);
      const thumb = await decodeWebp(await variant(photo.id, 'thumb'));
      let bright = 0;
      for (let y = Math.floor(thumb.height * 0.7); y < thumb.height; y++) {
        for (let x = Math.floor(thumb.width * 0.5); x < thumb.width; x++) if (thumb.data[(y * thumb.width + x) * 4]! > 200) bright++;
      }
      return bright;
    };
    expect(await brightPixels(plain.id)).toBe(0);
    expect(await brightPixels(marked.id)).toBeGreaterThan(30);
  });
});

describe('watermark changes', () => {
  it('re-render existing variants under a new version, once, keeping the photo visible', async () => {
    const album = await makeAlbum(token, { title: 'Rewatermark', watermark: { text: 'FIRST', opacity: 1 } });
    const photo = await process(image('grey'), 'image/jpeg', album.id);
    expect(photo.variants.thumb.url).toMatch(/v=1&grant=/);
    const before = await variant(photo.id, 'thumb');

    const same = await call('PATCH', `/v1/albums/${album.id}`, { token, json: { title: 'Renamed' } });
    expect(same.data.rerendering).toBe(0);
    const changed = await call('PATCH', `/v1/albums/${album.id}`, { token, json: { watermark: { text: 'SECOND PROOF', position: 'center', opacity: 1 } } });
    expect(changed.data.rerendering).toBe(1);

    let now = photo;
    for (let i = 0; i < 200 && now.variants.thumb.url.includes('v=1&'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      now = (await call('GET', `/v1/photos/${photo.id}`, { token })).data.photo;
      expect(now.status).toBe('ready');
    }
    expect(now.variants.thumb.url).toMatch(/v=2&grant=/);
    expect(await variant(photo.id, 'thumb')).not.toEqual(before);

    await deliver([{ type: 'photo.rerender', photoId: photo.id, workspaceId: 'x' }]);
    expect((await call('GET', `/v1/photos/${photo.id}`, { token })).data.photo.variants.thumb.url).toMatch(/v=2&grant=/);
  });
});

describe('bad input ends ready or rejected, with its reason', () => {
  it.each([
    ['progressive', 'ready', null],
    ['bigProgressive', 'ready', null],
    ['cmyk', 'ready', null],
    ['png16', 'ready', null],
    ['webp', 'ready', null],
    ['truncated', 'rejected', 'TRUNCATED_IMAGE'],
    ['hugeDeclared', 'rejected', 'IMAGE_TOO_LARGE'],
    ['absurdDeclared', 'rejected', 'ABSURD_DIMENSIONS'],
  ])('%s -> %s', async (name, status, code) => {
    const type = name === 'webp' ? 'image/webp' : 'image/jpeg'; // png16 is a PNG named .jpg
    const photo = await process(image(name), type);
    expect(photo.status).toBe(status);
    expect(photo.error?.code ?? null).toBe(code);
    if (status === 'ready') expect(Math.max(photo.variants.web.width, photo.variants.web.height)).toBeLessThanOrEqual(1600);
  });

  it('a CMYK JPEG whose APP data hides the SOF from the probe is ready with its real dimensions', async () => {
    const bytes = image('cmykBigApp'); // 256 KB of APP13 before the SOF (the probe reads 128 KB)
    expect(probeImage(bytes.subarray(0, 128 * 1024))).toMatchObject({ width: 0, height: 0 });
    const photo = await process(bytes);
    expect(photo).toMatchObject({ status: 'ready', width: 900, height: 600 });
    expect(photo.variants.web).toMatchObject({ width: 900, height: 600 });
  });

  it('rejects what slipped past the upload checks: HEIC and empty objects', async () => {
    for (const bytes of [image('heic'), new Uint8Array(0)]) {
      const id = `pho_${crypto.randomUUID().replace(/-/g, '').slice(0, 26)}`;
      await env.DB.prepare(
        "insert into photos (id, album_id, workspace_id, original_name, declared_size, declared_type, original_key, status) select ?, id, workspace_id, 'x.jpg', 1, 'image/jpeg', ?, 'uploaded' from albums where id = ?",
      )
        .bind(id, photoKeys(id).original, albumId)
        .run();
      await env.PHOTOS.put(photoKeys(id).original, bytes);
      const result = await deliver([{ type: 'photo.uploaded', photoId: id, workspaceId: 'x' }]);
      expect(result.explicitAcks).toHaveLength(1);
      const row = await env.DB.prepare('select status, error_code from photos where id = ?').bind(id).first();
      expect(row).toEqual({ status: 'rejected', error_code: 'UNSUPPORTED_FORMAT' });
    }
  });
});

describe('delivery semantics', () => {
  it('backs off exponentially, capped at ten minutes', () => {
    expect([1, 2, 3, 4, 10].map(retryDelaySeconds)).toEqual([10, 20, 40, 80, 600]);
  });

  it('a message delivered again (twice in one batch) changes nothing', async () => {
    const photo = await process(image('photo'));
    const before = await env.PHOTOS.head(photoKeys(photo.id).web);
    const message = { type: 'photo.uploaded', photoId: photo.id, workspaceId: 'x' } as const;
    const result = await deliver([message, message]);
    expect(result.explicitAcks).toHaveLength(2);
    const after = await call('GET', `/v1/photos/${photo.id}`, { token });
    expect(after.data.photo).toEqual(photo);
    expect((await env.PHOTOS.head(photoKeys(photo.id).web))?.etag).toBe(before?.etag);
  });

  it('a rerun of a ready photo whose reading request was lost sends it again, and only then', async () => {
    const photo = await process(image('orientation2'));
    const sent: JobMessage[] = [];
    const recording = { ...env, READING_QUEUE: { send: async (m: JobMessage) => void sent.push(m) } } as unknown as Env;
    const message = { type: 'photo.uploaded', photoId: photo.id, workspaceId: 'x' } as const;
    await deliver([message], undefined, recording);
    expect(sent).toEqual([]); // nothing to read in this workspace: a redelivery stays silent
    await env.DB.prepare("update photos set recognition = 'queued' where id = ?").bind(photo.id).run();
    await deliver([message], undefined, recording);
    expect(sent).toEqual([{ type: 'photo.recognise', photoId: photo.id, workspaceId: expect.any(String) }]);
  });

  it('finishes a photo left `processing` by a crashed run', async () => {
    const photo = await process(image('orientation3'));
    await env.DB.prepare("update photos set status = 'processing' where id = ?").bind(photo.id).run();
    await deliver([{ type: 'photo.uploaded', photoId: photo.id, workspaceId: 'x' }]);
    expect((await call('GET', `/v1/photos/${photo.id}`, { token })).data.photo.status).toBe('ready');
  });

  it('retries transient failures with backoff, and one bad message does not block the batch', async () => {
    const good = await process(image('orientation2'));
    await env.DB.prepare("update photos set status = 'uploaded' where id = ?").bind(good.id).run();
    const flaky = withTroubleFor('broken', () => {
      throw new Error('R2 is having a moment');
    });
    const brokenId = 'pho_broken';
    await uploadedRow(brokenId);
    const result = await deliver(
      [
        { type: 'photo.uploaded', photoId: brokenId, workspaceId: 'x' },
        { type: 'photo.uploaded', photoId: good.id, workspaceId: 'x' },
      ],
      'vitrine-photo-jobs',
      flaky,
    );
    expect(result.retryMessages).toEqual([{ msgId: expect.stringMatching(/^m0-/) }]);
    expect(result.explicitAcks).toHaveLength(1);
    expect((await call('GET', `/v1/photos/${good.id}`, { token })).data.photo.status).toBe('ready');

    // After the last retry the message lands in the dead-letter queue: the photo is marked failed.
    await deliver([{ type: 'photo.uploaded', photoId: brokenId, workspaceId: 'x' }], 'vitrine-pipeline-dlq');
    const row = await env.DB.prepare('select status, error_code from photos where id = ?').bind(brokenId).first();
    expect(row).toEqual({ status: 'failed', error_code: 'PROCESSING_FAILED' });
  });

  it('abandons a job that hangs at its deadline and retries it; the rest of the batch goes on', async () => {
    const good = await process(image('orientation4'));
    await env.DB.prepare("update photos set status = 'uploaded' where id = ?").bind(good.id).run();
    const hangingId = 'pho_hanging';
    await uploadedRow(hangingId);
    const stalled = withTroubleFor('hanging', () => new Promise(() => {})); // a call that never answers
    const batch = batchOf('vitrine-photo-jobs', [
      { type: 'photo.uploaded', photoId: hangingId, workspaceId: 'x' },
      { type: 'photo.uploaded', photoId: good.id, workspaceId: 'x' },
    ]);
    const ctx = createExecutionContext();
    await jobConsumer(jobs, 300)(batch, stalled);
    const result = await getQueueResult(batch, ctx);
    expect(result.retryMessages).toEqual([{ msgId: expect.stringMatching(/^m0-/) }]);
    expect(result.explicitAcks).toHaveLength(1);
    expect((await call('GET', `/v1/photos/${good.id}`, { token })).data.photo.status).toBe('ready');
  });
});
