import { describe, expect, it } from 'vitest';
import { call, testEnv } from './helpers/api';
import { makeAlbum, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForPhoto, waitForRecognition } from './helpers/photos';

/** These run against the real local vision service (models from npm), started by the test setup. */
describe('bibs read automatically (events)', () => {
  it('tags the bib, ignores excluded numbers, and runners find the photo by bib and by name', async () => {
    const { token } = await signUp('events');
    const album = await makeAlbum(token, { title: `Race ${crypto.randomUUID().slice(0, 6)}`, bibRules: { exclude: ['2026'] } });
    await call('POST', `/v1/albums/${album.id}/start-list`, { token, body: 'bib,name\n1234,Marie Dupont\n308,Jean Martin', headers: { 'Content-Type': 'text/csv' } });

    const photo = await waitForRecognition(token, await uploadPhoto(token, album.id, image('bib1234')));
    expect(photo.recognition).toMatchObject({ status: 'done' });
    const { data } = await call('GET', `/v1/photos/${photo.id}/tags`, { token });
    expect(data.tags).toEqual([expect.objectContaining({ kind: 'bib', value: '1234', status: 'sure', source: 'ocr:external' })]);
    const box = data.tags[0].box;
    expect(box.x).toBeGreaterThan(0.3);
    expect(box.x + box.w).toBeLessThan(0.7);

    const other = await waitForRecognition(token, await uploadPhoto(token, album.id, image('bib308')));
    expect((await call('GET', `/v1/photos/${other.id}/tags`, { token })).data.tags.map((t: { value: string }) => t.value)).toEqual(['308']);

    const byBib = await call('GET', `/v1/public/albums/${album.slug}/photos?bib=1234`);
    expect(byBib.data.photos.map((p: { id: string }) => p.id)).toEqual([photo.id]);
    const byName = await call('GET', `/v1/public/albums/${album.slug}/photos?q=jean%20martn`);
    expect(byName.data.photos.map((p: { id: string }) => p.id)).toEqual([other.id]);
  });

  it('skips reading exact duplicates', async () => {
    const { token } = await signUp('events');
    const album = await makeAlbum(token, { title: 'Dup race' });
    await waitForRecognition(token, await uploadPhoto(token, album.id, image('bib308')));
    const copy = await waitForPhoto(token, await uploadPhoto(token, album.id, image('bib308')));
    expect(copy.recognition).toMatchObject({ status: 'skipped', note: expect.stringMatching(/duplicate/) });
  });
});

describe('plates and cutouts (vehicles)', () => {
  it('reads and validates a French plate automatically, by photo id and from a sent image', async () => {
    const { token } = await signUp('vehicles');
    const album = await makeAlbum(token, { title: 'Stock' });
    const photo = await waitForRecognition(token, await uploadPhoto(token, album.id, image('plate')));
    const tags = (await call('GET', `/v1/photos/${photo.id}/tags`, { token })).data.tags;
    expect(tags).toEqual([expect.objectContaining({ kind: 'plate', value: 'AB-123-CD', status: 'sure' })]);

    const byId = await call('POST', '/v1/vision/plate', { token, json: { photoId: photo.id } });
    expect(byId.data).toMatchObject({ plate: 'AB-123-CD', normalized: 'AB123CD', format: 'FR-SIV' });
    const sent = await call('POST', '/v1/vision/plate', { token, body: image('plate'), headers: { 'Content-Type': 'image/jpeg' } });
    expect(sent.data.plate).toBe('AB-123-CD');
    const text = await call('POST', '/v1/vision/plate', { token, body: 'hello', headers: { 'Content-Type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(text.data.error.code).toBe('UNSUPPORTED_TYPE');
  });

  it('cuts the subject out into an RGBA PNG with quality hints', async () => {
    const { token } = await signUp('vehicles');
    const album = await makeAlbum(token, { title: 'Cutouts' });
    const photo = await waitForPhoto(token, await uploadPhoto(token, album.id, image('plate')));
    const res = await call('POST', `/v1/photos/${photo.id}/cutout`, { token });
    expect(res.status).toBe(201);
    expect(res.data.cutout).toMatchObject({ subjectArea: expect.any(Number), doubtful: expect.any(Boolean), url: `/v1/photos/${photo.id}/cutout.png` });
    const png = await call('GET', res.data.cutout.url, { token });
    expect(png.headers.get('Content-Type')).toBe('image/png');
    const shown = await call('GET', `/v1/photos/${photo.id}`, { token });
    expect(shown.data.photo.cutout).toMatchObject({ subjectArea: res.data.cutout.subjectArea });
  });

  it('answers 503 when the vision service is down', async () => {
    const { token } = await signUp('vehicles');
    const album = await makeAlbum(token, { title: 'Down' });
    const photo = await waitForPhoto(token, await uploadPhoto(token, album.id, image('orientation1')));
    const down = { ...testEnv, VISION_URL: 'http://127.0.0.1:9' } as Env;
    const res = await call('POST', '/v1/vision/plate', { token, json: { photoId: photo.id }, env: down });
    expect(res.status).toBe(503);
    expect(res.data.error.code).toBe('SERVICE_UNAVAILABLE');
  });
});
