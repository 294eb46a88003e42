/**
 * One permission test over every route of the app, enumerated from the app itself (its route
 * table and the access each route was declared with), never from a hand list: a route added
 * tomorrow is checked tomorrow, and a route that is not declared fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { accessOf, type Access } from '../workers/core/http/middleware/access';
import { app } from '../workers/core/http/app';
import { SCOPES, type Scope } from '../workers/shared/constants';
import { call } from './helpers/api';
import { makeAlbum, makeApiKey, signUp } from './helpers/factories';
import { inWorkspace, join } from './helpers/members';
import { codeFor, withTwoFactor } from './helpers/two-factor';
import { holds } from '../workers/shared/roles';

type Route = { method: string; path: string; access: Access | undefined };

/** Every (method, path) the app answers, with its declared access. App-wide middleware (`ALL`) is not a route. */
function routesOfApp(): Route[] {
  const byKey = new Map<string, Route>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue;
    const key = `${r.method} ${r.path}`;
    const route = byKey.get(key) ?? { method: r.method, path: r.path, access: undefined };
    route.access ??= accessOf(r.handler);
    byKey.set(key, route);
  }
  return [...byKey.values()];
}

const routes = routesOfApp();
const params = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
/** The path with each `:param` replaced, given the segment before it (`albums/:id` -> an album's id). */
const fill = (path: string, value: (segment: string, name: string) => string) =>
  path
    .split('/')
    .map((part, i, parts) => (part.startsWith(':') ? value(parts[i - 1] ?? '', part.slice(1)) : part))
    .join('/');
const label = (r: Route) => `${r.method} ${r.path}`;

type OpenApi = { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema; example?: unknown }> } }>>; components?: { schemas?: Record<string, Schema> } };
type Schema = { $ref?: string; example?: unknown; examples?: unknown[] };
let doc: OpenApi;

/** The documented example of a route's JSON body (routes must document one to be exercised past validation). */
function exampleBody(route: Route): unknown {
  const operation = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
  const media = operation?.requestBody?.content?.['application/json'];
  if (media?.example !== undefined) return media.example;
  let schema = media?.schema;
  if (schema?.$ref) schema = doc.components?.schemas?.[schema.$ref.split('/').at(-1)!];
  return schema?.example ?? schema?.examples?.[0];
}

describe('every route of the app', () => {
  it('is declared with its access (defineRoute), and there are many of them', () => {
    expect(routes.filter((r) => !r.access).map(label)).toEqual([]);
    expect(routes.length).toBeGreaterThan(40);
  });

  it('asks for credentials unless it is public', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.access && r.access.kind !== 'public')) {
      const res = await call(route.method, fill(route.path, () => 'x_missing'));
      if (res.status !== 401 || res.data?.error?.code !== 'UNAUTHENTICATED') failures.push(`${label(route)} -> ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses an API key lacking the scope (or any key where a person is needed)', async () => {
    const owner = await signUp();
    const keys = new Map<Scope | 'all', string>();
    const keyWithout = async (scope: Scope | 'all') => {
      if (!keys.has(scope)) keys.set(scope, (await makeApiKey(owner.token, SCOPES.filter((s) => s !== scope))).key);
      return keys.get(scope)!;
    };
    const failures: string[] = [];
    for (const route of routes) {
      const declared = route.access;
      if (declared?.kind !== 'scope' && declared?.kind !== 'user' && declared?.kind !== 'self') continue;
      const key = await keyWithout(declared.kind === 'scope' ? declared.scope : 'all');
      const res = await call(route.method, fill(route.path, () => 'x_missing'), { token: key });
      const code = declared.kind === 'scope' ? 'INSUFFICIENT_SCOPE' : 'FORBIDDEN';
      if (res.status !== 403 || res.data?.error?.code !== code) failures.push(`${label(route)} -> ${res.status} ${res.data?.error?.code}`);
    }
    expect(failures).toEqual([]);
  });

  it("refuses a person whose role is below the route's (a member on admin routes, an admin on owner routes)", async () => {
    const owner = await signUp();
    const [member, admin] = await Promise.all([signUp(), signUp()]);
    await join(owner, member, 'member');
    await join(owner, admin, 'admin');
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const declared = route.access;
      if (declared?.kind !== 'user') continue;
      for (const [who, role] of [[member, 'member'], [admin, 'admin']] as const) {
        if (holds(role, declared.role)) continue;
        checked++;
        const res = await call(route.method, fill(route.path, () => 'x_missing'), inWorkspace(who, owner.workspace.id));
        if (res.status !== 403 || res.data?.error?.code !== 'FORBIDDEN') failures.push(`${label(route)} as ${role} -> ${res.status} ${res.data?.error?.code}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  it("refuses a member without two-factor where the owner asks for it, everywhere but their own account", async () => {
    const careless = await signUp();
    const refused = await call('PUT', '/v1/workspace/two-factor-rule', { token: careless.token, json: { requireTwoFactor: true } });
    expect([refused.status, refused.data.error.code]).toEqual([409, 'TWO_FACTOR_OFF']);

    const owner = await withTwoFactor();
    const member = await signUp();
    await join(owner, member, 'admin');
    const key = (await makeApiKey(owner.token, [...SCOPES])).key;
    expect((await call('PUT', '/v1/workspace/two-factor-rule', { token: owner.token, json: { requireTwoFactor: true } })).status).toBe(200);
    const asMember = inWorkspace(member, owner.workspace.id);

    const failures: string[] = [];
    for (const route of routes) {
      const kind = route.access?.kind;
      if (kind !== 'scope' && kind !== 'user') continue;
      const res = await call(route.method, fill(route.path, () => 'x_missing'), asMember);
      if (res.status !== 403 || res.data?.error?.code !== 'TWO_FACTOR_REQUIRED') failures.push(`${label(route)} -> ${res.status} ${res.data?.error?.code}`);
    }
    // Their own account answers (without a body, so nothing changes); these three would end the test's session or membership.
    const ending = new Set(['POST /v1/auth/logout', 'POST /v1/account/sign-out-everywhere', 'DELETE /v1/membership']);
    for (const route of routes.filter((r) => r.access?.kind === 'self' && !ending.has(label(r)))) {
      const res = await call(route.method, fill(route.path, () => 'x_missing'), asMember);
      if (res.data?.error?.code === 'TWO_FACTOR_REQUIRED') failures.push(`${label(route)} (self) -> refused`);
    }
    expect(failures).toEqual([]);
    expect((await call('GET', '/v1/me', asMember)).data.twoFactorNeeded).toBe(true);
    expect((await call('GET', '/v1/albums', { token: member.token })).status, 'their own workspace asks nothing').toBe(200);
    expect((await call('GET', '/v1/albums', { token: key })).status, 'API keys are unaffected').toBe(200);
    expect((await call('GET', '/v1/members', { token: owner.token })).data).toMatchObject({ requireTwoFactor: true, members: [{ twoFactor: true }, { twoFactor: false }] });

    const setup = await call('POST', '/v1/account/2fa/setup', asMember);
    expect((await call('POST', '/v1/account/2fa/enable', { ...asMember, json: { code: await codeFor(setup.data.secret) } })).status).toBe(200);
    expect((await call('GET', '/v1/albums', asMember)).status, 'once they turn it on').toBe(200);
    expect((await call('GET', '/v1/me', asMember)).data.twoFactorNeeded).toBe(false);
  });

  describe("another workspace's ids", () => {
    let intruder: Awaited<ReturnType<typeof signUp>>;
    let owner: Awaited<ReturnType<typeof signUp>>;
    const theirs: Record<string, string> = {};

    beforeAll(async () => {
      doc = (await call('GET', '/openapi.json')).data;
      owner = await signUp();
      intruder = await signUp();
      const album = await makeAlbum(owner.token, { visibility: 'private' });
      theirs.albums = album.id;
      const uploads = await call('POST', `/v1/albums/${album.id}/uploads`, { token: owner.token, json: { files: [{ name: 'a.jpg', size: 1000, type: 'image/jpeg' }] } });
      theirs.photos = uploads.data.uploads[0].photoId;
      const pack = await call('POST', `/v1/albums/${album.id}/packs`, { token: owner.token, json: { name: 'One photo', scope: 'photo', size: 'original', amountCents: 500 } });
      theirs.packs = pack.data.pack.id;
      const tagged = await call('POST', `/v1/photos/${theirs.photos}/tags`, { token: owner.token, json: { action: 'add', value: '1234' } });
      theirs['tag-changes'] = tagged.data.change.id;
      theirs['api-keys'] = (await makeApiKey(owner.token, ['albums:read'])).id;
    });

    it('answer 404, exactly like missing ones, and change nothing', async () => {
      const failures: string[] = [];
      for (const route of routes.filter((r) => r.access && r.access.kind !== 'public' && params(r.path).length)) {
        const path = fill(route.path, (segment, name) => theirs[segment] ?? `no-owner-for-${segment}-${name}`);
        const json = ['POST', 'PUT', 'PATCH'].includes(route.method) ? (exampleBody(route) ?? {}) : undefined;
        const res = await call(route.method, path, { token: intruder.token, json });
        if (res.status !== 404) failures.push(`${label(route)} -> ${res.status} ${res.data?.error?.code ?? ''} ${path}`);
      }
      expect(failures).toEqual([]);
      expect((await call('GET', `/v1/albums/${theirs.albums}`, { token: owner.token })).status).toBe(200);
      expect((await call('GET', `/v1/photos/${theirs.photos}`, { token: owner.token })).status).toBe(200);
      expect((await call('GET', `/v1/albums/${theirs.albums}/packs`, { token: owner.token })).data.packs).toHaveLength(1);
      expect((await call('GET', '/v1/api-keys', { token: owner.token })).data.apiKeys).toHaveLength(1);
      expect((await call('GET', `/v1/albums/${theirs.albums}/tag-changes`, { token: owner.token })).data.changes[0]).toMatchObject({ undoneAt: null });
    });
  });
});

describe('rate limits are visible', () => {
  it('an authenticated answer states its policy', async () => {
    const { token } = await signUp();
    const res = await call('GET', '/v1/albums', { token });
    expect(res.headers.get('RateLimit-Policy')).toMatch(/^"api";q=\d+;w=60$/);
  });

  it('a 429 carries Retry-After and the coded error', async () => {
    // The limiter counts in fixed 60 s windows: 30 attempts pass 10 per window even when the loop
    // straddles a window's end. Address and email of this test alone.
    const ip = '10.9.9.9';
    const json = { email: `limited-${crypto.randomUUID()}@example.test`, password: 'wrong password!' };
    let res = await call('POST', '/v1/auth/login', { ip, json });
    for (let i = 0; i < 30 && res.status !== 429; i++) res = await call('POST', '/v1/auth/login', { ip, json });
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('60');
    expect(res.data.error).toMatchObject({ code: 'RATE_LIMITED' });
  });
});

describe('GET /openapi.json', () => {
  it('documents every declared, non-hidden route with its access and security', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.data.openapi).toMatch(/^3\.1/);
    const operations = Object.values(res.data.paths as OpenApi['paths']).flatMap((p) => Object.values(p)) as Record<string, unknown>[];
    expect(operations.length).toBeGreaterThan(30);
    for (const op of operations) {
      expect(op['x-access'], JSON.stringify(op).slice(0, 120)).toBeTypeOf('string');
      if (op['x-access'] !== 'public') expect(op.security).toEqual([{ bearerAuth: [] }]);
    }
  });
});
