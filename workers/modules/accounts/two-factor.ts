/**
 * Turning two-factor authentication on and off. Setup writes a pending secret (sealed, see
 * secret-box.ts) that sign-in ignores; a right code from the app turns it on and hands out ten
 * recovery codes, shown once and stored as hashes. Turning it off asks for the password and a
 * code. Each change is audited and emailed in the same batch.
 */
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { twoFactorSecrets, recoveryCodes, users, type TwoFactorSecret } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { auditInsert } from '../../core/audit';
import { outboxInsert, sendQueued } from '../notifications/outbox';
import type { Mail } from './passwords';
import { verifyPassword } from './password';
import { seal } from './secret-box';
import { base32Encode, otpauthUri } from './totp';
import { checkSecondFactor, newRecoveryCodes, TOTP_SEAL_PURPOSE } from './two-factor-codes';

const SECRET_BYTES = 20;

/** The mail context plus the Worker secret the TOTP seeds are sealed under. */
export type TwoFactorContext = Mail & { masterSecret: string };

const wrongField = (path: string, message: string) => new AppError('VALIDATION_ERROR', message, { fields: [{ path, message }] });

/** The user's TOTP row once turned on (a pending setup is not on). */
export async function activeSecret(db: Db, userId: string): Promise<TwoFactorSecret | undefined> {
  return db.select().from(twoFactorSecrets).where(and(eq(twoFactorSecrets.userId, userId), isNotNull(twoFactorSecrets.enabledAt))).get();
}

export const twoFactorOn = async (db: Db, userId: string) => Boolean(await activeSecret(db, userId));

async function requireActive(db: Db, userId: string) {
  const row = await activeSecret(db, userId);
  if (!row) throw new AppError('TWO_FACTOR_OFF', 'Two-factor authentication is not on for this account');
  return row;
}

/** A new pending secret (replacing an unconfirmed one): its base32 text and otpauth URI for the app. */
export async function startTwoFactorSetup(db: Db, masterSecret: string, userId: string) {
  const user = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  if (!user || (await twoFactorOn(db, userId))) throw new AppError('TWO_FACTOR_ALREADY_ON', 'Two-factor authentication is already on; turn it off first');
  const secret = crypto.getRandomValues(new Uint8Array(SECRET_BYTES));
  const secretBox = await seal(masterSecret, TOTP_SEAL_PURPOSE, userId, secret);
  await db
    .insert(twoFactorSecrets)
    .values({ userId, secretBox })
    .onConflictDoUpdate({ target: twoFactorSecrets.userId, set: { secretBox, lastUsedStep: null }, setWhere: isNull(twoFactorSecrets.enabledAt) });
  const text = base32Encode(secret);
  return { secret: text, otpauthUri: otpauthUri(user.email, text) };
}

async function changed(ctx: TwoFactorContext, userId: string, on: boolean, requestId: string) {
  const user = await ctx.db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId)).get();
  const mail = outboxInsert(ctx.db, `two-factor-${on ? 'on' : 'off'}:${userId}:${Date.now()}`, user!.email, { template: 'two_factor_changed', name: user!.name, on, appUrl: ctx.publicOrigin });
  const audit = auditInsert(ctx.db, { workspaceId: null, actorUserId: userId, action: on ? 'two_factor.enabled' : 'two_factor.disabled', targetType: 'user', targetId: userId, requestId });
  return { mail, statements: [mail.statement, audit] as const };
}

/** Turns the pending secret on with a right code from the app; the ten recovery codes (shown once). */
export async function enableTwoFactor(ctx: TwoFactorContext, userId: string, code: string, requestId: string): Promise<string[]> {
  const { db } = ctx;
  const pending = await db.select().from(twoFactorSecrets).where(and(eq(twoFactorSecrets.userId, userId), isNull(twoFactorSecrets.enabledAt))).get();
  if (!pending) throw new AppError('TWO_FACTOR_OFF', (await twoFactorOn(db, userId)) ? 'Two-factor authentication is already on' : 'Start the setup first: there is no secret to confirm');
  if (!(await checkSecondFactor(db, ctx.masterSecret, pending, code, { recovery: false }))) throw wrongField('code', 'This code is not right; enter the current one from your app');
  const recovery = await newRecoveryCodes(db, userId);
  const { mail, statements } = await changed(ctx, userId, true, requestId);
  const [sent] = await db.batch([...statements, db.update(twoFactorSecrets).set({ enabledAt: new Date() }).where(eq(twoFactorSecrets.userId, userId)), ...recovery.statements]);
  await sendQueued(ctx.queue, mail.id, sent);
  return recovery.codes;
}

/** Turns two-factor off: the password and a code (or a recovery code), then the secret and recovery codes are gone. */
export async function disableTwoFactor(ctx: TwoFactorContext, userId: string, input: { password: string; code: string }, requestId: string) {
  const { db } = ctx;
  await requireActive(db, userId);
  await confirmIdentity(db, ctx.masterSecret, userId, input);
  const { mail, statements } = await changed(ctx, userId, false, requestId);
  const [sent] = await db.batch([
    ...statements,
    db.delete(twoFactorSecrets).where(eq(twoFactorSecrets.userId, userId)),
    db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)),
  ]);
  await sendQueued(ctx.queue, mail.id, sent);
}

/**
 * The password, and with two-factor on a code (or a recovery code): what turning two-factor off
 * and deleting an account or a workspace ask for. Each wrong part is named in `fields`.
 */
export async function confirmIdentity(db: Db, masterSecret: string, userId: string, input: { password: string; code?: string }) {
  const user = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  if (!user || !(await verifyPassword(input.password, user.passwordHash))) throw wrongField('password', 'The password is not right');
  const row = await activeSecret(db, userId);
  if (!row) return;
  if (!input.code?.trim()) throw wrongField('code', 'Enter the code from your authenticator app (or a recovery code)');
  if (!(await checkSecondFactor(db, masterSecret, row, input.code, { recovery: true }))) throw wrongField('code', 'This code is not right');
}

/** Ten new recovery codes for a right code; the old ones stop working. */
export async function regenerateRecoveryCodes(ctx: TwoFactorContext, userId: string, code: string, requestId: string): Promise<string[]> {
  const { db } = ctx;
  const row = await requireActive(db, userId);
  if (!(await checkSecondFactor(db, ctx.masterSecret, row, code, { recovery: true }))) throw wrongField('code', 'This code is not right');
  const recovery = await newRecoveryCodes(db, userId);
  const audit = auditInsert(db, { workspaceId: null, actorUserId: userId, action: 'two_factor.recovery_codes_renewed', targetType: 'user', targetId: userId, requestId });
  await db.batch([...recovery.statements, audit]);
  return recovery.codes;
}
