/**
 * Retention (GDPR art. 5(1)(e)): a guest buyer's address stays on their order for the configured
 * months (download links, support, refunds), then the cron blanks it, with the order's emails
 * (which carry it and the download link). The amounts and dates stay for the books.
 */
import { and, inArray, isNull, lt } from 'drizzle-orm';
import { emailOutbox, orders } from '../../db/schema/index';
import { createDb } from '../../core/db/client';
import { loadConfig } from '../../core/config';

const BATCH = 50;

/** `months` whole calendar months before `now`. */
export function monthsBefore(now: Date, months: number) {
  const at = new Date(now);
  at.setUTCMonth(at.getUTCMonth() - months);
  return at;
}

export async function anonymiseGuestOrders(env: Env, now = new Date()) {
  const db = createDb(env.DB);
  const before = monthsBefore(now, loadConfig(env).privacy.guestEmailMonths);
  const due = await db.select({ id: orders.id }).from(orders).where(and(isNull(orders.emailErasedAt), lt(orders.createdAt, before))).limit(BATCH);
  if (!due.length) return { anonymised: 0 };
  const ids = due.map((o) => o.id);
  await db.batch([
    db.update(orders).set({ email: '', emailErasedAt: now }).where(inArray(orders.id, ids)),
    db.delete(emailOutbox).where(inArray(emailOutbox.dedupeKey, ids.map((id) => `order-paid:${id}`))),
  ]);
  return { anonymised: ids.length };
}
