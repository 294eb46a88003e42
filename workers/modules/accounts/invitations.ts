/**
 * Invitations: an admin invites an address with a role; the emailed link (32 random bytes, stored
 * only as their SHA-256, valid 7 days) lets the account with that address join, once. A newer
 * invitation of the same address replaces the older one; an admin can cancel one.
 */
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { invitations, memberships, users, workspaces, type InvitedRole } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { auditInsert } from '../../core/audit';
import { newId } from '../../shared/ids';
import { sha256Hex, toBase64Url } from '../../shared/encoding';
import { ROLES } from '../../shared/roles';
import type { EmailSend } from '../notifications/jobs';
import { outboxInsert, sendQueued } from '../notifications/outbox';
import { markVerified } from './email-verification';
import type { Acting } from './members';

const TTL_MS = 7 * 24 * 3600_000;

type Mail = { db: Db; queue: Queue<EmailSend>; publicOrigin: string };

const open = (now: Date) => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));
const pendingView = (i: Pick<typeof invitations.$inferSelect, 'id' | 'email' | 'role' | 'expiresAt' | 'createdAt'>) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt, createdAt: i.createdAt });

export async function invite(mail: Mail, actor: Acting, email: string, role: InvitedRole) {
  const { db } = mail;
  const [workspace, inviter, member] = await Promise.all([
    db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, actor.workspaceId)).get(),
    db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId)).get(),
    db.select({ id: users.id }).from(users).innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.workspaceId, actor.workspaceId))).where(eq(users.email, email)).get(),
  ]);
  if (member) throw new AppError('ALREADY_MEMBER', 'This person is already a member of the workspace');
  const token = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  const tokenHash = await sha256Hex(token);
  const now = new Date();
  const row = { id: newId('inv'), workspaceId: actor.workspaceId, email, role, tokenHash, invitedBy: actor.userId, expiresAt: new Date(now.getTime() + TTL_MS) };
  const acceptUrl = `${mail.publicOrigin}/invite?token=${token}`;
  const letter = outboxInsert(db, `invitation:${row.id}`, email, {
    template: 'invitation', workspaceName: workspace!.name, inviterName: inviter?.name ?? 'A colleague', role: ROLES[role].label.toLowerCase(), acceptUrl, expiresAt: row.expiresAt,
  });
  const [, , inserted] = await db.batch([
    // The address's older invitations to this workspace stop working: the newest is the one.
    db.update(invitations).set({ revokedAt: now }).where(and(eq(invitations.workspaceId, actor.workspaceId), eq(invitations.email, email), open(now))),
    db.insert(invitations).values(row),
    letter.statement,
    auditInsert(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, action: 'member.invited', targetType: 'invitation', targetId: row.id, data: { email, role }, requestId: actor.requestId }),
  ]);
  await sendQueued(mail.queue, letter.id, inserted);
  return pendingView({ ...row, createdAt: now });
}

export async function listInvitations(db: Db, workspaceId: string) {
  const rows = await db.select().from(invitations).where(and(eq(invitations.workspaceId, workspaceId), open(new Date()))).orderBy(desc(invitations.createdAt));
  return rows.map(pendingView);
}

export async function revokeInvitation(db: Db, actor: Acting, id: string) {
  const [revoked] = await db.batch([
    db.update(invitations).set({ revokedAt: new Date() }).where(and(eq(invitations.id, id), eq(invitations.workspaceId, actor.workspaceId), open(new Date()))),
    auditInsert(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, action: 'member.invitation_revoked', targetType: 'invitation', targetId: id, requestId: actor.requestId }),
  ]);
  if (revoked.meta.changes === 0) throw notFound();
}

const notFound = () => new AppError('INVITATION_NOT_FOUND', 'This invitation is unknown, used, cancelled or expired; ask for a new one');

async function openInvitation(db: Db, token: string) {
  const row = await db
    .select({ invitation: invitations, workspaceName: workspaces.name, workspaceKind: workspaces.kind, inviterName: users.name })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.tokenHash, await sha256Hex(token)), open(new Date())))
    .get();
  if (!row) throw notFound();
  return row;
}

/** What the invitation page shows before anyone signs in (the link is the credential). */
export async function peekInvitation(db: Db, token: string) {
  const { invitation, workspaceName, workspaceKind, inviterName } = await openInvitation(db, token);
  const account = await db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email)).get();
  return { workspace: { name: workspaceName, kind: workspaceKind }, invitedBy: inviterName, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, accountExists: Boolean(account) };
}

/**
 * The signed-in user joins with the link meant for their address, once: the invitation is spent
 * and the membership written in one transaction, the membership only if this very call spent it.
 */
export async function acceptInvitation(db: Db, user: { userId: string; requestId: string }, token: string) {
  const { invitation } = await openInvitation(db, token);
  const account = await db.select().from(users).where(eq(users.id, user.userId)).get();
  if (!account || account.email !== invitation.email) {
    throw new AppError('INVITATION_FOR_ANOTHER_EMAIL', `This invitation is for ${invitation.email}: sign in with that address`);
  }
  const now = new Date();
  const spentByMe = sql`EXISTS (SELECT 1 FROM invitations WHERE id = ${invitation.id} AND accepted_by = ${user.userId} AND accepted_at = ${now.getTime()})`;
  const [spent] = await db.batch([
    db.update(invitations).set({ acceptedAt: now, acceptedBy: user.userId }).where(and(eq(invitations.id, invitation.id), open(now))),
    db.insert(memberships)
      .select(sql`SELECT ${invitation.workspaceId}, ${user.userId}, ${invitation.role}, ${now.getTime()} WHERE ${spentByMe}`)
      .onConflictDoNothing(),
  ]);
  if (spent.meta.changes === 0) throw notFound();
  // The link was emailed to this address and opened: that confirms it, as the confirmation link would.
  await markVerified(db, account, user.requestId);
  // After, so a losing second use records nothing.
  await auditInsert(db, { workspaceId: invitation.workspaceId, actorUserId: user.userId, action: 'member.joined', targetType: 'invitation', targetId: invitation.id, data: { role: invitation.role }, requestId: user.requestId });
  return { workspaceId: invitation.workspaceId, role: invitation.role };
}
