/**
 * Sign-in sessions: each token names a row, so a session can be listed and ended (sign out, sign
 * out everywhere, a password change or reset). The row is read with the membership on every
 * signed-in request; `last_seen_at` is written only when it is a few minutes old.
 */
import { and, desc, eq, gt, isNull, ne, type SQL } from 'drizzle-orm';
import { sessions, type Session } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { newId } from '../../shared/ids';
import { signUserToken, type JwtConfig } from './jwt';

const SESSION_TTL_MS = 12 * 3600_000;
/** How stale `last_seen_at` may get before a request writes it again. */
const TOUCH_AFTER_MS = 5 * 60_000;

/** A new session's row (not yet written: sign-up writes it in its batch). */
export function sessionRow(userId: string, userAgent: string | undefined) {
  const now = Date.now();
  return { id: newId('ses'), userId, userAgent: userAgent?.slice(0, 200) || null, lastSeenAt: new Date(now), expiresAt: new Date(now + SESSION_TTL_MS) };
}

export const sessionToken = (row: ReturnType<typeof sessionRow>, jwt: JwtConfig) => signUserToken(row.userId, row.id, row.expiresAt, jwt);

/** Opens a session for a user who just proved who they are; its token. */
export async function openSession(db: Db, userId: string, userAgent: string | undefined, jwt: JwtConfig): Promise<string> {
  const row = sessionRow(userId, userAgent);
  await db.insert(sessions).values(row);
  return sessionToken(row, jwt);
}

const live = (now: Date) => and(isNull(sessions.endedAt), gt(sessions.expiresAt, now));

/** The session a token names, if it is still open and the user's. */
export async function liveSession(db: Db, userId: string, sessionId: string): Promise<Session | undefined> {
  return db.select().from(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), live(new Date()))).get();
}

/** Records that a session is in use, at most once per few minutes (null when nothing is due). */
export function touchSession(db: Db, session: Session): Promise<unknown> | null {
  if (Date.now() - session.lastSeenAt.getTime() < TOUCH_AFTER_MS) return null;
  return db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, session.id));
}

/**
 * The statement that ends a user's open sessions: all of them or all but `keep`, and only if
 * `onlyIf` holds when it runs (a batch's condition on an earlier statement's effect).
 */
export function endSessionsStatement(db: Db, userId: string, options: { keep?: string; onlyIf?: SQL } = {}) {
  const conditions = [eq(sessions.userId, userId), isNull(sessions.endedAt)];
  if (options.keep) conditions.push(ne(sessions.id, options.keep));
  if (options.onlyIf) conditions.push(options.onlyIf);
  return db.update(sessions).set({ endedAt: new Date() }).where(and(...conditions));
}

/** Ends one of the user's sessions; 404 for another user's or an unknown one. */
export async function endSession(db: Db, userId: string, sessionId: string): Promise<void> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  if (!ended.length) throw new AppError('NOT_FOUND', 'No such open session');
}

/** The user's open sessions, most recently used first, the caller's marked. */
export async function listSessions(db: Db, userId: string, currentId: string) {
  const rows = await db.select().from(sessions).where(and(eq(sessions.userId, userId), live(new Date()))).orderBy(desc(sessions.lastSeenAt)).limit(100);
  return rows.map((s) => ({ id: s.id, userAgent: s.userAgent, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, expiresAt: s.expiresAt, current: s.id === currentId }));
}
