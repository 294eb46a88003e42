import { describe, expect, it } from 'vitest';
import { STARTER_CREDITS } from '../workers/shared/billing/catalogue';
import { call } from './helpers/api';
import { testDb } from './helpers/credits';
import { signUp } from './helpers/factories';
import { accept, invitationTokens, inWorkspace, join, type Person } from './helpers/members';

const roles = async (owner: Person) =>
  Object.fromEntries(((await call('GET', '/v1/members', { token: owner.token })).data.members as { email: string; role: string }[]).map((m) => [m.email, m.role]));

describe('invitations', () => {
  it('an emailed invitation is accepted once, by the invited address only; the new member works in the workspace', async () => {
    const [owner, lea, intruder] = await Promise.all([signUp(), signUp(), signUp()]);
    const invited = await call('POST', '/v1/invitations', { token: owner.token, json: { email: lea.email.toUpperCase(), role: 'member' } });
    expect(invited.status).toBe(201);
    expect(invited.data.invitation).toMatchObject({ email: lea.email, role: 'member' });
    const [token] = await invitationTokens(lea.email);

    const preview = await call('POST', '/v1/invitations/preview', { json: { token } });
    expect(preview.data).toMatchObject({ workspace: { name: 'Test Studio', kind: 'events' }, invitedBy: 'Test Pro', email: lea.email, role: 'member', accountExists: true });

    const wrong = await accept(intruder, token!);
    expect(wrong.status).toBe(403);
    expect(wrong.data.error.code).toBe('INVITATION_FOR_ANOTHER_EMAIL');

    const [first, second] = await Promise.all([accept(lea, token!), accept(lea, token!)]);
    expect([first.status, second.status].sort()).toEqual([200, 404]);
    expect((await accept(lea, token!)).data.error.code).toBe('INVITATION_NOT_FOUND');
    expect(await roles(owner)).toEqual({ [owner.email]: 'owner', [lea.email]: 'member' });

    const album = await call('POST', '/v1/albums', { ...inWorkspace(lea, owner.workspace.id), json: { title: 'Made by Léa', visibility: 'private' } });
    expect(album.status).toBe(201);
    const listed = await call('GET', '/v1/albums', { token: owner.token });
    expect(listed.data.albums.map((a: { id: string }) => a.id)).toContain(album.data.album.id);
  });

  it('a newer invitation replaces the older; a cancelled one stops working; a member cannot be invited again', async () => {
    const [owner, lea] = await Promise.all([signUp(), signUp()]);
    await call('POST', '/v1/invitations', { token: owner.token, json: { email: lea.email } });
    const again = await call('POST', '/v1/invitations', { token: owner.token, json: { email: lea.email, role: 'admin' } });
    const [older, newer] = await invitationTokens(lea.email);
    expect((await accept(lea, older!)).status).toBe(404);
    expect((await call('GET', '/v1/members', { token: owner.token })).data.invitations).toHaveLength(1);

    expect((await call('DELETE', `/v1/invitations/${again.data.invitation.id}`, { token: owner.token })).status).toBe(204);
    expect((await accept(lea, newer!)).status).toBe(404);
    expect((await call('POST', '/v1/invitations/preview', { json: { token: newer } })).status).toBe(404);

    await join(owner, lea);
    const twice = await call('POST', '/v1/invitations', { token: owner.token, json: { email: lea.email } });
    expect(twice.status).toBe(409);
    expect(twice.data.error.code).toBe('ALREADY_MEMBER');
  });
});

it('accepting confirms an unconfirmed address (the link was emailed to it), with the starter credits on the own workspace, once', async () => {
  const [owner, sam] = await Promise.all([signUp(), signUp('events', { verified: false })]);
  await join(owner, sam);
  const me = await call('GET', '/v1/me', { token: sam.token });
  expect(me.data.user.emailVerified).toBe(true);
  expect((await call('GET', '/v1/credits', inWorkspace(sam, sam.workspace.id))).data.balance).toBe(STARTER_CREDITS);
  expect((await call('GET', '/v1/credits', { token: owner.token })).data.balance).toBe(STARTER_CREDITS);
});

describe('roles', () => {
  it('a member cannot invite, change roles or remove anyone; an admin cannot touch an owner', async () => {
    const [owner, admin, member] = await Promise.all([signUp(), signUp(), signUp()]);
    await join(owner, admin, 'admin');
    await join(owner, member);
    const asMember = inWorkspace(member, owner.workspace.id);
    const asAdmin = inWorkspace(admin, owner.workspace.id);

    for (const [method, path, json] of [
      ['POST', '/v1/invitations', { email: 'x@example.test' }],
      ['PATCH', `/v1/members/${admin.user.id}`, { role: 'member' }],
      ['DELETE', `/v1/members/${admin.user.id}`, undefined],
      ['POST', `/v1/members/${owner.user.id}/ownership`, undefined],
    ] as const) {
      const res = await call(method, path, { ...asMember, json });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await call('GET', '/v1/members', asMember)).data.invitations).toEqual([]);

    expect((await call('PATCH', `/v1/members/${owner.user.id}`, { ...asAdmin, json: { role: 'member' } })).data.error.code).toBe('FORBIDDEN');
    expect((await call('PATCH', `/v1/members/${member.user.id}`, { ...asAdmin, json: { role: 'owner' } })).data.error.code).toBe('FORBIDDEN');
    expect((await call('DELETE', `/v1/members/${owner.user.id}`, asAdmin)).data.error.code).toBe('FORBIDDEN');
    expect((await call('POST', `/v1/members/${member.user.id}/ownership`, asAdmin)).status).toBe(403);

    expect((await call('PATCH', `/v1/members/${member.user.id}`, { ...asAdmin, json: { role: 'admin' } })).status).toBe(204);
    expect((await roles(owner))[member.email]).toBe('admin');
  });

  it('a removed member loses the workspace at once; the last owner can neither leave nor step down; ownership is transferred', async () => {
    const [owner, lea] = await Promise.all([signUp(), signUp()]);
    await join(owner, lea);

    const leave = await call('DELETE', '/v1/membership', { token: owner.token });
    expect(leave.status).toBe(409);
    expect(leave.data.error.code).toBe('LAST_OWNER');
    expect((await call('PATCH', `/v1/members/${owner.user.id}`, { token: owner.token, json: { role: 'admin' } })).data.error.code).toBe('LAST_OWNER');

    expect((await call('POST', `/v1/members/${lea.user.id}/ownership`, { token: owner.token })).status).toBe(204);
    expect(await roles(owner)).toEqual({ [owner.email]: 'admin', [lea.email]: 'owner' });
    // Now an admin, the former owner cannot take it back.
    expect((await call('POST', `/v1/members/${owner.user.id}/ownership`, { token: owner.token })).status).toBe(403);

    expect((await call('DELETE', `/v1/members/${owner.user.id}`, inWorkspace(lea, owner.workspace.id))).status).toBe(204);
    const gone = await call('GET', '/v1/albums', { token: owner.token, headers: { 'X-Workspace-Id': owner.workspace.id } });
    expect(gone.status).toBe(403);
    const audit = await testDb().query.auditLog.findMany({ where: (a, { and, eq, like }) => and(eq(a.workspaceId, owner.workspace.id), like(a.action, 'member.%')) });
    expect(audit.map((a) => a.action).sort()).toEqual(['member.invited', 'member.joined', 'member.ownership_transferred', 'member.removed']);
  });

  it("the owner reads the workspace's audit log, newest first and paged; an admin cannot", async () => {
    const [owner, lea] = await Promise.all([signUp(), signUp()]);
    await join(owner, lea, 'admin');
    await call('PATCH', `/v1/members/${lea.user.id}`, { token: owner.token, json: { role: 'member' } });
    // Pages of 2 until the end: every entry once (D1 stamps rows to the second, so order within one is by id).
    const entries: { id: string; action: string; actor: { userId: string | null }; data: unknown }[] = [];
    let cursor = '';
    do {
      const page = await call('GET', `/v1/audit-log?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: owner.token });
      expect(page.status).toBe(200);
      entries.push(...page.data.entries);
      cursor = page.data.nextCursor ?? '';
    } while (cursor);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.map((e) => e.action).sort()).toEqual(['member.invited', 'member.joined', 'member.role_changed', 'user.email_verified', 'user.registered']);
    expect(entries.find((e) => e.action === 'member.role_changed')).toMatchObject({ actor: { userId: owner.user.id, name: 'Test Pro' }, targetId: lea.user.id, data: { from: 'admin', to: 'member' } });
    await call('PATCH', `/v1/members/${lea.user.id}`, { token: owner.token, json: { role: 'admin' } });
    expect((await call('GET', '/v1/audit-log', inWorkspace(lea, owner.workspace.id))).status).toBe(403);
  });

  it('two owners leaving at the same moment: one stays', async () => {
    const [owner, second] = await Promise.all([signUp(), signUp()]);
    await join(owner, second, 'admin');
    expect((await call('PATCH', `/v1/members/${second.user.id}`, { token: owner.token, json: { role: 'owner' } })).status).toBe(204);
    const [a, b] = await Promise.all([
      call('DELETE', '/v1/membership', { token: owner.token }),
      call('DELETE', '/v1/membership', inWorkspace(second, owner.workspace.id)),
    ]);
    expect([a.status, b.status].sort()).toEqual([204, 409]);
    const owners = await testDb().query.memberships.findMany({ where: (m, { and, eq }) => and(eq(m.workspaceId, owner.workspace.id), eq(m.role, 'owner')) });
    expect(owners).toHaveLength(1);
  });
});
