import { and, desc, eq } from 'drizzle-orm';
import { orders, type Order } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { type Cursor, keysetAfter, pageOf } from '../../core/db/cursor';

/**
 * What the photographer receives for a paid order. With a destination charge the connected
 * account gets the total minus the application fee, i.e. the packs' price; Stripe's own fees are
 * taken from the platform's side.
 */
export const payoutOf = (o: Pick<Order, 'subtotalCents'>) => o.subtotalCents;

/** A sale as the photographer sees it (`payoutCents`: see payoutOf). */
export const saleView = (o: Order) => ({
  id: o.id,
  albumId: o.albumId,
  email: o.email,
  status: o.status,
  size: o.size,
  subtotalCents: o.subtotalCents,
  feeCents: o.feeCents,
  totalCents: o.totalCents,
  payoutCents: o.status === 'paid' ? payoutOf(o) : 0,
  currency: o.currency,
  paidAt: o.paidAt,
  createdAt: o.createdAt,
});

/** The workspace's orders, newest first. */
export async function listSales(db: Db, workspaceId: string, page: { cursor: Cursor | null; limit: number }) {
  const after = keysetAfter(page.cursor, orders.createdAt, orders.id, 'desc');
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.workspaceId, workspaceId), after))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(page.limit + 1);
  const { items, nextCursor } = pageOf(rows, page.limit, (o) => o.createdAt);
  return { orders: items.map(saleView), nextCursor };
}
