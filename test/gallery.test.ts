import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, noD1 } from './helpers/api';
import { makeAlbum, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForPhoto } from './helpers/photos';
import { albumOfGrant, variantGrant } from '../workers/modules/albums/variant-grants';

let token: string;
let album: { id: string; slug: string };
const ready: string[] = [];

beforeAll(async () => {
  ({ token } = await signUp());
  album = await makeAlbum(token, { title: `Gallery ${crypto.randomUUID().slice(0, 6)}`, visibility: 'public' });
  for (const name of ['orientation1', 'orientation2', 'orientation3']) {
    ready.push((await waitForPhoto(token, await uploadPhoto(token, album.id, image(name)))).id);
  }
  await waitForPhoto(token, await uploadPhoto(token, album.id, image('truncated'))); // rejected
  await call('POST', `/v1/albums/${album.id}/uploads`, { token, json: { files: [{ name: 'p.jpg', size: 10, type: 'image/jpeg' }] } }); // pending
});

const listAll = async (slug: string, limit: number) => {
  const pages = [];
  let cursor = '';
  do {
    const res = await call('GET', `/v1/public/albums/${slug}/photos?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    pages.push(res);
    cursor = res.data.nextCursor;
  } while (cursor);
  return pages;
};

describe('public gallery JSON', () => {
  it('shows the album with its ready photo count and a short cache lifetime', async () => {
    const res = await call('GET', `/v1/public/albums/${album.slug}`);
    expect(res.status).toBe(200);
    expect(res.data.album).toMatchObject({ slug: album.slug, photoCount: 3 });
    expect(res.data.album).not.toHaveProperty('id');
    expect(res.headers.get('Cache-Control')).toMatch(/max-age=30/);
  });

  it('pages through ready photos only, with variant URLs and placeholders, never originals', async () => {
    const pages = await listAll(album.slug, 2);
    expect(pages.map((p) => p.data.photos.length)).toEqual([2, 1]);
    const photos = pages.flatMap((p) => p.data.photos);
    expect(photos.map((p: { id: string }) => p.id).sort()).toEqual([...ready].sort());
    for (const photo of photos) {
      expect(photo).toMatchObject({ placeholder: expect.any(String), thumb: { url: expect.stringMatching(/thumb\.webp\?v=1$/) } });
    }
    const text = JSON.stringify(pages.map((p) => p.data));
    expect(text).not.toMatch(/original|sha256/);
  });

  it('defaults to 100 per page and refuses a tampered cursor', async () => {
    const res = await call('GET', `/v1/public/albums/${album.slug}/photos`);
    expect(res.data.photos).toHaveLength(3);
    expect((await call('GET', `/v1/public/albums/${album.slug}/photos?cursor=abc`)).status).toBe(400);
  });

  it('serves the photo list from the edge cache until the album changes', async () => {
    const path = `/v1/public/albums/${album.slug}/photos?limit=50`;
    await call('GET', path);
    const again = await call('GET', path);
    expect(again.headers.get('X-Cache')).toBe('HIT');
    // Browsers ask again each time (the edge answers): a runner must see photos tagged a second ago.
    expect(again.headers.get('Cache-Control')).toBe('public, max-age=0, s-maxage=600');
    const added = await waitForPhoto(token, await uploadPhoto(token, album.id, image('orientation4')));
    const fresh = await call('GET', path);
    expect(fresh.headers.get('X-Cache')).toBe('MISS');
    expect(fresh.data.photos.map((p: { id: string }) => p.id)).toContain(added.id);
    await call('DELETE', `/v1/photos/${added.id}`, { token });
    expect((await call('GET', path)).data.photos.map((p: { id: string }) => p.id)).not.toContain(added.id);
  });

  it('hides private albums entirely and shows unlisted ones', async () => {
    const hidden = await makeAlbum(token, { title: 'Hidden', visibility: 'private' });
    expect((await call('GET', `/v1/public/albums/${hidden.slug}`)).status).toBe(404);
    expect((await call('GET', `/v1/public/albums/${hidden.slug}/photos`)).status).toBe(404);
    await call('PATCH', `/v1/albums/${hidden.id}`, { token, json: { visibility: 'unlisted' } });
    expect((await call('GET', `/v1/public/albums/${hidden.slug}`)).status).toBe(200);
  });
});

describe('public variants', () => {
  const thumbUrl = async () => (await call('GET', `/v1/public/albums/${album.slug}/photos`)).data.photos[0].thumb.url as string;

  it('streams an immutable WebP with an ETag, then serves repeats from the cache without R2 or D1', async () => {
    const url = await thumbUrl();
    const first = await call('GET', url);
    expect(first.status).toBe(200);
    expect(first.headers.get('Content-Type')).toBe('image/webp');
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(first.headers.get('ETag')).toMatch(/^".+"$/);

    const storageDown = { ...noD1, PHOTOS: { get: () => Promise.reject(new Error('R2 must not be read')) } } as unknown as Env;
    const second = await call('GET', url, { env: storageDown });
    expect(second.status).toBe(200);
    expect(second.headers.get('X-Cache')).toBe('HIT');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const url = await thumbUrl();
    const { headers } = await call('GET', url);
    const res = await call('GET', url, { headers: { 'If-None-Match': headers.get('ETag')! } });
    expect(res.status).toBe(304);
  });

  it('never serves originals, unknown variants or photos of private albums', async () => {
    const id = ready[0];
    for (const file of ['original', 'original.jpg', 'original.webp', 'web.jpg']) {
      expect((await call('GET', `/v1/public/photos/${id}/${file}`)).status).toBe(404);
    }
    const secret = await makeAlbum(token, { title: 'Secret', visibility: 'private' });
    const photo = await waitForPhoto(token, await uploadPhoto(token, secret.id, image('orientation5')));
    expect((await call('GET', `/v1/public/photos/${photo.id}/thumb.webp?v=1`)).status).toBe(404);
    expect((await env.PHOTOS.head(`photos/${photo.id}/thumb.webp`))?.size).toBeGreaterThan(0);
  });

  it('shows an owner the variants of a private album through a grant, and nobody else', async () => {
    const secret = await makeAlbum(token, { title: 'Owner only', visibility: 'private' });
    const photo = await waitForPhoto(token, await uploadPhoto(token, secret.id, image('orientation6')));
    const listed = await call('GET', `/v1/albums/${secret.id}/photos`, { token });
    const url: string = listed.data.photos[0].variants.thumb.url;
    expect(url).toMatch(/thumb\.webp\?v=1&grant=/);

    const res = await call('GET', url);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/webp');
    expect(res.headers.get('Cache-Control')).toMatch(/^private, max-age=\d+$/);

    const grant = new URL(url, 'http://x').searchParams.get('grant')!;
    const [albumId, expires, sig = ''] = grant.split('.');
    const forged = [`${albumId}.${Number(expires) + 3600}.${sig}`, `${album.id}.${expires}.${sig}`, `${albumId}.${expires}.${sig.slice(0, -2)}AA`];
    for (const bad of forged) {
      expect((await call('GET', `/v1/public/photos/${photo.id}/thumb.webp?v=1&grant=${bad}`)).status).toBe(404);
    }
    // A grant opens its own album only: not another album's photos.
    const other = await call('GET', `/v1/albums/${album.id}/photos`, { token });
    const otherGrant = new URL(other.data.photos[0].variants.thumb.url, 'http://x').searchParams.get('grant');
    expect((await call('GET', `/v1/public/photos/${photo.id}/thumb.webp?v=1&grant=${otherGrant}`)).status).toBe(404);
  });
});

describe('variant grants', () => {
  it('open their album for one to two hours, then expire', async () => {
    const now = Date.UTC(2026, 10, 26, 10, 30);
    const grant = await variantGrant('s'.repeat(32), 'alb_1', now);
    expect(await albumOfGrant('s'.repeat(32), grant, now + 3600_000)).toMatchObject({ albumId: 'alb_1' });
    expect(await albumOfGrant('s'.repeat(32), grant, now + 2 * 3600_000)).toBeNull();
    expect(await albumOfGrant('t'.repeat(32), grant, now)).toBeNull();
  });
});
