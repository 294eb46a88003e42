import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers/api';
import { makeAlbum, makeApiKey, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForPhoto } from './helpers/photos';

let token: string;
let album: { id: string; slug: string };
let photoA: string;
let photoB: string;

/** Tags as the recognise job writes them (the reader itself is tested in vision.test.ts). */
async function insertTag(photoId: string, value: string, status: 'sure' | 'unsure', confidence = 0.9) {
  const id = `tag_${crypto.randomUUID().replace(/-/g, '').slice(0, 26)}`;
  await env.DB.prepare(
    "insert into photo_tags (id, photo_id, album_id, kind, value, confidence, status, source, box) values (?, ?, ?, 'bib', ?, ?, ?, 'ocr:external', ?)",
  )
    .bind(id, photoId, album.id, value, confidence, status, JSON.stringify({ x: 0.1, y: 0.2, w: 0.1, h: 0.05 }))
    .run();
  return id;
}

beforeAll(async () => {
  ({ token } = await signUp('brand')); // no automatic reading in brand workspaces: tags are ours
  album = await makeAlbum(token, { title: `Tags ${crypto.randomUUID().slice(0, 6)}`, visibility: 'public' });
  photoA = (await waitForPhoto(token, await uploadPhoto(token, album.id, image('orientation1')))).id;
  photoB = (await waitForPhoto(token, await uploadPhoto(token, album.id, image('orientation2')))).id;
});

describe('review queue and tag actions', () => {
  it('lists unsure tags first, with the photo and the box to highlight', async () => {
    await insertTag(photoA, '1234', 'sure');
    await insertTag(photoA, '77', 'unsure', 0.4);
    const res = await call('GET', `/v1/albums/${album.id}/review`, { token });
    expect(res.status).toBe(200);
    expect(res.data.tags).toEqual([
      expect.objectContaining({ value: '77', status: 'unsure', box: { x: 0.1, y: 0.2, w: 0.1, h: 0.05 }, photo: expect.objectContaining({ id: photoA }) }),
    ]);
    expect(res.data.counts).toMatchObject({ sure: 1, unsure: 1 });
    const sure = await call('GET', `/v1/albums/${album.id}/review?status=sure`, { token });
    expect(sure.data.tags.map((t: { value: string }) => t.value)).toEqual(['1234']);
  });

  it('confirms, corrects, adds and deletes, auditing each change', async () => {
    const tagId = await insertTag(photoB, '3O8', 'unsure', 0.5);
    const corrected = await call('POST', `/v1/photos/${photoB}/tags`, { token, json: { action: 'correct', tagId, value: '308' } });
    expect(corrected.data.tags).toEqual([expect.objectContaining({ id: tagId, value: '308', status: 'confirmed' })]);
    const added = await call('POST', `/v1/photos/${photoB}/tags`, { token, json: { action: 'add', value: '12' } });
    expect(added.data.tags).toHaveLength(2);
    const manual = added.data.tags.find((t: { value: string }) => t.value === '12');
    expect(manual).toMatchObject({ source: 'manual', status: 'confirmed' });
    const deleted = await call('POST', `/v1/photos/${photoB}/tags`, { token, json: { action: 'delete', tagId: manual.id } });
    expect(deleted.data.tags).toHaveLength(1);

    const audit = await env.DB.prepare("select action, data from audit_log where target_id = ? and action like 'tag.%' order by created_at").bind(photoB).all();
    expect(audit.results.map((r) => r.action)).toEqual(['tag.corrected', 'tag.added', 'tag.deleted']);
    expect(JSON.parse(audit.results[0]!.data as string)).toMatchObject({ before: { value: '3O8', status: 'unsure' }, after: { value: '308' } });
  });

  it('refuses bad actions and other workspaces', async () => {
    expect((await call('POST', `/v1/photos/${photoA}/tags`, { token, json: { action: 'confirm', tagId: 'tag_nope' } })).status).toBe(404);
    const tagId = await insertTag(photoA, '9', 'unsure');
    expect((await call('POST', `/v1/photos/${photoA}/tags`, { token, json: { action: 'correct', tagId, value: '12<script>' } })).status).toBe(400);
    const other = await signUp();
    expect((await call('GET', `/v1/albums/${album.id}/review`, { token: other.token })).status).toBe(404);
    expect((await call('POST', `/v1/photos/${photoA}/tags`, { token: other.token, json: { action: 'add', value: '1' } })).status).toBe(404);
    const { key } = await makeApiKey(token, ['photos:read']);
    expect((await call('POST', `/v1/photos/${photoA}/tags`, { token: key, json: { action: 'add', value: '1' } })).status).toBe(403);
  });
});

describe('start list and runner search', () => {
  const csv = ['Dossard;Nom;Catégorie', '1234;Marie-Hélène Dupont;SEF', '308;Jean Martin;M1', 'abc;Nobody;X', '55;;X', '0308;Jean Martin Jr;M1'].join('\r\n');

  it('imports a CSV from the request stream, reporting bad rows, and replaces on re-import', async () => {
    const res = await call('POST', `/v1/albums/${album.id}/start-list`, { token, body: csv, headers: { 'Content-Type': 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ imported: 2, errorCount: 3 });
    expect(res.data.errors.map((e: { line: number }) => e.line)).toEqual([4, 5, 6]);
    expect((await call('GET', `/v1/albums/${album.id}/start-list`, { token })).data.runners).toBe(2);

    const again = await call('POST', `/v1/albums/${album.id}/start-list`, { token, body: 'bib,name\n1234,Marie Dupont\n308,Jean Martin\n99,Lou Petit', headers: { 'Content-Type': 'text/csv' } });
    expect(again.data.imported).toBe(3);
    expect((await call('GET', `/v1/albums/${album.id}/start-list`, { token })).data.runners).toBe(3);
  });

  it('keeps the old list when the new file has no usable row', async () => {
    const res = await call('POST', `/v1/albums/${album.id}/start-list`, { token, body: 'bib,name\nxx,\n', headers: { 'Content-Type': 'text/csv' } });
    expect(res.status).toBe(400);
    expect((await call('GET', `/v1/albums/${album.id}/start-list`, { token })).data.runners).toBe(3);
  });

  it('finds photos by bib and by name in the public gallery', async () => {
    const byBib = await call('GET', `/v1/public/albums/${album.slug}/photos?bib=1234`);
    expect(byBib.data.photos.map((p: { id: string }) => p.id)).toEqual([photoA]);
    const byTypedNumber = await call('GET', `/v1/public/albums/${album.slug}/photos?q=308`);
    expect(byTypedNumber.data.photos.map((p: { id: string }) => p.id)).toEqual([photoB]);
    const byName = await call('GET', `/v1/public/albums/${album.slug}/photos?q=${encodeURIComponent('MARIE DUPOND')}`);
    expect(byName.data.photos.map((p: { id: string }) => p.id)).toEqual([photoA]);
    expect(byName.data.runners).toEqual([{ bib: '1234', name: 'Marie Dupont', category: null }]);
    const nobody = await call('GET', `/v1/public/albums/${album.slug}/photos?q=zorglub`);
    expect(nobody.data).toMatchObject({ photos: [], runners: [] });
    expect((await call('GET', `/v1/public/albums/${album.slug}/photos?bib=12a`)).status).toBe(400);
  });
});
