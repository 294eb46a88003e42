/**
 * The credit history as a pro reads it: the ledger newest first, without the zero rows that only
 * make a reservation final (`commit`), and with runs of small AI debits (or refunds) of one kind
 * on one day folded into one entry with a count. Only consecutive rows fold, so each entry's
 * balance minus its change is the balance of the entry below it.
 */
import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { PaidWork } from '../../shared/billing/catalogue';
import { TRANSFORMATION_KINDS, type LedgerReason } from '../../shared/enums';
import { creditLedger } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { type Cursor, encodeCursor } from '../../core/db/cursor';
import { ledgerOrder } from './credit-ledger';

/** The kind of paid work a reference names, as core/jobs/paid-work.ts callers build them (`recognise:<photoId>`...). */
const WORK_OF_PREFIX: Record<string, PaidWork> = { recognise: 'recognition', plate: 'plate', cutout: 'cutout', studio: 'studio' };
/** `transform:<kind>:<trfId>`: a real-estate transformation names its kind (a price of its own). */
const TRANSFORM_KINDS = new Set<string>(TRANSFORMATION_KINDS);
function workOf(reference: string): PaidWork | null {
  const [prefix, kind] = reference.split(':');
  if (prefix === 'transform') return kind && TRANSFORM_KINDS.has(kind) ? (kind as PaidWork) : null;
  return WORK_OF_PREFIX[prefix!] ?? null;
}
const FOLDED: LedgerReason[] = ['reserve', 'refund'];

/** Raw rows one page reads at most: a day of 10,000 readings shows as two entries rather than one slow page. */
const SCAN_LIMIT = 5000;
const SCAN_CHUNK = 250;

type Row = { id: string; delta: number; reason: LedgerReason; reference: string; balanceAfter: number; createdAt: Date };
type Entry = { key: string | null; first: Row; last: Row; count: number; delta: number };

/** The rows older than `cursor` (its created_at, then its rowid), zero rows left out. */
function rowsAfter(db: Db, workspaceId: string, cursor: Cursor | null, limit: number): Promise<Row[]> {
  const at = cursor ? new Date(cursor.at) : null;
  const older = cursor && at ? or(lt(creditLedger.createdAt, at), and(eq(creditLedger.createdAt, at), sql`credit_ledger.rowid < (SELECT rowid FROM credit_ledger WHERE id = ${cursor.id})`)) : undefined;
  return db
    .select({ id: creditLedger.id, delta: creditLedger.delta, reason: creditLedger.reason, reference: creditLedger.reference, balanceAfter: creditLedger.balanceAfter, createdAt: creditLedger.createdAt })
    .from(creditLedger)
    .where(and(eq(creditLedger.workspaceId, workspaceId), ne(creditLedger.delta, 0), older))
    .orderBy(...ledgerOrder)
    .limit(limit);
}

/** Folds `row` into `entry` when both are AI work of one kind on one day; false when it starts a new entry. */
function fold(entry: Entry | undefined, row: Row, key: string | null) {
  if (!entry || key === null || entry.key !== key) return false;
  entry.last = row;
  entry.count += 1;
  entry.delta += row.delta;
  return true;
}

const view = (e: Entry) => ({
  id: e.first.id,
  reason: e.first.reason,
  work: workOf(e.first.reference),
  count: e.count,
  delta: e.delta,
  balanceAfter: e.first.balanceAfter,
  createdAt: e.first.createdAt.toISOString(),
  firstAt: e.last.createdAt.toISOString(),
});

function pageOfEntries(entries: Entry[], more: boolean) {
  const last = entries.at(-1)?.last;
  return { entries: entries.map(view), nextCursor: more && last ? encodeCursor({ at: last.createdAt.getTime(), id: last.id }) : null };
}

/** One page of `limit` entries; days are the reader's (`timeZone`, IANA). */
export async function creditHistory(db: Db, workspaceId: string, page: { cursor: Cursor | null; limit: number; timeZone: string }) {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: page.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const keyOf = (row: Row) => (FOLDED.includes(row.reason) ? `${row.reason} ${workOf(row.reference)} ${day.format(row.createdAt)}` : null);
  const entries: Entry[] = [];
  let after = page.cursor;
  for (let scanned = 0; scanned < SCAN_LIMIT; scanned += SCAN_CHUNK) {
    const rows = await rowsAfter(db, workspaceId, after, SCAN_CHUNK);
    for (const row of rows) {
      const key = keyOf(row);
      if (fold(entries.at(-1), row, key)) continue;
      if (entries.length === page.limit) return pageOfEntries(entries, true);
      entries.push({ key, first: row, last: row, count: 1, delta: row.delta });
    }
    if (rows.length < SCAN_CHUNK) return pageOfEntries(entries, false);
    after = { at: rows.at(-1)!.createdAt.getTime(), id: rows.at(-1)!.id };
  }
  return pageOfEntries(entries, true);
}
