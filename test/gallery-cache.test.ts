import { beforeAll, describe, expect, it } from 'vitest';
import { call, noD1 } from './helpers/api';
import { makeAlbum, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForPhoto, waitForRecognition } from './helpers/photos';

let token: string;
let album: { id: string; slug: string };
let photoId: string;

beforeAll(async () => {
  ({ token } = await signUp());
  album = await makeAlbum(token, { title: `Cached ${crypto.randomUUID().slice(0, 6)}`, visibility: 'public' });
  photoId = (await waitForPhoto(token, await uploadPhoto(token, album.id, image('orientation1')))).id;
  // The reading moves the album's version too: done before any test counts on a stable one.
  await waitForRecognition(token, photoId);
});

const list = (query = '', options: { headers?: Record<string, string>; env?: Env } = {}) =>
  call('GET', `/v1/public/albums/${album.slug}/photos${query}`, options);
const ids = (res: { data: { photos: { id: string }[] } }) => res.data.photos.map((p) => p.id);

describe('public photo list served without D1', () => {
  it('answers a repeated list from memory and the edge, with D1 unreachable', async () => {
    const first = await list('?limit=20');
    expect(first.status).toBe(200);
    const again = await list('?limit=20', { env: noD1 });
    expect(again.status).toBe(200);
    expect(again.headers.get('X-Cache')).toBe('HIT');
    expect(again.data).toEqual(first.data);
    expect(ids(again)).toEqual([photoId]);
  });

  it('gives the list an ETag and answers 304 to a matching If-None-Match, with D1 unreachable', async () => {
    const first = await list();
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^"[\w.]+"$/);
    const res = await list('', { headers: { 'If-None-Match': etag! }, env: noD1 });
    expect(res.status).toBe(304);
    expect(res.data).toBe('');
    expect(res.headers.get('ETag')).toBe(etag);
    const other = await list('', { headers: { 'If-None-Match': '"alb_other.1"' } });
    expect(other.status).toBe(200);
  });

  it('shows a tag change on the very next list, under a new ETag', async () => {
    const before = await list('?bib=4242');
    expect(ids(await list('?bib=4242'))).toEqual([]);
    const added = await call('POST', `/v1/photos/${photoId}/tags`, { token, json: { action: 'add', kind: 'bib', value: '4242' } });
    expect(added.status).toBe(200);
    const after = await list('?bib=4242', { headers: { 'If-None-Match': before.headers.get('ETag')! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('X-Cache')).toBe('MISS');
    expect(ids(after)).toEqual([photoId]);
    expect(after.headers.get('ETag')).not.toBe(before.headers.get('ETag'));

    const tagId = added.data.tags.find((t: { value: string }) => t.value === '4242').id;
    expect((await call('POST', `/v1/photos/${photoId}/tags`, { token, json: { action: 'delete', tagId } })).status).toBe(200);
    expect(ids(await list('?bib=4242'))).toEqual([]);
  });

  it('shows a photo removed on the very next list', async () => {
    const extra = await waitForPhoto(token, await uploadPhoto(token, album.id, image('orientation2')));
    await waitForRecognition(token, extra.id);
    expect(ids(await list())).toContain(extra.id);
    expect((await list()).headers.get('X-Cache')).toBe('HIT');
    expect((await call('DELETE', `/v1/photos/${extra.id}`, { token })).status).toBe(204);
    expect(ids(await list())).toEqual([photoId]);
  });

  it('never serves an unpublished album from the cache, nor a 304 for it', async () => {
    const cached = await list();
    expect((await list()).headers.get('X-Cache')).toBe('HIT');
    expect((await call('PATCH', `/v1/albums/${album.id}`, { token, json: { visibility: 'private' } })).status).toBe(200);
    const gone = await list('', { headers: { 'If-None-Match': cached.headers.get('ETag')! } });
    expect(gone.status).toBe(404);
    expect(gone.data.error.code).toBe('ALBUM_NOT_FOUND');
    expect((await list()).status).toBe(404);
    await call('PATCH', `/v1/albums/${album.id}`, { token, json: { visibility: 'public' } });
    expect(ids(await list())).toEqual([photoId]);
  });

  it('follows a new slug at once: the old one is gone', async () => {
    const old = album.slug;
    await list();
    const renamed = await call('PATCH', `/v1/albums/${album.id}`, { token, json: { slug: `${old}-renamed` } });
    expect(renamed.status).toBe(200);
    expect((await call('GET', `/v1/public/albums/${old}/photos`)).status).toBe(404);
    album = { ...album, slug: renamed.data.album.slug };
    expect(ids(await list())).toEqual([photoId]);
  });

  it('refuses bad input with a coded 400 before looking anything up', async () => {
    const res = await list('?limit=0', { env: noD1 });
    expect(res.status).toBe(400);
    expect(res.data.error.code).toBe('VALIDATION_ERROR');
  });
});
