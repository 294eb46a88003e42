/**
 * Email verification. Sign-up emails a link that proves the address; until it is opened the
 * account can work (upload, read bibs, edit) but not sell nor buy credits, and the starter credits
 * wait for it: they are granted once per verified account (not per workspace), to its first
 * workspace, in the same transaction that marks the address verified.
 *
 * The link carries a signed token (HS256, its own audience so it can never pass as a session
 * token) naming the user and the address, valid 7 days. Opening it twice changes nothing the
 * second time: verifying is idempotent, and the grant is conditioned on this very verification.
 */
import { eq, isNull, and, sql } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { SignJWT, jwtVerify } from 'jose';
import { users, type User } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { auditInsert } from '../../core/audit';
import type { AppEnv } from '../../core/http/app-env';
import { STARTER_CREDITS } from '../../shared/billing/catalogue';
import { grantStatements } from '../billing/credit-ledger';
import type { EmailSend } from '../notifications/jobs';
import { queueEmail } from '../notifications/outbox';
import { listMemberships } from './accounts';
import type { JwtConfig } from './jwt';
import { personOf } from './principal';

const LIFETIME_S = 7 * 24 * 3600;
const ALGORITHM = 'HS256';
const keyOf = (jwt: JwtConfig) => new TextEncoder().encode(jwt.secret);
const audienceOf = (jwt: JwtConfig) => `${jwt.audience}:verify-email`;

export type VerificationMail = { db: Db; queue: Queue<EmailSend>; publicOrigin: string; jwt: JwtConfig };

/** The emailed link that verifies `user`'s current address. */
export async function verificationUrl(user: { id: string; email: string }, config: Pick<VerificationMail, 'publicOrigin' | 'jwt'>): Promise<string> {
  const token = await new SignJWT({ email: user.email })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(config.jwt.issuer)
    .setAudience(audienceOf(config.jwt))
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_S}s`)
    .sign(keyOf(config.jwt));
  return `${config.publicOrigin}/verify-email?token=${token}`;
}

async function readToken(token: string, jwt: JwtConfig): Promise<{ userId: string; email: string } | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(jwt), { algorithms: [ALGORITHM], issuer: jwt.issuer, audience: audienceOf(jwt), requiredClaims: ['exp', 'sub'] });
    return payload.sub && typeof payload.email === 'string' ? { userId: payload.sub, email: payload.email } : null;
  } catch {
    return null;
  }
}

const badLink = () => new AppError('INVALID_TOKEN', 'This confirmation link is invalid or expired; ask for a new one from the app');

/**
 * Marks the address verified and grants the starter credits to the user's first workspace, in one
 * transaction; a second opening of the link (or a concurrent one) grants nothing more.
 */
export async function verifyEmail(db: Db, token: string, jwt: JwtConfig, requestId: string): Promise<{ alreadyVerified: boolean; creditsGranted: number }> {
  const claims = await readToken(token, jwt);
  if (!claims) throw badLink();
  const user = await db.select().from(users).where(eq(users.id, claims.userId)).get();
  // The address changed since the link was sent: the link proves the old one only.
  if (!user || user.email !== claims.email) throw badLink();
  return markVerified(db, user, requestId);
}

/**
 * Marks `user`'s address verified (something emailed to it was opened: this link, or an
 * invitation) and grants the starter credits to their first workspace, once.
 */
export async function markVerified(db: Db, user: User, requestId: string): Promise<{ alreadyVerified: boolean; creditsGranted: number }> {
  if (user.emailVerifiedAt) return { alreadyVerified: true, creditsGranted: 0 };
  const now = new Date();
  const first = (await listMemberships(db, user.id))[0];
  // The grant happens only if this very statement set the timestamp (same value, same user).
  const thisVerification = sql`EXISTS (SELECT 1 FROM users WHERE id = ${user.id} AND email_verified_at = ${now.getTime()})`;
  const [marked, granted] = await db.batch([
    db.update(users).set({ emailVerifiedAt: now }).where(and(eq(users.id, user.id), isNull(users.emailVerifiedAt))),
    ...(first ? grantStatements(db, first.id, STARTER_CREDITS, 'starter', `user:${user.id}`, thisVerification) : []),
    auditInsert(db, { workspaceId: first?.id ?? null, actorUserId: user.id, action: 'user.email_verified', targetType: 'user', targetId: user.id, requestId }),
  ]);
  if (marked.meta.changes === 0) return { alreadyVerified: true, creditsGranted: 0 };
  return { alreadyVerified: false, creditsGranted: first && granted?.meta.changes === 1 ? STARTER_CREDITS : 0 };
}

/** Emails a fresh link (at most one per minute per user: the outbox key says which minute). */
export async function resendVerification(mail: VerificationMail, userId: string): Promise<'sent' | 'already_verified'> {
  const user = await mail.db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new AppError('NOT_FOUND', 'No such user');
  if (user.emailVerifiedAt) return 'already_verified';
  const minute = Math.floor(Date.now() / 60_000);
  await queueEmail(mail.db, mail.queue, `verify:${user.id}:${minute}`, user.email, { template: 'verify_email', name: user.name, verifyUrl: await verificationUrl(user, mail) });
  return 'sent';
}

/** Route middleware: selling and buying credits wait for a verified address (people only: these routes are `access.admin`). */
export const verifiedEmail = createMiddleware<AppEnv>(async (c, next) => {
  const { userId } = personOf(c.get('principal'));
  const user = await c.get('db').select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId)).get();
  if (!user?.verifiedAt) throw new AppError('EMAIL_NOT_VERIFIED', 'Confirm your email address first (the link is in the email we sent you; you can ask for a new one)');
  await next();
});
