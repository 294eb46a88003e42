import { and, asc, eq } from 'drizzle-orm';
import { memberships, sessions, twoFactorSecrets, users, workspaces, type User, type Workspace } from '../../db/schema/index';
import type { LoginBody, RegisterBody, TwoFactorLoginBody } from '../../shared/schemas/auth';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { isUniqueViolation } from '../../core/db/errors';
import { newId } from '../../shared/ids';
import { signTwoFactorChallenge, verifyTwoFactorChallenge, type JwtConfig } from './jwt';
import { openSession, sessionRow, sessionToken } from './sessions';
import { verificationUrl } from './email-verification';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password';
import { auditInsert } from '../../core/audit';
import type { Config } from '../../core/config';
import type { EmailSend } from '../notifications/jobs';
import { outboxInsert, sendQueued } from '../notifications/outbox';
import { activeSecret, twoFactorOn } from './two-factor';
import { checkSecondFactor } from './two-factor-codes';

export const publicUser = (u: User, twoFactor = false) => ({ id: u.id, email: u.email, name: u.name, emailVerified: u.emailVerifiedAt !== null, twoFactor, createdAt: u.createdAt });
export const publicWorkspace = (w: Workspace) => ({ id: w.id, name: w.name, kind: w.kind, createdAt: w.createdAt });

/**
 * Creates the user, their first workspace, the owner membership and the welcome email (outbox)
 * together, or nothing: no account without its email, no email for an account that failed.
 */
export async function register(
  db: Db,
  emailQueue: Queue<EmailSend>,
  input: RegisterBody,
  config: Pick<Config, 'jwt' | 'publicOrigin'>,
  context: { requestId: string; userAgent: string | undefined },
) {
  const { requestId } = context;
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
  if (existing) throw new AppError('EMAIL_TAKEN', 'An account with this email already exists');

  const userId = newId('usr');
  const workspaceId = newId('wsp');
  const passwordHash = await hashPassword(input.password);
  const session = sessionRow(userId, context.userAgent);
  const verifyUrl = await verificationUrl({ id: userId, email: input.email }, config);
  const welcome = outboxInsert(db, `welcome:${userId}`, input.email, { template: 'welcome', name: input.name, verifyUrl });
  let results: { meta: { changes: number } }[];
  try {
    results = await db.batch([
      welcome.statement,
      db.insert(users).values({ id: userId, email: input.email, name: input.name, passwordHash }),
      db.insert(workspaces).values({ id: workspaceId, ...input.workspace }),
      db.insert(memberships).values({ workspaceId, userId, role: 'owner' }),
      db.insert(sessions).values(session),
      auditInsert(db, { workspaceId, actorUserId: userId, action: 'user.registered', targetType: 'user', targetId: userId, requestId }),
    ]);
  } catch (err) {
    // Two sign-ups with one email at the same moment: the unique index decides.
    if (isUniqueViolation(err)) throw new AppError('EMAIL_TAKEN', 'An account with this email already exists');
    throw err;
  }
  await sendQueued(emailQueue, welcome.id, results[0]!);
  const user = await db.select().from(users).where(eq(users.id, userId)).get();
  const workspace = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  return { token: await sessionToken(session, config.jwt), user: publicUser(user!), workspace: publicWorkspace(workspace!) };
}

/**
 * The same answer, after the same work, for an unknown email and for a wrong password. With
 * two-factor on, the right password earns a 5-minute challenge for the second step, not a session.
 */
export async function login(db: Db, input: LoginBody, jwt: JwtConfig, userAgent: string | undefined) {
  const user = await db.select().from(users).where(eq(users.email, input.email)).get();
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  // An account being deleted answers like an unknown one.
  if (!user || !ok || user.deletingSince) throw new AppError('INVALID_CREDENTIALS', 'Email or password is incorrect');
  if (await twoFactorOn(db, user.id)) return { twoFactorRequired: true as const, challenge: await signTwoFactorChallenge(user.id, jwt) };
  return { token: await openSession(db, user.id, userAgent, jwt) };
}

/** Sign-in's second step: the challenge from the password step and a TOTP or recovery code; a session. */
export async function finishTwoFactorLogin(db: Db, input: TwoFactorLoginBody, jwt: JwtConfig, userAgent: string | undefined) {
  const userId = await verifyTwoFactorChallenge(input.challenge, jwt);
  const row = userId ? await activeSecret(db, userId) : undefined;
  if (!row) throw new AppError('INVALID_TOKEN', 'This sign-in has expired; enter your email and password again');
  if (!(await checkSecondFactor(db, jwt.secret, row, input.code, { recovery: true }))) throw new AppError('INVALID_CODE', 'This code is not right; check your authenticator app and try again');
  return { token: await openSession(db, row.userId, userAgent, jwt) };
}

export async function createWorkspace(db: Db, userId: string, input: Pick<Workspace, 'name' | 'kind'>, requestId: string) {
  const workspaceId = newId('wsp');
  await db.batch([
    db.insert(workspaces).values({ id: workspaceId, ...input }),
    db.insert(memberships).values({ workspaceId, userId, role: 'owner' }),
    auditInsert(db, { workspaceId, actorUserId: userId, action: 'workspace.created', targetType: 'workspace', targetId: workspaceId, requestId }),
  ]);
  const workspace = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  return publicWorkspace(workspace!);
}

/** The workspaces a user belongs to, oldest first, with their role in each. */
export async function listMemberships(db: Db, userId: string) {
  const rows = await db
    .select({ workspace: workspaces, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(workspaces.id));
  return rows.map((r) => ({ ...publicWorkspace(r.workspace), role: r.role }));
}

export async function getUser(db: Db, userId: string) {
  return db.select().from(users).where(eq(users.id, userId)).get();
}

/**
 * The workspace a signed-in person acts in (`workspaceId`, else their first), their role, and
 * whether its two-factor rule shuts them out (the owner asks for it and they have none): one query.
 */
export async function actingMembership(db: Db, userId: string, workspaceId?: string) {
  const row = await db
    .select({ workspaceId: memberships.workspaceId, role: memberships.role, required: workspaces.requireTwoFactor, enabledAt: twoFactorSecrets.enabledAt })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .leftJoin(twoFactorSecrets, eq(twoFactorSecrets.userId, memberships.userId))
    .where(and(eq(memberships.userId, userId), workspaceId ? eq(memberships.workspaceId, workspaceId) : undefined))
    .orderBy(asc(memberships.createdAt), asc(workspaces.id))
    .get();
  return row && { workspaceId: row.workspaceId, role: row.role, twoFactorMissing: row.required && !row.enabledAt };
}
