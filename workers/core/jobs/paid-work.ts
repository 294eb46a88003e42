/**
 * The one path of paid work (prices in `shared/billing/catalogue.ts`, ledger in
 * `modules/billing/credit-ledger.ts`):
 *
 * 1. `reserve` the charge before the job is sent (the reference names the job and its subject,
 *    so a second reservation for the same work debits nothing); no credits -> the work waits or
 *    is refused, it never runs for free;
 * 2. `enqueue` the job (a job declares its `cost`, the same charge, in its definition);
 * 3. the job puts `commit` in the same D1 batch as its result: paid and done, or neither;
 * 4. when the work finally fails, the dead-letter consumer refunds the charge — once, and never
 *    after a commit (the ledger's conditional statements see to both).
 *
 * Work that must answer within its request (`payInline`) takes the same steps without the queue.
 */
import { CREDIT_PRICES, type PaidWork } from '../../shared/billing/catalogue';
import { commitStatement, refundCredits, reserveCredits } from '../../modules/billing/credit-ledger';
import type { Db } from '../db/client';

/** What one unit of paid work costs whom, and the ledger reference that makes it happen once. */
export type Charge = { work: PaidWork; workspaceId: string; reference: string };

/** A job's cost: the charge its message was reserved under. */
export type Cost<M> = (message: M) => Charge;

/** Debits the price of the work unless already reserved; false when the balance does not cover it. */
export const reserve = (db: Db, charge: Charge) => reserveCredits(db, charge.workspaceId, CREDIT_PRICES[charge.work], charge.reference);

/** The batch item that makes the reservation final: goes with the work's result. */
export const commit = (db: Db, charge: Charge) => commitStatement(db, charge.workspaceId, charge.reference);

/** Gives the credits of finally failed work back, once; true if this call refunded them. */
export const refund = (db: Db, charge: Charge) => refundCredits(db, charge.workspaceId, charge.reference);

/**
 * Synchronous paid work: reserve, run, commit with `result` or refund if it throws.
 * `refused` is thrown when the balance does not cover it (nothing is debited then).
 */
export async function payInline<T>(db: Db, charge: Charge, refused: () => Error, work: () => Promise<T>): Promise<T> {
  if (!(await reserve(db, charge))) throw refused();
  let result: T;
  try {
    result = await work();
  } catch (err) {
    await refund(db, charge);
    throw err;
  }
  await commit(db, charge);
  return result;
}
