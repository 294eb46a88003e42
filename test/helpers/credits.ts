import { drizzle } from 'drizzle-orm/d1';
import { env } from 'cloudflare:workers';
import * as schema from '../../workers/db/schema/index';
import { creditBalance, grantCredits, reserveCredits } from '../../workers/modules/billing/credit-ledger';

export const testDb = () => drizzle(env.DB, { schema });

/** Brings a workspace's balance to exactly `target` through the ledger (a reservation or an adjustment). */
export async function setBalance(workspaceId: string, target: number) {
  const db = testDb();
  const now = await creditBalance(db, workspaceId);
  const reference = `test:${crypto.randomUUID()}`;
  if (now > target) await reserveCredits(db, workspaceId, now - target, reference);
  if (now < target) await grantCredits(db, workspaceId, target - now, 'adjustment', reference);
  const after = await creditBalance(db, workspaceId);
  if (after !== target) throw new Error(`balance is ${after}, wanted ${target}`);
}
