/**
 * Runners buy photos: a guest cart (email + packs) becomes an order and a Stripe Checkout
 * Session as a **destination charge**: the buyer pays the packs plus the platform fee, Stripe
 * transfers everything but `application_fee_amount` (the fee line) to the photographer's
 * connected account. The photos an order unlocks are resolved now, so the buyer gets what they saw.
 */
import { and, eq } from 'drizzle-orm';
import { PLATFORM_FEE_CENTS } from '../../shared/billing/catalogue';
import { orderItems, orderPhotos, orders, workspaces, type Album, type PricePack } from '../../db/schema/index';
import { newId } from '../../shared/ids';
import type { CheckoutBody } from '../../shared/schemas/payments';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import type { Stripe } from '../../integrations/stripe/client';
import { publicAlbumBySlug } from '../albums/gallery';
import { assertSellsOnce, cheapestCover, resolveLines, type CartItem, type CartLine } from './cart';

/** D1 binds at most 100 parameters per statement. */
const ROWS_PER_INSERT = 40;

/** Prices the cart from the album's packs and resolves every photo it unlocks; a cart selling a photo twice is refused. */
async function priceCart(db: Db, album: Album, items: CartItem[]) {
  const lines = await resolveLines(db, album, items);
  assertSellsOnce(lines);
  const photoIds = [...new Set(lines.flatMap((l) => l.photoIds))];
  const subtotal = lines.reduce((sum, l) => sum + l.pack.amountCents, 0);
  const size = lines.some((l) => l.pack.size === 'original') ? ('original' as const) : ('web' as const);
  return { lines: lines.map((l) => ({ ...l, photoCount: l.photoIds.length })), photoIds, subtotal, size, currency: lines[0]!.pack.currency };
}

/** The cart as the buyer should pay it: the cheapest lines selling each photo once, and what was dropped and why. */
export async function quoteCart(db: Db, slug: string, items: CartItem[]) {
  const album = await publicAlbumBySlug(db, slug);
  const lines = await resolveLines(db, album, items);
  const kept = cheapestCover(lines);
  const subtotal = kept.reduce((sum, l) => sum + l.pack.amountCents, 0);
  const itemOf = (l: CartLine) => ({ index: l.index, packId: l.pack.id, ...(l.item.photoId && { photoId: l.item.photoId }), ...(l.item.bib && { bib: l.item.bib }) });
  return {
    lines: kept.map((l) => ({ ...itemOf(l), photoCount: l.photoIds.length, amountCents: l.pack.amountCents })),
    dropped: lines.filter((l) => !kept.includes(l)).map((l) => ({ ...itemOf(l), reason: l.photoIds.length ? ('covered' as const) : ('empty' as const) })),
    photoCount: new Set(kept.flatMap((l) => l.photoIds)).size,
    ...{ subtotalCents: subtotal, feeCents: kept.length ? PLATFORM_FEE_CENTS : 0, totalCents: kept.length ? subtotal + PLATFORM_FEE_CENTS : 0 },
    currency: lines[0]?.pack.currency ?? 'eur',
  };
}

async function payableSeller(db: Db, album: Album) {
  const seller = await db.select().from(workspaces).where(eq(workspaces.id, album.workspaceId)).get();
  if (!seller?.payable || !seller.stripeAccountId) {
    throw new AppError('SELLER_NOT_PAYABLE', 'This photographer cannot take payments yet');
  }
  return seller.stripeAccountId;
}

function lineName(line: { pack: PricePack; item: CartItem; photoCount: number }) {
  const what = line.item.bib ? ` — bib ${line.item.bib}` : line.pack.scope === 'album' ? ` — ${line.photoCount} photos` : '';
  return `${line.pack.name}${what}`;
}

export async function createOrderCheckout(db: Db, stripe: Stripe, slug: string, body: CheckoutBody, origin: string) {
  const album = await publicAlbumBySlug(db, slug);
  const destination = await payableSeller(db, album);
  const cart = await priceCart(db, album, body.items);
  const orderId = newId('ord');
  const photoRows = cart.photoIds.map((photoId) => ({ orderId, photoId }));
  await db.batch([
    db.insert(orders).values({
      ...{ id: orderId, albumId: album.id, workspaceId: album.workspaceId, email: body.email, size: cart.size, currency: cart.currency },
      ...{ subtotalCents: cart.subtotal, feeCents: PLATFORM_FEE_CENTS, totalCents: cart.subtotal + PLATFORM_FEE_CENTS },
    }),
    ...cart.lines.map((l) => db.insert(orderItems).values({ id: newId('itm'), orderId, packId: l.pack.id, photoId: l.item.photoId, bib: l.item.bib, amountCents: l.pack.amountCents })),
    ...Array.from({ length: Math.ceil(photoRows.length / ROWS_PER_INSERT) }, (_, i) =>
      db.insert(orderPhotos).values(photoRows.slice(i * ROWS_PER_INSERT, (i + 1) * ROWS_PER_INSERT)),
    ),
  ]);
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'payment',
      customer_email: body.email,
      client_reference_id: orderId,
      metadata: { kind: 'order', orderId },
      line_items: [
        ...cart.lines.map((l) => ({ quantity: 1, price_data: { currency: cart.currency, unit_amount: l.pack.amountCents, product_data: { name: lineName(l) } } })),
        { quantity: 1, price_data: { currency: cart.currency, unit_amount: PLATFORM_FEE_CENTS, product_data: { name: 'Service fee' } } },
      ],
      // Destination charge: the platform keeps exactly the service fee line; card, wallets and SEPA follow the dashboard's payment methods.
      payment_intent_data: { application_fee_amount: PLATFORM_FEE_CENTS, transfer_data: { destination }, metadata: { orderId } },
      success_url: `${origin}/orders/${orderId}?session_id={CHECKOUT_SESSION_ID}`,
      // Cancelling goes back to the gallery as the buyer left it: their search (the cart is kept in the browser).
      cancel_url: `${origin}/e/${album.slug}?${new URLSearchParams({ ...(body.search && { q: body.search }), checkout: 'cancelled' })}`,
    },
    { idempotencyKey: `order:${orderId}` },
  );
  await db.update(orders).set({ stripeSessionId: session.id }).where(eq(orders.id, orderId));
  return {
    order: { id: orderId, status: 'pending' as const, photoCount: cart.photoIds.length, subtotalCents: cart.subtotal, feeCents: PLATFORM_FEE_CENTS, totalCents: cart.subtotal + PLATFORM_FEE_CENTS, currency: cart.currency },
    checkoutUrl: session.url,
  };
}

/** The order behind a Checkout Session, for the buyer's "thank you" page (the session id is the credential). */
export async function orderBySession(db: Db, orderId: string, sessionId: string) {
  const order = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.stripeSessionId, sessionId)))
    .get();
  if (!order) throw new AppError('ORDER_NOT_FOUND', 'No such order');
  return order;
}

export const orderPhotoIds = async (db: Db, orderId: string) =>
  (await db.select({ id: orderPhotos.photoId }).from(orderPhotos).where(eq(orderPhotos.orderId, orderId))).map((r) => r.id);
