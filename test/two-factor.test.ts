import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, recoveryCodes, twoFactorFailures, twoFactorSecrets } from '../workers/db/schema/index';
import { base32Decode, base32Encode, matchingStep, otpauthUri, totp, totpStep } from '../workers/modules/accounts/totp';
import { sha256Hex } from '../workers/shared/encoding';
import { call } from './helpers/api';
import { testDb } from './helpers/credits';
import { PASSWORD, signUp } from './helpers/factories';
import { codeFor, withTwoFactor } from './helpers/two-factor';

const login = (email: string, password = PASSWORD) => call('POST', '/v1/auth/login', { json: { email, password } });
const secondStep = (challenge: string, code: string) => call('POST', '/v1/auth/login/2fa', { json: { challenge, code } });
/** A code that is not `code` (nor, but for a one-in-a-million chance, its neighbours). */
const notThe = (code: string) => (code === '000000' ? '111111' : '000000');


async function challengeOf(email: string) {
  const res = await login(email);
  expect(res.status).toBe(200);
  expect(res.data).toEqual({ twoFactorRequired: true, challenge: expect.any(String) });
  return res.data.challenge as string;
}

const userIdOf = async (email: string) => (await testDb().query.users.findFirst({ where: (u, { eq }) => eq(u.email, email) }))!.id;

describe('TOTP (RFC 6238)', () => {
  const rfcSecret = new Uint8Array(new TextEncoder().encode('12345678901234567890'));

  it("matches the RFC's SHA-1 test vectors", async () => {
    expect(await totp(rfcSecret, Math.floor(59 / 30), 8)).toBe('94287082');
    expect(await totp(rfcSecret, Math.floor(59 / 30))).toBe('287082');
    expect(await totp(rfcSecret, Math.floor(1111111109 / 30), 8)).toBe('07081804');
    expect(await totp(rfcSecret, Math.floor(20000000000 / 30), 8)).toBe('65353130');
  });

  it('accepts one step either side of now, not two', async () => {
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) expect(await matchingStep(rfcSecret, await totp(rfcSecret, step + offset), now)).toBe(step + offset);
    for (const offset of [-2, 2]) expect(await matchingStep(rfcSecret, await totp(rfcSecret, step + offset), now)).toBeNull();
  });

  it('round-trips base32 and writes the otpauth URI apps read', () => {
    const bytes = crypto.getRandomValues(new Uint8Array(20));
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(base32Encode(rfcSecret)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(otpauthUri('marie@example.com', 'ABC')).toBe('otpauth://totp/Vitrine:marie@example.com?secret=ABC&issuer=Vitrine');
  });
});

describe('turning two-factor on', () => {
  it('gives a pending secret, turns on with a right code only, and hands out ten recovery codes stored as hashes', async () => {
    const user = await signUp();
    expect((await call('GET', '/v1/me', { token: user.token })).data.user.twoFactor).toBe(false);
    const setup = await call('POST', '/v1/account/2fa/setup', { token: user.token });
    expect(setup.data.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.data.otpauthUri).toBe(`otpauth://totp/Vitrine:${user.email}?secret=${setup.data.secret}&issuer=Vitrine`);
    // Pending: sign-in still opens a session with the password alone.
    expect(Object.keys((await login(user.email)).data)).toEqual(['token']);

    const wrong = await call('POST', '/v1/account/2fa/enable', { token: user.token, json: { code: notThe(await codeFor(setup.data.secret)) } });
    expect([wrong.status, wrong.data.error.details.fields[0].path]).toEqual([400, 'code']);
    const ok = await call('POST', '/v1/account/2fa/enable', { token: user.token, json: { code: await codeFor(setup.data.secret) } });
    expect(ok.status).toBe(200);
    expect(ok.data.recoveryCodes).toHaveLength(10);
    expect(new Set(ok.data.recoveryCodes).size).toBe(10);
    expect((await call('GET', '/v1/me', { token: user.token })).data.user.twoFactor).toBe(true);

    const userId = await userIdOf(user.email);
    const row = await testDb().query.twoFactorSecrets.findFirst({ where: (t, { eq }) => eq(t.userId, userId) });
    // At rest the secret is sealed: neither its base32 nor its bytes are in the row.
    expect(row!.secretBox).toMatch(/^v1\./);
    expect(row!.secretBox).not.toContain(setup.data.secret);
    const hashes = (await testDb().select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId))).map((r) => r.codeHash).sort();
    const expected = await Promise.all(ok.data.recoveryCodes.map((c: string) => sha256Hex(c.replace('-', ''))));
    expect(hashes).toEqual(expected.sort());

    const audited = await testDb().select().from(auditLog).where(eq(auditLog.targetId, userId));
    expect(audited.map((a) => a.action)).toContain('two_factor.enabled');
    const told = await testDb().query.emailOutbox.findMany({ where: (e, { and, eq }) => and(eq(e.to, user.email), eq(e.template, 'two_factor_changed')) });
    expect(told).toHaveLength(1);
    expect((await call('POST', '/v1/account/2fa/setup', { token: user.token })).data.error.code).toBe('TWO_FACTOR_ALREADY_ON');
  });
});

describe('signing in with two-factor on', () => {
  it('answers a challenge instead of a session, and the code opens the session', async () => {
    const user = await withTwoFactor();
    const challenge = await challengeOf(user.email);
    // The challenge is no session token.
    expect((await call('GET', '/v1/me', { token: challenge })).status).toBe(401);
    const done = await secondStep(challenge, await codeFor(user.secret, 1));
    expect(done.status).toBe(200);
    expect(Object.keys(done.data)).toEqual(['token']);
    expect((await call('GET', '/v1/me', { token: done.data.token })).data.user.twoFactor).toBe(true);
  });

  it('refuses a wrong code, a used code (replay) and a forged challenge', async () => {
    const user = await withTwoFactor();
    const challenge = await challengeOf(user.email);
    const wrong = await secondStep(challenge, notThe(await codeFor(user.secret, 1)));
    expect([wrong.status, wrong.data.error.code]).toEqual([401, 'INVALID_CODE']);
    // The code used to turn two-factor on cannot be used again, nor can the one that signs in.
    expect((await secondStep(challenge, await codeFor(user.secret))).data.error.code).toBe('INVALID_CODE');
    const next = await codeFor(user.secret, 1);
    expect((await secondStep(challenge, next)).status).toBe(200);
    expect((await secondStep(challenge, next)).data.error.code).toBe('INVALID_CODE');
    const forged = await secondStep(`${challenge.slice(0, -4)}AAAA`, await codeFor(user.secret, 1));
    expect([forged.status, forged.data.error.code]).toEqual([401, 'INVALID_TOKEN']);
  });

  it('accepts the code of the step before now (a slow phone clock)', async () => {
    const user = await signUp();
    const { secret } = (await call('POST', '/v1/account/2fa/setup', { token: user.token })).data;
    expect((await call('POST', '/v1/account/2fa/enable', { token: user.token, json: { code: await codeFor(secret, -1) } })).status).toBe(200);
    expect((await secondStep(await challengeOf(user.email), await codeFor(secret, 1))).status).toBe(200);
  });

  it('takes a recovery code once', async () => {
    const user = await withTwoFactor();
    const [code] = user.recovery;
    expect((await secondStep(await challengeOf(user.email), code!.toUpperCase())).status).toBe(200);
    const again = await secondStep(await challengeOf(user.email), code!);
    expect([again.status, again.data.error.code]).toEqual([401, 'INVALID_CODE']);
    expect((await secondStep(await challengeOf(user.email), user.recovery[1]!)).status).toBe(200);
  });

  it('locks code checks after five wrong codes until the window passes', async () => {
    const user = await withTwoFactor();
    const challenge = await challengeOf(user.email);
    const right = await codeFor(user.secret, 1);
    for (let i = 0; i < 5; i++) expect((await secondStep(challenge, notThe(right))).status).toBe(401);
    const locked = await secondStep(challenge, right);
    expect([locked.status, locked.data.error.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    expect(locked.data.error.message).toMatch(/Too many wrong codes/);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(800);
    expect((await secondStep(challenge, user.recovery[0]!)).status).toBe(429);

    // Fifteen minutes later (the failures' clock moved back), the right code works.
    await testDb().update(twoFactorFailures).set({ createdAt: new Date(Date.now() - 16 * 60_000) }).where(eq(twoFactorFailures.userId, await userIdOf(user.email)));
    expect((await secondStep(challenge, right)).status).toBe(200);
  });

  it('leaves users without two-factor with `{ token }`', async () => {
    const user = await signUp();
    const res = await login(user.email);
    expect(res.status).toBe(200);
    expect(Object.keys(res.data)).toEqual(['token']);
  });
});

describe('turning two-factor off and new recovery codes', () => {
  it('needs the password and a code; then sign-in asks for the password only', async () => {
    const user = await withTwoFactor();
    const code = await codeFor(user.secret, 1);
    const badPassword = await call('POST', '/v1/account/2fa/disable', { token: user.token, json: { password: 'not the password', code } });
    expect([badPassword.status, badPassword.data.error.details.fields[0].path]).toEqual([400, 'password']);
    const badCode = await call('POST', '/v1/account/2fa/disable', { token: user.token, json: { password: PASSWORD, code: notThe(code) } });
    expect([badCode.status, badCode.data.error.details.fields[0].path]).toEqual([400, 'code']);
    expect((await call('POST', '/v1/account/2fa/disable', { token: user.token, json: { password: PASSWORD, code } })).status).toBe(204);

    expect(Object.keys((await login(user.email)).data)).toEqual(['token']);
    expect((await call('GET', '/v1/me', { token: user.token })).data.user.twoFactor).toBe(false);
    const userId = await userIdOf(user.email);
    expect(await testDb().select().from(twoFactorSecrets).where(eq(twoFactorSecrets.userId, userId))).toEqual([]);
    expect(await testDb().select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId))).toEqual([]);
    const audited = await testDb().select().from(auditLog).where(eq(auditLog.targetId, userId));
    expect(audited.map((a) => a.action)).toContain('two_factor.disabled');
    const again = await call('POST', '/v1/account/2fa/disable', { token: user.token, json: { password: PASSWORD, code } });
    expect([again.status, again.data.error.code]).toEqual([409, 'TWO_FACTOR_OFF']);
  });

  it('replaces the recovery codes for a right code: the old ones stop working', async () => {
    const user = await withTwoFactor();
    const res = await call('POST', '/v1/account/2fa/recovery-codes', { token: user.token, json: { code: await codeFor(user.secret, 1) } });
    expect(res.status).toBe(200);
    expect(res.data.recoveryCodes).toHaveLength(10);
    expect((await secondStep(await challengeOf(user.email), user.recovery[0]!)).status).toBe(401);
    expect((await secondStep(await challengeOf(user.email), res.data.recoveryCodes[0])).status).toBe(200);
  });

  it('is for people only: API keys never reach it', async () => {
    const { token } = await signUp();
    expect((await call('POST', '/v1/account/2fa/setup')).status).toBe(401);
    expect((await call('POST', '/v1/account/2fa/enable', { token, json: { code: '123456' } })).data.error.code).toBe('TWO_FACTOR_OFF');
  });
});
