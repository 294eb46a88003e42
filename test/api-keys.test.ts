import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call } from './helpers/api';
import { makeAlbum, makeApiKey, signUp } from './helpers/factories';

describe('API keys', () => {
  it('shows the key once and stores only its hash', async () => {
    const { token } = await signUp();
    const created = await makeApiKey(token, ['albums:read']);
    expect(created.key).toMatch(/^vt_live_[0-9A-Za-z]{36}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);

    const list = await call('GET', '/v1/api-keys', { token });
    expect(list.data.apiKeys).toEqual([expect.objectContaining({ id: created.id, prefix: created.prefix, scopes: ['albums:read'] })]);
    expect(JSON.stringify(list.data)).not.toContain(created.key);
    const row = await env.DB.prepare('select * from api_keys where id = ?').bind(created.id).first();
    expect(JSON.stringify(row)).not.toContain(created.key);
  });

  it('authenticates on /v1 within its scopes and records last use', async () => {
    const { token, workspace } = await signUp();
    const { key, id } = await makeApiKey(token, ['albums:read']);
    const read = await call('GET', '/v1/albums', { token: key });
    expect(read.status).toBe(200);
    const write = await call('POST', '/v1/albums', { token: key, json: { title: 'Nope' } });
    expect(write.status).toBe(403);
    expect(write.data.error.code).toBe('INSUFFICIENT_SCOPE');
    const me = await call('GET', '/v1/me', { token: key });
    expect(me.data).toMatchObject({ workspaceId: workspace.id, apiKey: { id } });
    const listed = await call('GET', '/v1/api-keys', { token });
    expect(listed.data.apiKeys[0].lastUsedAt).not.toBeNull();
  });

  it('stops working once revoked', async () => {
    const { token } = await signUp();
    const { key, id } = await makeApiKey(token, ['albums:read']);
    expect((await call('DELETE', `/v1/api-keys/${id}`, { token })).status).toBe(204);
    const res = await call('GET', '/v1/albums', { token: key });
    expect(res.status).toBe(401);
    expect(res.data.error.code).toBe('INVALID_API_KEY');
    expect((await call('GET', '/v1/api-keys', { token })).data.apiKeys).toEqual([]);
  });

  it('rejects a key with a broken checksum before any lookup', async () => {
    const { token } = await signUp();
    const { key } = await makeApiKey(token, ['albums:read']);
    const flipped = key.slice(0, 12) + (key[12] === 'a' ? 'b' : 'a') + key.slice(13);
    const res = await call('GET', '/v1/albums', { token: flipped });
    expect(res.status).toBe(401);
    expect(res.data.error.message).toMatch(/malformed/);
  });

  it('cannot be managed with an API key, nor across workspaces', async () => {
    const a = await signUp();
    const b = await signUp();
    const { key } = await makeApiKey(a.token, ['albums:read', 'albums:write', 'photos:read', 'photos:write']);
    expect((await call('POST', '/v1/api-keys', { token: key, json: { name: 'x', scopes: ['albums:read'] } })).status).toBe(403);
    const other = await makeApiKey(b.token, ['albums:read']);
    const res = await call('DELETE', `/v1/api-keys/${other.id}`, { token: a.token });
    expect(res.status).toBe(404);
    expect((await call('GET', '/v1/albums', { token: other.key })).status).toBe(200);
  });

  it('only sees its own workspace', async () => {
    const a = await signUp();
    const b = await signUp();
    const album = await makeAlbum(b.token);
    const { key } = await makeApiKey(a.token, ['albums:read']);
    expect((await call('GET', `/v1/albums/${album.id}`, { token: key })).status).toBe(404);
  });

  it('refuses unknown scopes', async () => {
    const { token } = await signUp();
    const res = await call('POST', '/v1/api-keys', { token, json: { name: 'x', scopes: ['admin:everything'] } });
    expect(res.status).toBe(400);
  });
});
