import { describe, expect, it } from 'vitest';
import { call, testEnv } from './helpers/api';
import { makeAlbum, signUp } from './helpers/factories';
import { image, uploadPhoto, waitForPhoto } from './helpers/photos';

describe('gallery links unfurl (/e/:slug)', () => {
  it('serves the app shell with the album title, description and preview image', async () => {
    const { token } = await signUp('brand');
    const album = await makeAlbum(token, { title: 'Trail <des> Cimes', visibility: 'public', location: 'Chamonix' });
    await waitForPhoto(token, await uploadPhoto(token, album.id, image('orientation1')));
    const res = await call('GET', `/e/${album.slug}`);
    expect(res.status).toBe(200);
    expect(res.data).toContain('<title>Trail &lt;des&gt; Cimes — Vitrine</title>');
    expect(res.data).toContain('<meta property="og:title" content="Trail &#60;des&#62; Cimes">');
    expect(res.data).toMatch(/og:description" content="1 photo · Chamonix/);
    expect(res.data).toMatch(/og:image" content="http:\/\/vitrine\.test\/v1\/public\/photos\/pho_\w+\/web\.webp\?v=1"/);
    expect(res.data).toContain('<div id="root">');
  });

  it('tells nothing about private albums', async () => {
    const { token } = await signUp('brand');
    const album = await makeAlbum(token, { title: 'Secret Shoot', visibility: 'private' });
    const res = await call('GET', `/e/${album.slug}`);
    expect(res.status).toBe(200);
    expect(res.data).not.toContain('Secret Shoot');
    expect(res.data).not.toContain('og:title');
  });
});

describe('CORS for the web app on another origin', () => {
  const env = { ...testEnv, APP_ORIGINS: 'https://app.vitrine.example, https://preview.vitrine.example' } as Env;
  const preflight = (origin: string) =>
    call('OPTIONS', '/v1/albums', { env, headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' } });

  it('allows the configured origins and exposes ETag for multipart uploads', async () => {
    const res = await preflight('https://app.vitrine.example');
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://app.vitrine.example');
    const get = await call('GET', '/health', { env, headers: { Origin: 'https://app.vitrine.example' } });
    expect(get.status).toBe(200);
    const api = await call('GET', '/v1/public/albums/nope', { env, headers: { Origin: 'https://app.vitrine.example' } });
    expect(api.headers.get('Access-Control-Expose-Headers')).toContain('ETag');
  });

  it('refuses any other origin', async () => {
    const res = await preflight('https://evil.example');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
