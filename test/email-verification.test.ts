import { describe, expect, it } from 'vitest';
import { STARTER_CREDITS } from '../workers/shared/billing/catalogue';
import { call } from './helpers/api';
import { testDb } from './helpers/credits';
import { signUp, verificationLinks, verifyEmail } from './helpers/factories';

const balanceOf = async (token: string, workspaceId?: string) =>
  (await call('GET', '/v1/credits', { token, headers: workspaceId ? { 'X-Workspace-Id': workspaceId } : {} })).data.balance as number;
const starterRows = (workspaceId: string) =>
  testDb().query.creditLedger.findMany({ where: (l, { and, eq }) => and(eq(l.workspaceId, workspaceId), eq(l.reason, 'starter')) });
const confirm = (token: string | null) => call('POST', '/v1/auth/verify-email', { json: { token } });

describe('email verification', () => {
  it('an unconfirmed account works but cannot buy credits nor sell, and holds no free credits yet', async () => {
    const { token, workspace } = await signUp('events', { verified: false });
    expect((await call('GET', '/v1/me', { token })).data.user.emailVerified).toBe(false);
    expect(await balanceOf(token)).toBe(0);
    expect(await starterRows(workspace.id)).toHaveLength(0);

    const buy = await call('POST', '/v1/billing/credits', { token, json: { pack: 'credits_100' } });
    expect(buy.status).toBe(403);
    expect(buy.data.error.code).toBe('EMAIL_NOT_VERIFIED');
    const subscribe = await call('POST', '/v1/billing/subscription', { token, json: { plan: 'starter_monthly' } });
    expect(subscribe.data.error.code).toBe('EMAIL_NOT_VERIFIED');
    const sell = await call('POST', '/v1/payouts/onboarding', { token });
    expect(sell.status).toBe(403);
    expect(sell.data.error.code).toBe('EMAIL_NOT_VERIFIED');
    // Working is not gated: an album can be made.
    expect((await call('POST', '/v1/albums', { token, json: { title: 'Trail 2026', visibility: 'public' } })).status).toBe(201);
  });

  it('the emailed link confirms the address and grants the starter credits once; opening it again grants nothing', async () => {
    const { email, token, workspace } = await signUp('events', { verified: false });
    expect(await verifyEmail(email)).toEqual({ alreadyVerified: false, creditsGranted: STARTER_CREDITS });
    expect((await call('GET', '/v1/me', { token })).data.user.emailVerified).toBe(true);
    expect(await balanceOf(token)).toBe(STARTER_CREDITS);

    expect(await verifyEmail(email)).toEqual({ alreadyVerified: true, creditsGranted: 0 });
    expect(await balanceOf(token)).toBe(STARTER_CREDITS);
    expect(await starterRows(workspace.id)).toHaveLength(1);
    expect((await call('POST', '/v1/billing/credits', { token, json: { pack: 'credits_100' } })).status).toBe(201);
  });

  it('ten concurrent openings of the link grant the credits exactly once', async () => {
    const { email, token, workspace } = await signUp('events', { verified: false });
    const [link] = await verificationLinks(email);
    const answers = await Promise.all(Array.from({ length: 10 }, () => confirm(link!.searchParams.get('token'))));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.data.creditsGranted === STARTER_CREDITS)).toHaveLength(1);
    expect(await balanceOf(token)).toBe(STARTER_CREDITS);
    expect(await starterRows(workspace.id)).toHaveLength(1);
  });

  it('free credits are per account, not per workspace: a second workspace starts at zero', async () => {
    const { token, workspace } = await signUp();
    const created = await call('POST', '/v1/workspaces', { token, json: { name: 'Second studio', kind: 'realestate' } });
    expect(created.status).toBe(201);
    expect(await balanceOf(token, created.data.workspace.id)).toBe(0);
    expect(await balanceOf(token, workspace.id)).toBe(STARTER_CREDITS);
  });

  it('refuses a forged, tampered or session token as a confirmation link', async () => {
    const { email, token } = await signUp('events', { verified: false });
    const [link] = await verificationLinks(email);
    const real = link!.searchParams.get('token')!;
    for (const bad of [`${real.slice(0, -4)}AAAA`, token, 'x'.repeat(40)]) {
      const res = await confirm(bad);
      expect(res.status).toBe(401);
      expect(res.data.error.code).toBe('INVALID_TOKEN');
    }
    expect((await confirm('short')).status).toBe(400);
    expect(await balanceOf(token)).toBe(0);
  });

  it('asking for a new link emails one that works; once confirmed the answer says so', async () => {
    const { email, token } = await signUp('events', { verified: false });
    const resend = await call('POST', '/v1/account/verification-email', { token });
    expect(resend.status).toBe(202);
    const links = await verificationLinks(email);
    expect(links).toHaveLength(2);
    expect((await confirm(links[1]!.searchParams.get('token'))).data.creditsGranted).toBe(STARTER_CREDITS);
    const again = await call('POST', '/v1/account/verification-email', { token });
    expect(again.data.message).toMatch(/already confirmed/);
    expect(await verificationLinks(email)).toHaveLength(2);
  });
});
