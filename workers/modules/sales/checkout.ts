/**
 * Runners buy photos: a guest cart (email + packs) becomes an order and a Stripe Checkout
 * Session as a **destination charge**: the buyer pays the packs plus the platform fee, Stripe
 * transfers everything but `application_fee_amount` (the fee line) to the photographer's
 * connected account. The photos an order unlocks are resolved now, so the buyer gets what they saw.
 */
import { and, eq } from 'drizzle-orm';
import { PLATFORM_FEE_CENTS } from '../../shared/billing/catalogue';
import { orderItems, orderPhotos, orders, photos, photoTags, pricePacks, workspaces, type Album, type PricePack } from '../../db/schema/index';
import { newId } from '../../shared/ids';
import type { CheckoutBody } from '../../shared/schemas/payments';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import type { Stripe } from '../../integrations/stripe/client';
import { publicAlbumBySlug } from '../albums/gallery';

type CartItem = CheckoutBody['items'][number];
/** D1 binds at most 100 parameters per statement. */
const ROWS_PER_INSERT = 40;

async function readyPhotoIds(db: Db, album: Album, item: CartItem, pack: PricePack): Promise<string[]> {
  const ready = and(eq(photos.albumId, album.id), eq(photos.status, 'ready'));
  if (pack.scope === 'photo') {
    if (!item.photoId) throw new AppError('VALIDATION_ERROR', `"${pack.name}" is for one photo: send photoId`);
    const row = await db.select({ id: photos.id }).from(photos).where(and(ready, eq(photos.id, item.photoId))).get();
    if (!row) throw new AppError('PHOTO_NOT_FOUND', 'No such photo in this album');
    return [row.id];
  }
  if (pack.scope === 'bib') {
    if (!item.bib) throw new AppError('VALIDATION_ERROR', `"${pack.name}" is for one bib: send bib`);
    const rows = await db
      .selectDistinct({ id: photos.id })
      .from(photoTags)
      .innerJoin(photos, eq(photos.id, photoTags.photoId))
      .where(and(ready, eq(photoTags.kind, 'bib'), eq(photoTags.value, item.bib)));
    return rows.map((r) => r.id);
  }
  return (await db.select({ id: photos.id }).from(photos).where(ready)).map((r) => r.id);
}

/** Prices the cart from the album's packs and resolves every photo it unlocks. */
async function priceCart(db: Db, album: Album, items: CartItem[]) {
  const packs = await db.select().from(pricePacks).where(eq(pricePacks.albumId, album.id));
  const lines = [];
  const unlocked = new Set<string>();
  for (const item of items) {
    const pack = packs.find((p) => p.id === item.packId);
    if (!pack) throw new AppError('PACK_NOT_FOUND', `No price pack ${item.packId} in this album`);
    const ids = await readyPhotoIds(db, album, item, pack);
    if (!ids.length) throw new AppError('NOTHING_TO_SELL', `"${pack.name}" matches no photo yet`);
    for (const id of ids) unlocked.add(id);
    lines.push({ pack, item, photoCount: ids.length });
  }
  const subtotal = lines.reduce((sum, l) => sum + l.pack.amountCents, 0);
  const size = lines.some((l) => l.pack.size === 'original') ? ('original' as const) : ('web' as const);
  return { lines, photoIds: [...unlocked], subtotal, size, currency: lines[0]!.pack.currency };
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
      cancel_url: `${origin}/e/${album.slug}?checkout=cancelled`,
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
