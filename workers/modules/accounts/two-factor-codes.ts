/**
 * Checking a second factor: a TOTP code (each time step accepted once, so a code seen over a
 * shoulder or replayed is refused) or a single-use recovery code. Wrong codes are counted in D1
 * per user: five within 15 minutes refuse every check until the oldest of them ages out, which
 * leaves an attacker holding the password 5 guesses in a million per quarter hour.
 */
import { and, asc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { recoveryCodes, twoFactorFailures, twoFactorSecrets, type TwoFactorSecret } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { newId, randomBase32 } from '../../shared/ids';
import { sha256Hex } from '../../shared/encoding';
import { open } from './secret-box';
import { matchingStep } from './totp';

const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;
const RECOVERY_CODE_COUNT = 10;
/** The purpose the TOTP seeds' key is derived for (secret-box.ts). */
export const TOTP_SEAL_PURPOSE = 'totp-secret';

/** Refuses (429, with Retry-After) while the user has too many recent wrong codes. */
async function assertNotLocked(db: Db, userId: string): Promise<void> {
  const since = new Date(Date.now() - FAILURE_WINDOW_MS);
  const recent = await db
    .select({ at: twoFactorFailures.createdAt })
    .from(twoFactorFailures)
    .where(and(eq(twoFactorFailures.userId, userId), gt(twoFactorFailures.createdAt, since)))
    .orderBy(asc(twoFactorFailures.createdAt))
    .limit(MAX_FAILURES);
  if (recent.length < MAX_FAILURES) return;
  const seconds = Math.max(1, Math.ceil((recent[0]!.at.getTime() + FAILURE_WINDOW_MS - Date.now()) / 1000));
  throw new AppError('TOO_MANY_ATTEMPTS', `Too many wrong codes; try again in ${Math.ceil(seconds / 60)} minute(s)`).retryAfter(seconds);
}

/** Accepts a TOTP code of a step later than the last one accepted; the conditional update makes two uses of one code race to one winner. */
async function spendTotp(db: Db, masterSecret: string, row: TwoFactorSecret, code: string): Promise<boolean> {
  const secret = await open(masterSecret, TOTP_SEAL_PURPOSE, row.userId, row.secretBox);
  const step = secret && (await matchingStep(secret, code));
  if (step === null || step === undefined) return false;
  const used = await db
    .update(twoFactorSecrets)
    .set({ lastUsedStep: step })
    .where(and(eq(twoFactorSecrets.userId, row.userId), or(isNull(twoFactorSecrets.lastUsedStep), lt(twoFactorSecrets.lastUsedStep, step))))
    .returning({ userId: twoFactorSecrets.userId });
  return used.length === 1;
}

const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

async function spendRecoveryCode(db: Db, userId: string, code: string): Promise<boolean> {
  const codeHash = await sha256Hex(normaliseRecoveryCode(code));
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.codeHash, codeHash), eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .returning({ codeHash: recoveryCodes.codeHash });
  return used.length === 1;
}

/**
 * Whether `code` is the user's current TOTP code (or, with `recovery`, one of their unused
 * recovery codes), spending it if so. Refused outright while locked; a wrong code is counted,
 * a right one clears the count.
 */
export async function checkSecondFactor(db: Db, masterSecret: string, row: TwoFactorSecret, code: string, options: { recovery: boolean }): Promise<boolean> {
  await assertNotLocked(db, row.userId);
  const compact = code.replace(/\s/g, '');
  const ok = /^\d{6}$/.test(compact) ? await spendTotp(db, masterSecret, row, compact) : options.recovery && (await spendRecoveryCode(db, row.userId, compact));
  if (ok) await db.delete(twoFactorFailures).where(eq(twoFactorFailures.userId, row.userId));
  else await db.insert(twoFactorFailures).values({ id: newId('tfa'), userId: row.userId });
  return ok;
}

/** Ten new recovery codes (`xxxxx-xxxxx`, 50 random bits each) and the statements that replace the user's old ones. */
export async function newRecoveryCodes(db: Db, userId: string) {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const text = randomBase32(7).slice(0, 10);
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
  const rows = await Promise.all(codes.map(async (c) => ({ codeHash: await sha256Hex(normaliseRecoveryCode(c)), userId })));
  return { codes, statements: [db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)), db.insert(recoveryCodes).values(rows)] as const };
}
