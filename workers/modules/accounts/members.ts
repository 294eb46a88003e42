/**
 * A workspace's members and their roles (ROLES in workers/shared/roles.ts says what each may do).
 * Every change that could leave a workspace without an owner is one conditional statement: it
 * applies only if another owner remains when it runs, so two owners leaving at the same moment
 * cannot both succeed.
 */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { memberships, twoFactorSecrets, users, workspaces, type MemberRole } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { auditInsert } from '../../core/audit';
import { holds } from '../../shared/roles';

export type Acting = { workspaceId: string; userId: string; role: MemberRole; requestId: string };

/** The members, oldest first, with their name, email and role. */
export async function listMembers(db: Db, workspaceId: string) {
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt, twoFactorAt: twoFactorSecrets.enabledAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(twoFactorSecrets, eq(twoFactorSecrets.userId, users.id))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.createdAt), asc(users.id));
  return rows.map(({ twoFactorAt, ...m }) => ({ ...m, twoFactor: Boolean(twoFactorAt) }));
}

/** Whether the workspace asks every member for two-factor (the team screen shows it). */
export async function twoFactorRule(db: Db, workspaceId: string) {
  const row = await db.select({ required: workspaces.requireTwoFactor }).from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  return row?.required ?? false;
}

/**
 * The owner asks every member to use two-factor (or stops asking). They must use it themselves
 * first: otherwise the rule would shut them out of their own workspace. Members without it keep
 * their membership and reach only their account until they turn it on.
 */
export async function setTwoFactorRule(db: Db, actor: Acting, required: boolean) {
  if (required) {
    const own = await db.select({ at: twoFactorSecrets.enabledAt }).from(twoFactorSecrets).where(eq(twoFactorSecrets.userId, actor.userId)).get();
    if (!own?.at) throw new AppError('TWO_FACTOR_OFF', 'Turn on two-factor authentication for yourself first, in your account settings');
  }
  await db.batch([
    db.update(workspaces).set({ requireTwoFactor: required }).where(eq(workspaces.id, actor.workspaceId)),
    auditInsert(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, action: required ? 'workspace.two_factor_required' : 'workspace.two_factor_optional', targetType: 'workspace', targetId: actor.workspaceId, requestId: actor.requestId }),
  ]);
}

async function memberOf(db: Db, workspaceId: string, userId: string) {
  const row = await db.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))).get();
  if (!row) throw new AppError('MEMBER_NOT_FOUND', 'No such member in this workspace');
  return row;
}

/** True while the workspace has an owner other than `userId` (the condition of every change that removes one). */
const anotherOwner = (workspaceId: string, userId: string) =>
  sql`EXISTS (SELECT 1 FROM memberships WHERE workspace_id = ${workspaceId} AND role = 'owner' AND user_id != ${userId})`;

const lastOwner = () => new AppError('LAST_OWNER', 'A workspace keeps at least one owner: make someone else owner first');

/** Only an owner touches an owner, or makes one. */
function mayChange(actor: Acting, currentRole: MemberRole, nextRole: MemberRole | null) {
  if ((currentRole === 'owner' || nextRole === 'owner') && !holds(actor.role, 'owner')) {
    throw new AppError('FORBIDDEN', 'Only a workspace owner can change an owner or make one');
  }
}

export async function changeRole(db: Db, actor: Acting, userId: string, role: MemberRole) {
  const member = await memberOf(db, actor.workspaceId, userId);
  mayChange(actor, member.role, role);
  if (member.role === role) return;
  const target = and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId));
  const changed = await db.update(memberships).set({ role }).where(member.role === 'owner' ? and(target, anotherOwner(actor.workspaceId, userId)) : target);
  if (changed.meta.changes === 0) throw lastOwner();
  // After, so a refused change records nothing.
  await auditInsert(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, action: 'member.role_changed', targetType: 'user', targetId: userId, data: { from: member.role, to: role }, requestId: actor.requestId });
}

/** Removes a member, or the caller themself (leaving): never the last owner. */
export async function removeMember(db: Db, actor: Acting, userId: string) {
  const member = await memberOf(db, actor.workspaceId, userId);
  if (userId !== actor.userId) mayChange(actor, member.role, null);
  const target = and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId));
  const removed = await db.delete(memberships).where(member.role === 'owner' ? and(target, anotherOwner(actor.workspaceId, userId)) : target);
  if (removed.meta.changes === 0) throw lastOwner();
  await auditInsert(db, {
    workspaceId: actor.workspaceId, actorUserId: actor.userId, action: userId === actor.userId ? 'member.left' : 'member.removed',
    targetType: 'user', targetId: userId, data: { role: member.role }, requestId: actor.requestId,
  });
}

/** The owner hands ownership to another member and stays on as an admin, in one transaction. */
export async function transferOwnership(db: Db, actor: Acting, userId: string) {
  if (userId === actor.userId) throw new AppError('VALIDATION_ERROR', 'Choose another member to make owner');
  await memberOf(db, actor.workspaceId, userId);
  const inWorkspace = eq(memberships.workspaceId, actor.workspaceId);
  await db.batch([
    db.update(memberships).set({ role: 'owner' }).where(and(inWorkspace, eq(memberships.userId, userId))),
    db.update(memberships).set({ role: 'admin' }).where(and(inWorkspace, eq(memberships.userId, actor.userId), ne(memberships.userId, userId))),
    auditInsert(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, action: 'member.ownership_transferred', targetType: 'user', targetId: userId, requestId: actor.requestId }),
  ]);
}
