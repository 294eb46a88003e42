/**
 * The accounting minimum of orders whose album goes away (an album deleted, a workspace or an
 * account erased): amounts, dates and the payment's reference stay in `retained_orders`, without
 * the buyer's address or the photos, for as long as bookkeeping law asks (README, GDPR).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../core/db/client';

/** Copies the orders of an album into `retained_orders` (a batch item, before the album's delete). */
export function retainOrdersOf(db: Db, albumId: string) {
  return db.run(sql`insert or ignore into retained_orders
    (order_id, workspace_id, status, subtotal_cents, fee_cents, total_cents, currency, stripe_payment_intent_id, paid_at, ordered_at)
    select id, workspace_id, status, subtotal_cents, fee_cents, total_cents, currency, stripe_payment_intent_id, paid_at, created_at
    from orders where album_id = ${albumId} and status = 'paid'`);
}
