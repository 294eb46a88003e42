import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { workerRouteSigner } from '../workers/modules/media/upload-signer';
import { photoKeys } from '../workers/shared/r2-keys';
import { MULTIPART_THRESHOLD, PART_SIZE } from '../workers/shared/constants';
import { call, sentMessages } from './helpers/api';
import { HEIC_HEAD, jpegLikeBytes, makeAlbum, makeApiKey, PNG_MAGIC, signUp } from './helpers/factories';

type Upload = { photoId: string; url: string; headers: Record<string, string>; expiresAt: string };

async function requestUpload(token: string, albumId: string, bytes: Uint8Array, type = 'image/jpeg') {
  const res = await call('POST', `/v1/albums/${albumId}/uploads`, { token, json: { files: [{ name: 'IMG_0001.jpg', size: bytes.byteLength, type }] } });
  expect(res.status).toBe(201);
  return res.data.uploads[0] as Upload;
}

const put = (url: string, bytes: Uint8Array, headers: Record<string, string>) =>
  call('PUT', url, { body: bytes, headers: { 'Content-Length': String(bytes.byteLength), ...headers } });

const storedOriginal = (photoId: string) => env.PHOTOS.head(photoKeys(photoId).original);

describe('signed direct uploads', () => {
  let token: string;
  let albumId: string;
  beforeEach(async () => {
    ({ token } = await signUp());
    albumId = (await makeAlbum(token)).id;
  });

  it('lands a signed PUT in R2, and complete enqueues exactly one message even when called twice', async () => {
    const bytes = jpegLikeBytes(300_000);
    const upload = await requestUpload(token, albumId, bytes);
    expect(upload).toMatchObject({ method: 'PUT', headers: { 'Content-Type': 'image/jpeg' } });
    expect(Date.parse(upload.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);

    const res = await put(upload.url, bytes, upload.headers);
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toBeTruthy();
    expect((await storedOriginal(upload.photoId))?.size).toBe(bytes.byteLength);

    const before = sentMessages.length;
    const first = await call('POST', `/v1/photos/${upload.photoId}/complete`, { token });
    const second = await call('POST', `/v1/photos/${upload.photoId}/complete`, { token });
    expect(first.status).toBe(200);
    expect(first.data.photo).toMatchObject({ status: 'uploaded', type: 'image/jpeg', size: bytes.byteLength });
    expect(second.data.photo.status).not.toBe('pending');
    expect(sentMessages.slice(before)).toEqual([{ type: 'photo.uploaded', photoId: upload.photoId, workspaceId: expect.any(String) }]);

    // The pipeline may already have picked it up (these bytes are not a real image).
    const shown = await call('GET', `/v1/photos/${upload.photoId}`, { token });
    expect(shown.data.photo.status).not.toBe('pending');
    expect(JSON.stringify(shown.data)).not.toContain('photos/');
  });

  it('refuses a re-PUT once the upload is complete', async () => {
    const bytes = jpegLikeBytes(1000);
    const upload = await requestUpload(token, albumId, bytes);
    await put(upload.url, bytes, upload.headers);
    await call('POST', `/v1/photos/${upload.photoId}/complete`, { token });
    const again = await put(upload.url, jpegLikeBytes(1000), upload.headers);
    expect(again.status).toBe(409);
  });

  it('refuses a tampered signature, size, type or photo id and writes nothing', async () => {
    const bytes = jpegLikeBytes(5000);
    const upload = await requestUpload(token, albumId, bytes);
    const other = await requestUpload(token, albumId, bytes);
    const url = new URL(upload.url);
    const tampered = [
      (u: URL) => u.searchParams.set('sig', u.searchParams.get('sig')!.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A'))),
      (u: URL) => u.searchParams.set('size', '6000'),
      (u: URL) => u.searchParams.set('type', 'image/png'),
      (u: URL) => u.searchParams.set('expires', String(Number(u.searchParams.get('expires')) + 3600)),
      (u: URL) => (u.pathname = `/v1/uploads/${other.photoId}`),
    ];
    for (const tamper of tampered) {
      const bad = new URL(url);
      tamper(bad);
      const res = await put(bad.toString(), bytes, upload.headers);
      expect(res.status).toBe(403);
      expect(res.data.error.code).toBe('UPLOAD_SIGNATURE_INVALID');
    }
    expect(await storedOriginal(upload.photoId)).toBeNull();
    expect(await storedOriginal(other.photoId)).toBeNull();
  });

  it('refuses an expired URL', async () => {
    const bytes = jpegLikeBytes(5000);
    const upload = await requestUpload(token, albumId, bytes);
    const signer = workerRouteSigner(env.UPLOAD_SIGNING_SECRET, 'http://vitrine.test');
    const stale = await signer.sign({
      photoId: upload.photoId,
      key: photoKeys(upload.photoId).original,
      size: bytes.byteLength,
      contentType: 'image/jpeg',
      expiresAt: Math.floor(Date.now() / 1000) - 1,
    });
    const res = await put(stale.url, bytes, stale.headers);
    expect(res.status).toBe(403);
    expect(res.data.error.code).toBe('UPLOAD_EXPIRED');
    expect(await storedOriginal(upload.photoId)).toBeNull();
  });

  it('refuses the wrong content type and a body larger than signed', async () => {
    const bytes = jpegLikeBytes(5000);
    const upload = await requestUpload(token, albumId, bytes);
    const wrongType = await put(upload.url, bytes, { 'Content-Type': 'image/png' });
    expect(wrongType.status).toBe(403);
    expect(wrongType.data.error.code).toBe('UPLOAD_CONTENT_TYPE_MISMATCH');
    const tooBig = await put(upload.url, jpegLikeBytes(6000), upload.headers);
    expect(tooBig.status).toBe(413);
    expect(await storedOriginal(upload.photoId)).toBeNull();
  });

  it('says the upload is incomplete when complete comes before the bytes', async () => {
    const upload = await requestUpload(token, albumId, jpegLikeBytes(5000));
    const res = await call('POST', `/v1/photos/${upload.photoId}/complete`, { token });
    expect(res.status).toBe(409);
    expect(res.data.error.code).toBe('UPLOAD_INCOMPLETE');
    expect((await call('GET', `/v1/photos/${upload.photoId}`, { token })).data.photo.status).toBe('pending');
  });

  it('records the real type of a PNG declared as JPEG', async () => {
    const bytes = jpegLikeBytes(2000);
    bytes.set(PNG_MAGIC);
    const upload = await requestUpload(token, albumId, bytes);
    await put(upload.url, bytes, upload.headers);
    const res = await call('POST', `/v1/photos/${upload.photoId}/complete`, { token });
    expect(res.data.photo).toMatchObject({ status: 'uploaded', type: 'image/png' });
  });

  it('rejects HEIC or garbage bytes behind a .jpg name, without queueing', async () => {
    for (const head of [HEIC_HEAD, [0x47, 0x41, 0x52, 0x42, 0x41, 0x47, 0x45]]) {
      const bytes = jpegLikeBytes(2000);
      bytes.set(head);
      const upload = await requestUpload(token, albumId, bytes);
      await put(upload.url, bytes, upload.headers);
      const before = sentMessages.length;
      const res = await call('POST', `/v1/photos/${upload.photoId}/complete`, { token });
      expect(res.status).toBe(415);
      expect(res.data.error.details).toEqual({ photoId: upload.photoId, status: 'rejected' });
      expect(sentMessages.length).toBe(before);
      expect(await storedOriginal(upload.photoId)).toBeNull();
      expect((await call('GET', `/v1/photos/${upload.photoId}`, { token })).data.photo).toMatchObject({
        status: 'rejected',
        error: { code: 'UNSUPPORTED_TYPE' },
      });
    }
  });
});

describe('upload batches refuse bad input before writing anything', () => {
  const countPhotos = async (albumId: string) =>
    (await env.DB.prepare('select count(*) as n from photos where album_id = ?').bind(albumId).first<{ n: number }>())?.n;

  it.each([
    ['a 0-byte file', { name: 'empty.jpg', size: 0, type: 'image/jpeg' }, 400, 'EMPTY_FILE'],
    ['an oversize file', { name: 'huge.jpg', size: 101 * 1024 * 1024, type: 'image/jpeg' }, 413, 'FILE_TOO_LARGE'],
    ['a HEIC file', { name: 'IMG.HEIC', size: 1000, type: 'image/heic' }, 415, 'UNSUPPORTED_TYPE'],
  ])('%s among good ones', async (_, bad, status, code) => {
    const { token } = await signUp();
    const album = await makeAlbum(token);
    const good = { name: 'ok.jpg', size: 1000, type: 'image/jpeg' };
    const res = await call('POST', `/v1/albums/${album.id}/uploads`, { token, json: { files: [good, bad, good] } });
    expect(res.status).toBe(status);
    expect(res.data.error.code).toBe(code);
    expect(res.data.error.details.files).toEqual([expect.objectContaining({ index: 1, name: bad.name, code })]);
    // Sentences a person reads as they are: the file's own reason, and the batch's naming the file.
    const reason = res.data.error.details.files[0].message;
    expect(reason).toMatch(/^[A-Z].+\.$/);
    expect(res.data.error.message).toBe(`1 file cannot be uploaded. "${bad.name}": ${reason}`);
    expect(await countPhotos(album.id)).toBe(0);
  });

  it('a batch over 500 files', async () => {
    const { token } = await signUp();
    const album = await makeAlbum(token);
    const files = Array.from({ length: 501 }, (_, i) => ({ name: `${i}.jpg`, size: 1000, type: 'image/jpeg' }));
    const res = await call('POST', `/v1/albums/${album.id}/uploads`, { token, json: { files } });
    expect(res.status).toBe(400);
    expect(res.data.error.code).toBe('BATCH_TOO_LARGE');
    expect(await countPhotos(album.id)).toBe(0);
  });

  it('accepts a full batch of 500', async () => {
    const { token } = await signUp();
    const album = await makeAlbum(token);
    const files = Array.from({ length: 500 }, (_, i) => ({ name: `${i}.jpg`, size: 1000, type: 'image/jpeg' }));
    const res = await call('POST', `/v1/albums/${album.id}/uploads`, { token, json: { files } });
    expect(res.status).toBe(201);
    expect(new Set(res.data.uploads.map((u: Upload) => u.photoId)).size).toBe(500);
    expect(await countPhotos(album.id)).toBe(500);
  });

  it('another workspace’s album', async () => {
    const a = await signUp();
    const b = await signUp();
    const album = await makeAlbum(b.token);
    const res = await call('POST', `/v1/albums/${album.id}/uploads`, { token: a.token, json: { files: [{ name: 'x.jpg', size: 10, type: 'image/jpeg' }] } });
    expect(res.status).toBe(404);
    expect(await countPhotos(album.id)).toBe(0);
  });

  it('an API key without photos:write', async () => {
    const { token } = await signUp();
    const album = await makeAlbum(token);
    const { key } = await makeApiKey(token, ['albums:read', 'photos:read']);
    const res = await call('POST', `/v1/albums/${album.id}/uploads`, { token: key, json: { files: [{ name: 'x.jpg', size: 10, type: 'image/jpeg' }] } });
    expect(res.status).toBe(403);
  });
});

describe('multipart uploads', () => {
  it('uploads a large original in signed parts and assembles it on complete', async () => {
    const { token } = await signUp();
    const album = await makeAlbum(token);
    const size = MULTIPART_THRESHOLD + PART_SIZE + 12345;
    const bytes = jpegLikeBytes(size);
    const created = await call('POST', `/v1/albums/${album.id}/uploads`, { token, json: { files: [{ name: 'big.jpg', size, type: 'image/jpeg' }] } });
    const upload = created.data.uploads[0];
    expect(upload.multipart).toMatchObject({ partSize: PART_SIZE, partCount: 4 });

    // A resumed client asks for fresh URLs for the parts it still needs.
    const renewed = await call('POST', `/v1/photos/${upload.photoId}/upload-url`, { token, json: { partNumbers: [3, 4] } });
    expect(renewed.data.upload.multipart.parts.map((p: { partNumber: number }) => p.partNumber)).toEqual([3, 4]);

    const parts = [];
    for (const part of upload.multipart.parts as { partNumber: number; url: string; size: number }[]) {
      const start = (part.partNumber - 1) * PART_SIZE;
      const res = await put(part.url, bytes.subarray(start, start + part.size), {});
      expect(res.status).toBe(200);
      parts.push({ partNumber: part.partNumber, etag: res.headers.get('ETag')! });
    }
    // After a reload, the client asks which parts already arrived.
    const state = await call('GET', `/v1/photos/${upload.photoId}/upload`, { token });
    expect(state.data.upload.multipart).toMatchObject({ partCount: 4, partsKnown: true });
    expect(state.data.upload.multipart.uploadedParts).toEqual(parts.map((p) => ({ ...p, etag: p.etag.replace(/"/g, ''), size: expect.any(Number) })));

    const missingParts = await call('POST', `/v1/photos/${upload.photoId}/complete`, { token });
    expect(missingParts.status).toBe(400);

    const done = await call('POST', `/v1/photos/${upload.photoId}/complete`, { token, json: { parts } });
    expect(done.status).toBe(200);
    expect((await call('GET', `/v1/photos/${upload.photoId}/upload`, { token })).data.upload.multipart).toBeNull();
    expect(done.data.photo).toMatchObject({ status: 'uploaded', size });
    const stored = await env.PHOTOS.get(photoKeys(upload.photoId).original);
    const storedBytes = new Uint8Array(await stored!.arrayBuffer());
    expect(storedBytes.byteLength).toBe(size);
    expect(storedBytes.subarray(size - 100)).toEqual(bytes.subarray(size - 100));
  });

  it('cancels an unfinished upload by deleting the photo', async () => {
    const { token } = await signUp();
    const album = await makeAlbum(token);
    const size = MULTIPART_THRESHOLD + 1;
    const created = await call('POST', `/v1/albums/${album.id}/uploads`, { token, json: { files: [{ name: 'big.jpg', size, type: 'image/jpeg' }] } });
    const { photoId, multipart } = created.data.uploads[0];
    expect((await call('DELETE', `/v1/photos/${photoId}`, { token })).status).toBe(204);
    const late = await put(multipart.parts[0].url, jpegLikeBytes(PART_SIZE), {});
    expect(late.status).toBe(409);
    expect((await call('GET', `/v1/photos/${photoId}`, { token })).status).toBe(404);
  });
});

describe('deleting removes R2 objects', () => {
  it('album deletion removes every original', async () => {
    const { token } = await signUp();
    const album = await makeAlbum(token);
    const bytes = jpegLikeBytes(1000);
    const upload = await requestUpload(token, album.id, bytes);
    await put(upload.url, bytes, upload.headers);
    expect(await storedOriginal(upload.photoId)).not.toBeNull();
    expect((await call('DELETE', `/v1/albums/${album.id}`, { token })).status).toBe(204);
    expect(await storedOriginal(upload.photoId)).toBeNull();
    expect((await call('GET', `/v1/photos/${upload.photoId}`, { token })).status).toBe(404);
  });

  it('another workspace cannot see, complete or delete a photo', async () => {
    const a = await signUp();
    const b = await signUp();
    const album = await makeAlbum(b.token);
    const upload = await requestUpload(b.token, album.id, jpegLikeBytes(1000));
    for (const [method, path] of [['GET', ''], ['DELETE', ''], ['POST', '/complete'], ['POST', '/upload-url']] as const) {
      const res = await call(method, `/v1/photos/${upload.photoId}${path}`, { token: a.token, json: method === 'POST' ? {} : undefined });
      expect(res.status).toBe(404);
    }
  });
});
