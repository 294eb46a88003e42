/**
 * The accounting minimum of orders whose album goes away (an album deleted, a workspace or an
 * account erased): amounts, dates and the payment's reference stay in `retained_orders`, without
 * the buyer's address or the photos, for as long as bookkeeping law asks (README, GDPR).
 */
import { and, eq, sql } from 'drizzle-orm';
import { orders, retainedOrders } from '../../db/schema/index';
import type { Db } from '../../core/db/client';

/** Copies the paid orders of an album into `retained_orders` (a batch item, before the album's delete). */
export function retainOrdersOf(db: Db, albumId: string) {
  const paid = db
    .select({
      orderId: orders.id,
      workspaceId: orders.workspaceId,
      status: orders.status,
      subtotalCents: orders.subtotalCents,
      feeCents: orders.feeCents,
      totalCents: orders.totalCents,
      currency: orders.currency,
      stripePaymentIntentId: orders.stripePaymentIntentId,
      paidAt: orders.paidAt,
      orderedAt: orders.createdAt,
      retainedAt: sql<Date>`(unixepoch() * 1000)`.as('retained_at'),
    })
    .from(orders)
    .where(and(eq(orders.albumId, albumId), eq(orders.status, 'paid')));
  return db.insert(retainedOrders).select(paid).onConflictDoNothing();
}
