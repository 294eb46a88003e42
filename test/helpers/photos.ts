import { inject } from 'vitest';
import { call } from './api';

/** A generated test image (see test/fixtures/generate.ts) as bytes. */
export function image(name: string): Uint8Array {
  const base64 = inject('images')[name];
  if (!base64) throw new Error(`no fixture image "${name}"`);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** The whole client flow: ask for a signed URL, PUT the bytes, complete. Returns the photo id. */
export async function uploadPhoto(token: string, albumId: string, bytes: Uint8Array, type = 'image/jpeg', name = 'IMG.jpg') {
  const created = await call('POST', `/v1/albums/${albumId}/uploads`, { token, json: { files: [{ name, size: bytes.byteLength, type }] } });
  if (created.status !== 201) throw new Error(`upload request failed: ${JSON.stringify(created.data)}`);
  const upload = created.data.uploads[0];
  const put = await call('PUT', upload.url, { body: bytes, headers: { ...upload.headers, 'Content-Length': String(bytes.byteLength) } });
  if (put.status !== 200) throw new Error(`PUT failed: ${JSON.stringify(put.data)}`);
  const done = await call('POST', `/v1/photos/${upload.photoId}/complete`, { token });
  if (done.status !== 200) throw new Error(`complete failed: ${JSON.stringify(done.data)}`);
  return upload.photoId as string;
}

const FINAL = ['ready', 'rejected', 'failed'];

/** Polls until the pipeline (the real queue consumer) has finished with the photo. */
export async function waitForPhoto(token: string, photoId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await call('GET', `/v1/photos/${photoId}`, { token });
    if (FINAL.includes(res.data.photo?.status)) return res.data.photo;
    if (Date.now() > deadline) throw new Error(`photo ${photoId} still ${res.data.photo?.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Polls until bib/plate reading has finished for a ready photo. */
export async function waitForRecognition(token: string, photoId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data } = await call('GET', `/v1/photos/${photoId}`, { token });
    if (['done', 'skipped', 'failed'].includes(data.photo?.recognition?.status)) return data.photo;
    if (Date.now() > deadline) throw new Error(`photo ${photoId} recognition still ${JSON.stringify(data.photo?.recognition)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
