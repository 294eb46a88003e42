import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { call } from './helpers/api';
import { photos } from '../workers/db/schema/index';
import { testDb } from './helpers/credits';
import { makeAlbum, signUp } from './helpers/factories';

describe('albums', () => {
  it('creates an album with a slug made from its title', async () => {
    const { token } = await signUp();
    const title = `Trail des Écrins ${crypto.randomUUID().slice(0, 6)}`;
    const res = await call('POST', '/v1/albums', {
      token,
      json: { title, date: '2026-06-14', location: 'Briançon', visibility: 'public', watermark: { text: '© Studio' } },
    });
    expect(res.status).toBe(201);
    expect(res.data.album).toMatchObject({
      id: expect.stringMatching(/^alb_/),
      slug: expect.stringMatching(/^trail-des-ecrins-/),
      visibility: 'public',
      date: '2026-06-14',
      watermark: { text: '© Studio', position: 'bottom-right', opacity: 0.5 },
    });
  });

  it('keeps generated slugs unique and refuses a chosen slug that is taken', async () => {
    const { token } = await signUp();
    const title = `Same Title ${crypto.randomUUID().slice(0, 6)}`;
    const first = await makeAlbum(token, { title });
    const second = await makeAlbum(token, { title });
    expect(second.slug).not.toBe(first.slug);
    expect(second.slug.startsWith(first.slug)).toBe(true);

    const clash = await call('POST', '/v1/albums', { token, json: { title: 'x', slug: first.slug } });
    expect(clash.status).toBe(409);
    expect(clash.data.error.code).toBe('SLUG_TAKEN');
    const renamed = await call('PATCH', `/v1/albums/${second.id}`, { token, json: { slug: first.slug } });
    expect(renamed.status).toBe(409);
  });

  const WORDS = 'Grand Trail des Lacs et Montagnes du Haut Jura édition printemps';
  /** Each word of a slug is a whole word of the title (accents dropped), or the title's tag. */
  const slugWord = /^(grand|trail|des|lacs|et|montagnes|du|haut|jura|edition|printemps|[0-9a-f]{6})$/;

  it('cuts a very long title at a word boundary', async () => {
    const { token } = await signUp();
    const long = `${WORDS} ${crypto.randomUUID().slice(0, 6)} ${WORDS} ${WORDS}`;
    expect(long.length).toBeGreaterThan(180);
    const res = await call('POST', '/v1/albums', { token, json: { title: long } });
    expect(res.status).toBe(201);
    const { title } = res.data.album;
    expect(title.length).toBeLessThanOrEqual(160);
    expect(long.startsWith(title)).toBe(true);
    expect(long[title.length]).toBe(' ');

    const renamed = await call('PATCH', `/v1/albums/${res.data.album.id}`, { token, json: { title: `Renamed ${long}` } });
    expect(renamed.status).toBe(200);
    const cut = renamed.data.album.title;
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(`Renamed ${long}`[cut.length]).toBe(' ');
  });

  it('makes the slug of a long title end on a whole word', async () => {
    const { token } = await signUp();
    const title = `${crypto.randomUUID().slice(0, 6)} ${WORDS} ${WORDS}`;
    const album = await makeAlbum(token, { title });
    expect(album.slug.length).toBeLessThanOrEqual(60);
    expect(album.slug.length).toBeGreaterThan(40);
    for (const word of album.slug.split('-')) expect(word).toMatch(slugWord);
  });

  it('pages through albums with a cursor, newest first', async () => {
    const { token } = await signUp();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await makeAlbum(token, { title: `Race ${i}` }));
    const page1 = await call('GET', '/v1/albums?limit=2', { token });
    const page2 = await call('GET', `/v1/albums?limit=2&cursor=${page1.data.nextCursor}`, { token });
    const page3 = await call('GET', `/v1/albums?limit=2&cursor=${page2.data.nextCursor}`, { token });
    const ids = [...page1.data.albums, ...page2.data.albums, ...page3.data.albums].map((a: { id: string }) => a.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids)).toEqual(new Set(made.map((a) => a.id)));
    expect(page3.data.nextCursor).toBeNull();
    expect((await call('GET', '/v1/albums?cursor=garbage', { token })).status).toBe(400);
  });

  it('updates only the fields given, and validates them', async () => {
    const { token } = await signUp();
    const album = await makeAlbum(token, { location: 'Lyon' });
    const res = await call('PATCH', `/v1/albums/${album.id}`, { token, json: { visibility: 'unlisted', date: null } });
    expect(res.data.album).toMatchObject({ visibility: 'unlisted', location: 'Lyon', date: null });
    const bad = await call('PATCH', `/v1/albums/${album.id}`, { token, json: { date: '14/06/2026' } });
    expect(bad.status).toBe(400);
    expect((await call('PATCH', `/v1/albums/${album.id}`, { token, json: {} })).status).toBe(400);
  });

  it('shows photo counts on the album', async () => {
    const { token } = await signUp();
    const album = await makeAlbum(token);
    await call('POST', `/v1/albums/${album.id}/uploads`, { token, json: { files: [{ name: 'a.jpg', size: 10, type: 'image/jpeg' }] } });
    const res = await call('GET', `/v1/albums/${album.id}`, { token });
    expect(res.data.photoCounts).toEqual({ pending: 1 });
  });

  it('counts ready photos still being read, so the album screen keeps looking until their bibs show', async () => {
    const { token } = await signUp();
    const album = await makeAlbum(token);
    await call('POST', `/v1/albums/${album.id}/uploads`, { token, json: { files: [{ name: 'a.jpg', size: 10, type: 'image/jpeg' }] } });
    await testDb().update(photos).set({ status: 'ready', recognition: 'queued' }).where(eq(photos.albumId, album.id));
    expect((await call('GET', `/v1/albums/${album.id}`, { token })).data.photoCounts).toEqual({ ready: 1, reading: 1 });
    await testDb().update(photos).set({ recognition: 'done' }).where(eq(photos.albumId, album.id));
    expect((await call('GET', `/v1/albums/${album.id}`, { token })).data.photoCounts).toEqual({ ready: 1 });
  });

  it('answers 404 for another workspace’s album on every verb', async () => {
    const a = await signUp();
    const b = await signUp();
    const album = await makeAlbum(b.token);
    for (const [method, json] of [['GET'], ['PATCH', { title: 'mine now' }], ['DELETE']] as const) {
      const res = await call(method, `/v1/albums/${album.id}`, { token: a.token, json });
      expect(res.status).toBe(404);
      expect(res.data.error.code).toBe('ALBUM_NOT_FOUND');
    }
    expect((await call('GET', `/v1/albums/${album.id}`, { token: b.token })).data.album.title).toBe('Marathon de Paris 2026');
  });

  it('deletes the album, its photos and audits it', async () => {
    const { token } = await signUp();
    const album = await makeAlbum(token);
    expect((await call('DELETE', `/v1/albums/${album.id}`, { token })).status).toBe(204);
    expect((await call('GET', `/v1/albums/${album.id}`, { token })).status).toBe(404);
    const audit = await env.DB.prepare("select action from audit_log where target_id = ? order by created_at").bind(album.id).all();
    expect(audit.results.map((r) => r.action)).toEqual(['album.created', 'album.deleted']);
  });
});
