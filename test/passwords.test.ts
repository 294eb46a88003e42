import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { passwordResets } from '../workers/db/schema/index';
import { sha256Hex } from '../workers/shared/encoding';
import { call } from './helpers/api';
import { testDb } from './helpers/credits';
import { PASSWORD, signUp, uniqueEmail } from './helpers/factories';

const login = (email: string, password = PASSWORD) => call('POST', '/v1/auth/login', { json: { email, password } });
const meStatus = async (token: string) => (await call('GET', '/v1/me', { token })).status;

/** The reset links emailed to an address, newest last (read from the outbox the email job sends). */
async function resetLinks(to: string) {
  const rows = await testDb().query.emailOutbox.findMany({ where: (e, { and, eq }) => and(eq(e.to, to), eq(e.template, 'password_reset')) });
  return rows.map((r) => new URL(/https?:\/\/\S+reset-password\?token=[\w-]+/.exec(r.text)![0]));
}

async function askReset(email: string) {
  const res = await call('POST', '/v1/auth/password-reset', { json: { email } });
  expect(res.status).toBe(202);
  return res.data;
}

const confirm = (token: string, password: string) => call('POST', '/v1/auth/password-reset/confirm', { json: { token, password } });

describe('sessions', () => {
  it('lists where the account is signed in; signing out one session stops its token only', async () => {
    const { email, token: first } = await signUp();
    const second = (await login(email)).data.token;
    const listed = await call('GET', '/v1/account/sessions', { token: second });
    expect(listed.data.sessions).toHaveLength(2);
    expect(listed.data.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);

    const firstId = listed.data.sessions.find((s: { current: boolean }) => !s.current).id;
    expect((await call('DELETE', `/v1/account/sessions/${firstId}`, { token: second })).status).toBe(204);
    expect((await call('GET', '/v1/me', { token: first })).data.error.code).toBe('INVALID_TOKEN');
    expect(await meStatus(second)).toBe(200);

    expect((await call('POST', '/v1/auth/logout', { token: second })).status).toBe(204);
    expect(await meStatus(second)).toBe(401);
  });

  it('signs out everywhere; another user\'s session cannot be ended', async () => {
    const a = await signUp();
    const b = await signUp();
    const again = (await login(a.email)).data.token;
    const bSession = (await call('GET', '/v1/account/sessions', { token: b.token })).data.sessions[0].id;
    expect((await call('DELETE', `/v1/account/sessions/${bSession}`, { token: a.token })).status).toBe(404);
    expect(await meStatus(b.token)).toBe(200);

    expect((await call('POST', '/v1/account/sign-out-everywhere', { token: a.token })).status).toBe(204);
    expect([await meStatus(a.token), await meStatus(again)]).toEqual([401, 401]);
    expect(await meStatus(b.token)).toBe(200);
  });
});

describe('password reset', () => {
  it('answers the same for an unknown address, and emails a link only to a real account', async () => {
    const { email } = await signUp();
    const stranger = uniqueEmail();
    expect(await askReset(stranger)).toEqual(await askReset(email));
    expect(await resetLinks(stranger)).toHaveLength(0);
    expect(await resetLinks(email)).toHaveLength(1);
  });

  it('sets the new password once: the old one and every session stop, the link cannot be used again', async () => {
    const { email, token: session } = await signUp();
    await askReset(email);
    const [link] = await resetLinks(email);
    const token = link!.searchParams.get('token')!;
    // Only its hash is kept.
    const stored = await testDb().select().from(passwordResets).where(eq(passwordResets.userId, (await testDb().query.users.findFirst({ where: (u, { eq }) => eq(u.email, email) }))!.id));
    expect(stored.map((r) => r.tokenHash)).toEqual([await sha256Hex(token)]);

    const done = await confirm(token, 'a brand new password');
    expect(done.status).toBe(200);
    expect(await meStatus(session)).toBe(401);
    expect((await login(email)).status).toBe(401);
    expect((await login(email, 'a brand new password')).status).toBe(200);

    const again = await confirm(token, 'yet another password');
    expect([again.status, again.data.error.code]).toEqual([401, 'INVALID_TOKEN']);
    expect((await login(email, 'a brand new password')).status).toBe(200);
  });

  it('refuses an expired link, and two uses of one link at the same moment set one password', async () => {
    const { email } = await signUp();
    await askReset(email);
    await askReset(email);
    const [late, raced] = (await resetLinks(email)).map((l) => l.searchParams.get('token')!);
    await testDb().update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResets.tokenHash, await sha256Hex(late!)));
    expect((await confirm(late!, 'a brand new password')).status).toBe(401);

    const both = await Promise.all([confirm(raced!, 'first new password'), confirm(raced!, 'second new password')]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 401]);
    const winner = both[0]!.status === 200 ? 'first new password' : 'second new password';
    expect((await login(email, winner)).status).toBe(200);
  });
});

describe('changing the password', () => {
  it('asks for the current one, then ends the other sessions and keeps this one', async () => {
    const { email, token } = await signUp();
    const other = (await login(email)).data.token;
    const wrong = await call('POST', '/v1/account/password', { token, json: { currentPassword: 'not it', newPassword: 'a brand new password' } });
    expect([wrong.status, wrong.data.error.details.fields[0].path]).toEqual([400, 'currentPassword']);
    expect(await meStatus(other)).toBe(200);

    const ok = await call('POST', '/v1/account/password', { token, json: { currentPassword: PASSWORD, newPassword: 'a brand new password' } });
    expect(ok.status).toBe(204);
    expect([await meStatus(token), await meStatus(other)]).toEqual([200, 401]);
    expect((await login(email, 'a brand new password')).status).toBe(200);
    const told = await testDb().query.emailOutbox.findMany({ where: (e, { and, eq }) => and(eq(e.to, email), eq(e.template, 'password_changed')) });
    expect(told).toHaveLength(1);
  });
});
