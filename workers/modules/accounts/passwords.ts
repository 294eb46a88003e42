/**
 * Forgotten and changed passwords. A reset is a single-use emailed link: 32 random bytes, stored
 * only as their SHA-256, valid 30 minutes, used and voided in the same transaction that sets the
 * new password and ends every session. Asking for one answers the same whether or not the
 * address has an account (the work itself runs after the answer).
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { passwordResets, users } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { auditInsert } from '../../core/audit';
import { sha256Hex, toBase64Url } from '../../shared/encoding';
import type { EmailSend } from '../notifications/jobs';
import { outboxInsert, queueEmail, sendQueued } from '../notifications/outbox';
import { hashPassword, verifyPassword } from './password';
import { endSessionsStatement } from './sessions';

const RESET_TTL_MS = 30 * 60_000;

/** What an account change needs to write its email: the db, the email queue, and the origin links point to. */
export type Mail = { db: Db; queue: Queue<EmailSend>; publicOrigin: string };

/** Writes a reset for the address's account, if there is one, and emails its link. */
export async function startPasswordReset({ db, queue, publicOrigin }: Mail, email: string): Promise<void> {
  const user = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email)).get();
  if (!user) return;
  const token = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  const tokenHash = await sha256Hex(token);
  const expiresAt = new Date(Date.now() + RESET_TTL_MS);
  const resetUrl = `${publicOrigin}/reset-password?token=${token}`;
  const mail = outboxInsert(db, `password-reset:${tokenHash}`, email, { template: 'password_reset', name: user.name, resetUrl, expiresAt });
  const [inserted] = await db.batch([
    mail.statement,
    db.insert(passwordResets).values({ tokenHash, userId: user.id, expiresAt }),
    auditInsert(db, { workspaceId: null, actorUserId: user.id, action: 'password.reset_requested', targetType: 'user', targetId: user.id }),
  ]);
  await sendQueued(queue, mail.id, inserted);
}

const badLink = () => new AppError('INVALID_TOKEN', 'This reset link is invalid, used or expired; ask for a new one');

/**
 * Sets the new password with the emailed token, once. One transaction: the password and the
 * sessions change only while the token is still unused, then it is spent with the user's other
 * links; a second use of the token (even at the same moment) finds it spent and changes nothing.
 */
export async function finishPasswordReset(db: Db, token: string, password: string, requestId: string): Promise<void> {
  const tokenHash = await sha256Hex(token);
  const now = new Date();
  const open = and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now));
  const reset = await db.select({ userId: passwordResets.userId }).from(passwordResets).where(open).get();
  if (!reset) throw badLink();
  const passwordHash = await hashPassword(password);
  const stillOpen = sql`exists (select 1 from ${passwordResets} where ${open})`;
  const [, , spent] = await db.batch([
    db.update(users).set({ passwordHash }).where(and(eq(users.id, reset.userId), stillOpen)),
    // Whoever held a session, it may not be the owner: every one ends.
    endSessionsStatement(db, reset.userId, { onlyIf: stillOpen }),
    db.update(passwordResets).set({ usedAt: now }).where(open).returning({ tokenHash: passwordResets.tokenHash }),
    // The user's other reset links die with this one (a losing second use finds them spent already).
    db.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt))),
  ]);
  if (!spent.length) throw badLink();
  await auditInsert(db, { workspaceId: null, actorUserId: reset.userId, action: 'password.reset', targetType: 'user', targetId: reset.userId, requestId });
}

/** Changes the password of a signed-in user who knows the current one; their other sessions end. */
export async function changePassword(mail: Mail, user: { userId: string; sessionId: string }, current: string, next: string, requestId: string) {
  const { db } = mail;
  const row = await db.select().from(users).where(eq(users.id, user.userId)).get();
  if (!row || !(await verifyPassword(current, row.passwordHash))) {
    throw new AppError('VALIDATION_ERROR', 'The current password is not right', { fields: [{ path: 'currentPassword', message: 'The current password is not right' }] });
  }
  await db.batch([
    db.update(users).set({ passwordHash: await hashPassword(next) }).where(eq(users.id, user.userId)),
    endSessionsStatement(db, user.userId, { keep: user.sessionId }),
    auditInsert(db, { workspaceId: null, actorUserId: user.userId, action: 'password.changed', targetType: 'user', targetId: user.userId, requestId }),
  ]);
  await queueEmail(db, mail.queue, `password-changed:${user.userId}:${Date.now()}`, row.email, { template: 'password_changed', name: row.name, appUrl: mail.publicOrigin });
}
