/**
 * The credit ledger. The balance on `workspaces.credit_balance` only ever changes in the same
 * D1 batch (one transaction) as the ledger row that explains it, and every statement is
 * conditional: the row is inserted only if the change is allowed (enough credits, not done
 * before: unique (workspace, reason, reference)), and the balance moves only if that very row
 * now exists. Two concurrent requests therefore cannot both spend the last credit, and a
 * retried grant, reservation or refund happens once.
 *
 * Paid work: `reserve` before it starts (debits), `commit` on success (a zero row: the
 * reservation is final), `refund` on failure (credits back, once, never after a commit).
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type * as schema from '../../db/schema/index';
import { creditLedger, workspaces } from '../../db/schema/index';
import { newId } from '../../shared/ids';
import type { Db } from '../../core/db/client';

const NOW = sql`unixepoch() * 1000`;
export type GrantReason = 'starter' | 'purchase' | 'subscription' | 'adjustment';

/** Moves the balance by the delta of ledger row `rowId`, if that row exists (i.e. was just inserted). */
const applyRow = (db: Db, workspaceId: string, rowId: string) =>
  db
    .update(workspaces)
    .set({ creditBalance: sql`${workspaces.creditBalance} + (SELECT delta FROM credit_ledger WHERE id = ${rowId})` })
    .where(and(eq(workspaces.id, workspaceId), sql`EXISTS (SELECT 1 FROM credit_ledger WHERE id = ${rowId})`));

/**
 * `INSERT INTO credit_ledger SELECT <row>`: a row only when the SELECT finds one, and nothing when
 * (workspace, reason, reference) already exists. Drizzle lists every column, so the SELECT gives
 * id, workspace_id, delta, reason, reference, balance_after, created_at in that order.
 */
const insertRowIf = (db: Db, select: SQL) =>
  db.insert(creditLedger).select(sql`${select}`).onConflictDoNothing();

/**
 * The statements of a grant, to run alone or inside a larger batch (e.g. with the webhook's event
 * record); `onlyIf`, when given, must hold when the batch reaches the grant (an earlier statement's effect).
 */
export function grantStatements(db: Db, workspaceId: string, amount: number, reason: GrantReason, reference: string, onlyIf?: SQL) {
  const rowId = newId('cre');
  const condition = onlyIf ? sql` AND ${onlyIf}` : sql``;
  return [
    insertRowIf(
      db,
      sql`SELECT ${rowId}, id, ${amount}, ${reason}, ${reference}, credit_balance + ${amount}, ${NOW} FROM workspaces WHERE id = ${workspaceId}${condition}`,
    ),
    applyRow(db, workspaceId, rowId),
  ] as const;
}

/** Adds credits once per (reason, reference); true if this call granted them. */
export async function grantCredits(db: Db, workspaceId: string, amount: number, reason: GrantReason, reference: string) {
  const [inserted] = await db.batch(grantStatements(db, workspaceId, amount, reason, reference));
  return inserted.meta.changes === 1;
}

/**
 * Debits `amount` for the work named by `reference` if the balance allows it. A second call for
 * the same reference reserves nothing more and answers true (the work is already paid for).
 */
export async function reserveCredits(db: Db, workspaceId: string, amount: number, reference: string): Promise<boolean> {
  const rowId = newId('cre');
  const [inserted] = await db.batch([
    insertRowIf(
      db,
      sql`SELECT ${rowId}, id, ${-amount}, 'reserve', ${reference}, credit_balance - ${amount}, ${NOW} FROM workspaces
        WHERE id = ${workspaceId} AND credit_balance >= ${amount}`,
    ),
    applyRow(db, workspaceId, rowId),
  ]);
  if (inserted.meta.changes === 1) return true;
  return Boolean(await findRow(db, workspaceId, 'reserve', reference));
}

/** Only a reservation that was neither committed nor refunded can be closed either way. */
const openReservation = (workspaceId: string, reference: string) => sql`
  FROM credit_ledger r JOIN workspaces w ON w.id = r.workspace_id
  WHERE r.workspace_id = ${workspaceId} AND r.reason = 'reserve' AND r.reference = ${reference}
    AND NOT EXISTS (SELECT 1 FROM credit_ledger x WHERE x.workspace_id = r.workspace_id AND x.reference = r.reference AND x.reason IN ('commit', 'refund'))`;

/** The statement that makes a reservation final: goes in the same batch as the work's result. */
export function commitStatement(db: Db, workspaceId: string, reference: string) {
  return insertRowIf(db, sql`SELECT ${newId('cre')}, r.workspace_id, 0, 'commit', r.reference, w.credit_balance, ${NOW} ${openReservation(workspaceId, reference)}`);
}

export async function commitCredits(db: Db, workspaceId: string, reference: string) {
  await commitStatement(db, workspaceId, reference);
}

/** Gives a failed job's credits back, exactly once; true if this call refunded them. */
export async function refundCredits(db: Db, workspaceId: string, reference: string): Promise<boolean> {
  const rowId = newId('cre');
  const [inserted] = await db.batch([
    insertRowIf(db, sql`SELECT ${rowId}, r.workspace_id, -r.delta, 'refund', r.reference, w.credit_balance - r.delta, ${NOW} ${openReservation(workspaceId, reference)}`),
    applyRow(db, workspaceId, rowId),
  ]);
  return inserted.meta.changes === 1;
}

function findRow(db: Db, workspaceId: string, reason: (typeof schema.LEDGER_REASONS)[number], reference: string) {
  return db
    .select({ id: creditLedger.id })
    .from(creditLedger)
    .where(and(eq(creditLedger.workspaceId, workspaceId), eq(creditLedger.reason, reason), eq(creditLedger.reference, reference)))
    .get();
}

export async function creditBalance(db: Db, workspaceId: string): Promise<number> {
  const row = await db.select({ balance: workspaces.creditBalance }).from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  return row?.balance ?? 0;
}

/**
 * Newest first, in the order the balances were computed: `created_at` has second resolution and
 * ids are random, so the rowid (insertion order) breaks ties. Both are in `credit_ledger_workspace_idx`.
 */
export const ledgerOrder = [desc(creditLedger.createdAt), desc(sql`credit_ledger.rowid`)];

/** The newest ledger rows first, as recorded (one row per reservation, commit and refund). */
export function ledgerRows(db: Db, workspaceId: string, limit = 100) {
  return db
    .select({
      id: creditLedger.id,
      delta: creditLedger.delta,
      reason: creditLedger.reason,
      reference: creditLedger.reference,
      balanceAfter: creditLedger.balanceAfter,
      createdAt: creditLedger.createdAt,
    })
    .from(creditLedger)
    .where(eq(creditLedger.workspaceId, workspaceId))
    .orderBy(...ledgerOrder)
    .limit(limit);
}
