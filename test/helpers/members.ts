import { expect } from 'vitest';
import { call } from './api';
import { testDb } from './credits';
import type { signUp } from './factories';

export type Person = Awaited<ReturnType<typeof signUp>>;

/** The invitation links emailed to an address, oldest first (read from the outbox). */
export async function invitationTokens(to: string) {
  const rows = await testDb().query.emailOutbox.findMany({ where: (e, { and, eq }) => and(eq(e.to, to), eq(e.template, 'invitation')), orderBy: (e, { asc }) => asc(e.createdAt) });
  return rows.map((r) => new URL(/https?:\/\/\S+\/invite\?token=[\w-]+/.exec(r.text)![0]).searchParams.get('token')!);
}

/** How `p` calls as a member of `workspace` (not their own first one). */
export const inWorkspace = (p: Person, workspace: string) => ({ token: p.token, headers: { 'X-Workspace-Id': workspace } });

export const accept = (p: Person, token: string) => call('POST', '/v1/invitations/accept', { token: p.token, json: { token } });

/** `owner` invites `who` with `role`, and `who` accepts through the emailed link. */
export async function join(owner: Person, who: Person, role: 'admin' | 'member' = 'member') {
  expect((await call('POST', '/v1/invitations', { token: owner.token, json: { email: who.email, role } })).status).toBe(201);
  const [token] = (await invitationTokens(who.email)).slice(-1);
  expect((await accept(who, token!)).status).toBe(200);
}
