import { env } from 'cloudflare:workers';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { call } from './helpers/api';
import { PASSWORD, signUp, uniqueEmail } from './helpers/factories';
import { freshLimiterWindow } from './helpers/wait';

const secret = new TextEncoder().encode(env.JWT_SECRET);

describe('POST /v1/auth/register', () => {
  it('creates the user, an owned workspace and returns a working token', async () => {
    const email = uniqueEmail();
    const res = await call('POST', '/v1/auth/register', {
      json: { email: `  ${email.toUpperCase()} `, password: PASSWORD, name: 'Marie', workspace: { name: 'Marie Photo', kind: 'events' } },
    });
    expect(res.status).toBe(201);
    expect(res.data.user).toMatchObject({ email, name: 'Marie', id: expect.stringMatching(/^usr_[a-z2-7]{26}$/) });
    expect(res.data.workspace).toMatchObject({ name: 'Marie Photo', kind: 'events', id: expect.stringMatching(/^wsp_/) });
    expect(res.data.user).not.toHaveProperty('passwordHash');

    const me = await call('GET', '/v1/me', { token: res.data.token });
    expect(me.status).toBe(200);
    expect(me.data.workspaces).toEqual([expect.objectContaining({ id: res.data.workspace.id, role: 'owner' })]);
  });

  it('stores a salted PBKDF2 hash, never the password', async () => {
    const a = await signUp();
    const b = await signUp();
    const rows = await env.DB.prepare('select password_hash as h from users where id in (?, ?)').bind(a.user.id, b.user.id).all<{ h: string }>();
    const [h1, h2] = rows.results.map((r) => r.h);
    expect(h1).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(h1).not.toContain(PASSWORD);
    expect(h1).not.toEqual(h2); // same password, different salt
  });

  it('refuses a taken email with 409 and writes nothing', async () => {
    const { email } = await signUp();
    const before = await env.DB.prepare('select count(*) as n from workspaces').first<{ n: number }>();
    const res = await call('POST', '/v1/auth/register', {
      json: { email, password: PASSWORD, name: 'Again', workspace: { name: 'Dup', kind: 'brand' } },
    });
    expect(res.status).toBe(409);
    expect(res.data.error.code).toBe('EMAIL_TAKEN');
    const after = await env.DB.prepare('select count(*) as n from workspaces').first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });

  it('lists every invalid field in a 400', async () => {
    const res = await call('POST', '/v1/auth/register', {
      json: { email: 'nope', password: 'short', name: '', workspace: { name: 'x', kind: 'boats' } },
    });
    expect(res.status).toBe(400);
    expect(res.data.error.code).toBe('VALIDATION_ERROR');
    const paths = res.data.error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'name', 'workspace.kind']));
  });

  it('answers malformed JSON with MALFORMED_JSON', async () => {
    const res = await call('POST', '/v1/auth/register', { body: '{"email":', headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.data.error.code).toBe('MALFORMED_JSON');
  });
});

describe('POST /v1/auth/login', () => {
  it('returns a token for the right password', async () => {
    const { email } = await signUp();
    const res = await call('POST', '/v1/auth/login', { json: { email, password: PASSWORD } });
    expect(res.status).toBe(200);
    expect((await call('GET', '/v1/me', { token: res.data.token })).status).toBe(200);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const { email } = await signUp();
    const wrong = await call('POST', '/v1/auth/login', { json: { email, password: 'not the password' } });
    const unknown = await call('POST', '/v1/auth/login', { json: { email: uniqueEmail(), password: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect({ ...wrong.data.error, requestId: 0 }).toEqual({ ...unknown.data.error, requestId: 0 });
  });

  it('rate-limits repeated attempts on one account', async () => {
    const { email } = await signUp();
    await freshLimiterWindow();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await call('POST', '/v1/auth/login', { json: { email, password: 'guess' } })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('GET /v1/me authentication', () => {
  const token = (build: (jwt: SignJWT) => SignJWT) =>
    build(new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('usr_x').setIssuedAt()).sign(secret);

  it('requires a bearer credential', async () => {
    const res = await call('GET', '/v1/me');
    expect(res.status).toBe(401);
    expect(res.data.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a tampered token', async () => {
    const { token: good } = await signUp();
    const [h, p, s] = good.split('.');
    const claims = JSON.parse(atob(p!.replace(/-/g, '+').replace(/_/g, '/')));
    const forged = btoa(JSON.stringify({ ...claims, sub: 'usr_someoneelse' })).replace(/=+$/, '');
    expect((await call('GET', '/v1/me', { token: `${h}.${forged}.${s}` })).data.error.code).toBe('INVALID_TOKEN');
  });

  it('refuses expired, wrong-audience and unsigned tokens', async () => {
    const expired = await token((j) => j.setIssuer('vitrine').setAudience('vitrine-api').setExpirationTime(Math.floor(Date.now() / 1000) - 60));
    const wrongAud = await token((j) => j.setIssuer('vitrine').setAudience('someone-else').setExpirationTime('1h'));
    const noExp = await token((j) => j.setIssuer('vitrine').setAudience('vitrine-api'));
    const unsigned = `${btoa('{"alg":"none"}')}.${btoa('{"sub":"usr_x","iss":"vitrine","aud":"vitrine-api"}')}.`;
    for (const t of [expired, wrongAud, noExp, unsigned]) {
      const res = await call('GET', '/v1/me', { token: t });
      expect(res.status).toBe(401);
    }
  });

  it('refuses a workspace the user is not a member of', async () => {
    const a = await signUp();
    const b = await signUp();
    const res = await call('GET', '/v1/me', { token: a.token, headers: { 'X-Workspace-Id': b.workspace.id } });
    expect(res.status).toBe(403);
  });

  it('lets a user create and switch to a second workspace', async () => {
    const a = await signUp('events');
    const created = await call('POST', '/v1/workspaces', { token: a.token, json: { name: 'Garage', kind: 'vehicles' } });
    expect(created.status).toBe(201);
    const me = await call('GET', '/v1/me', { token: a.token, headers: { 'X-Workspace-Id': created.data.workspace.id } });
    expect(me.data.workspaceId).toBe(created.data.workspace.id);
    expect(me.data.workspaces).toHaveLength(2);
  });
});
