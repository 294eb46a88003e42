/**
 * Reviewing reads as a photographer does it: every change can be undone (through the API, so a
 * reload keeps the history), errors are sentences, the album screen shows each photo's bibs, and
 * the start list says what it holds.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers/api';
import { makeAlbum, signUp } from './helpers/factories';

let token: string;
let albumId: string;
let photoId: string;

/** A read as the recognise job writes it. */
async function insertTag(value: string, status: 'sure' | 'unsure') {
  const id = `tag_${crypto.randomUUID().replace(/-/g, '').slice(0, 26)}`;
  await env.DB.prepare("insert into photo_tags (id, photo_id, album_id, kind, value, confidence, status, source) values (?, ?, ?, 'bib', ?, 0.5, ?, 'ocr:external')")
    .bind(id, photoId, albumId, value, status)
    .run();
  return id;
}

/** Photos as the upload creates them: enough to carry tags. */
async function newPhoto() {
  const res = await call('POST', `/v1/albums/${albumId}/uploads`, { token, json: { files: [{ name: 'finish.jpg', size: 1000, type: 'image/jpeg' }] } });
  return res.data.uploads[0].photoId as string;
}

const tagAction = (json: Record<string, unknown>, photo = photoId) => call('POST', `/v1/photos/${photo}/tags`, { token, json });
const undo = (changeId: string, as = token) => call('POST', `/v1/tag-changes/${changeId}/undo`, { token: as });
const valuesOf = (tags: { value: string; status: string }[]) => tags.map((t) => `${t.value}:${t.status}`).sort();

beforeAll(async () => {
  ({ token } = await signUp('events'));
  albumId = (await makeAlbum(token, { title: `Review ${crypto.randomUUID().slice(0, 6)}` })).id;
  photoId = await newPhoto();
});

describe('undo', () => {
  it('reverts a confirm, a correction, a rejection and an addition, newest first', async () => {
    const tagA = await insertTag('1234', 'unsure');
    const tagB = await insertTag('3O8', 'unsure');
    const confirmed = await tagAction({ action: 'confirm', tagId: tagA });
    const corrected = await tagAction({ action: 'correct', tagId: tagB, value: '308' });
    const rejected = await tagAction({ action: 'delete', tagId: tagA });
    const added = await tagAction({ action: 'add', value: '42' });
    expect(valuesOf(added.data.tags)).toEqual(['308:confirmed', '42:confirmed']);
    expect(added.data.change).toMatchObject({ action: 'added', value: '42', photoId, undoneAt: null });

    // The history survives a reload: it is the API's, newest first.
    const history = await call('GET', `/v1/albums/${albumId}/tag-changes`, { token });
    expect(history.status).toBe(200);
    expect(history.data.changes.map((c: { action: string }) => c.action)).toEqual(['added', 'deleted', 'corrected', 'confirmed']);
    expect(history.data.changes[2]).toMatchObject({ value: '308', previousValue: '3O8' });

    expect(valuesOf((await undo(added.data.change.id)).data.tags)).toEqual(['308:confirmed']);
    expect(valuesOf((await undo(rejected.data.change.id)).data.tags)).toEqual(['1234:confirmed', '308:confirmed']);
    expect(valuesOf((await undo(corrected.data.change.id)).data.tags)).toEqual(['1234:confirmed', '3O8:unsure']);
    expect(valuesOf((await undo(confirmed.data.change.id)).data.tags)).toEqual(['1234:unsure', '3O8:unsure']);

    // Undone reads are back in the review queue, and each undo is audited.
    const queue = await call('GET', `/v1/albums/${albumId}/review`, { token });
    expect(queue.data.tags.map((t: { id: string }) => t.id).sort()).toEqual([tagA, tagB].sort());
    const audit = await env.DB.prepare("select count(*) as n from audit_log where target_id = ? and action = 'tag.undone'").bind(photoId).first();
    expect(audit?.n).toBe(4);
    const after = await call('GET', `/v1/albums/${albumId}/tag-changes`, { token });
    expect(after.data.changes.every((c: { undoneAt: string | null }) => c.undoneAt)).toBe(true);
  });

  it('is idempotent, and refuses to skip over a later change of the same read', async () => {
    const tag = await insertTag('77', 'unsure');
    const first = await tagAction({ action: 'correct', tagId: tag, value: '71' });
    const second = await tagAction({ action: 'correct', tagId: tag, value: '11' });
    const blocked = await undo(first.data.change.id);
    expect(blocked.status).toBe(409);
    expect(blocked.data.error).toMatchObject({ code: 'UNDO_BLOCKED', message: expect.stringMatching(/^Undo the later change/) });

    const once = await undo(second.data.change.id);
    const twice = await undo(second.data.change.id);
    expect(once.status).toBe(200);
    expect(twice.status).toBe(200);
    expect(twice.data.tags).toEqual(once.data.tags);
    expect(once.data.tags.find((t: { id: string }) => t.id === tag)).toMatchObject({ value: '71' });
    expect((await undo(first.data.change.id)).data.tags.find((t: { id: string }) => t.id === tag)).toMatchObject({ value: '77', status: 'unsure' });
  });

  it("answers 404 for another workspace's change, and changes nothing", async () => {
    const added = await tagAction({ action: 'add', value: '900' });
    const other = await signUp('events');
    expect((await undo(added.data.change.id, other.token)).status).toBe(404);
    expect((await call('GET', `/v1/albums/${albumId}/tag-changes`, { token: other.token })).status).toBe(404);
    expect((await undo('tch_nope')).status).toBe(404);
    const tags = (await call('GET', `/v1/photos/${photoId}/tags`, { token })).data.tags;
    expect(tags.map((t: { value: string }) => t.value)).toContain('900');
  });
});

describe('error messages', () => {
  it('says what a bib number is, in a sentence', async () => {
    const res = await tagAction({ action: 'add', value: 'abc!!' });
    expect(res.status).toBe(400);
    expect(res.data.error).toMatchObject({ code: 'VALIDATION_ERROR', message: 'A bib number is letters and digits only (e.g. 2001)' });
    const tag = await insertTag('5', 'unsure');
    const corrected = await tagAction({ action: 'correct', tagId: tag, value: '5 5' });
    expect(corrected.data.error.message).toBe('A bib number is letters and digits only (e.g. 2001)');
  });

  it('never answers with a raw schema dump', async () => {
    const res = await tagAction({ action: 'add', value: '' });
    expect(res.status).toBe(400);
    expect(res.data.error.message).toBe('Type the bib number (e.g. 2001)');
    const unknown = await tagAction({ action: 'shout' });
    expect(unknown.data.error.message).not.toMatch(/^Invalid json/);
    expect(unknown.data.error.details.fields[0]).toMatchObject({ path: 'action' });
  });
});

describe('the album screen', () => {
  it("lists each photo's bibs with the photo", async () => {
    const bare = await newPhoto();
    const tagged = await newPhoto();
    await tagAction({ action: 'add', value: '2001' }, tagged);
    const res = await call('GET', `/v1/albums/${albumId}/photos`, { token });
    const byId = Object.fromEntries(res.data.photos.map((p: { id: string }) => [p.id, p]));
    expect(byId[bare].tags).toEqual([]);
    expect(byId[tagged].tags).toEqual([expect.objectContaining({ kind: 'bib', value: '2001', status: 'confirmed' })]);
  });
});

describe('start list', () => {
  it('says how many runners it holds, since when, and gives it back as CSV', async () => {
    const none = await call('GET', `/v1/albums/${albumId}/start-list`, { token });
    expect(none.data).toEqual({ runners: 0, importedAt: null });
    const csv = 'bib;nom;cat\n1234;Marie-Hélène "Mimi" Dupont;SEF\n308;Jean Martin;\n';
    await call('POST', `/v1/albums/${albumId}/start-list`, { token, body: csv, headers: { 'Content-Type': 'text/csv' } });
    const info = await call('GET', `/v1/albums/${albumId}/start-list`, { token });
    expect(info.data.runners).toBe(2);
    expect(Date.now() - Date.parse(info.data.importedAt)).toBeLessThan(60_000);

    const download = await call('GET', `/v1/albums/${albumId}/start-list.csv`, { token });
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Type')).toMatch(/^text\/csv/);
    expect(download.headers.get('Content-Disposition')).toMatch(/attachment; filename="start-list-.+\.csv"/);
    expect(String(download.data).trim().split(/\r?\n/)).toEqual(['bib,name,category', '308,Jean Martin,', '1234,"Marie-Hélène ""Mimi"" Dupont",SEF']);
    const other = await signUp('events');
    expect((await call('GET', `/v1/albums/${albumId}/start-list.csv`, { token: other.token })).status).toBe(404);
  });
});
