import { Check, ShoppingCart } from 'lucide-react';
import { Button } from '../../../components/button';
import { formatMoney } from '../../../lib/format';
import type { CartItem, Shop } from './use-shop';

/**
 * What a visitor can buy from where they are: all photos of the bib they searched (once the
 * search found some: a bib without photos is offered nothing), the whole album; and the cart.
 * (One photo is bought from the lightbox.)
 */
export function ShopBar({ shop, query, found, onOpenCart, describe }: {
  shop: Shop;
  query: string;
  /** The search has answered with at least one photo. */
  found: boolean;
  onOpenCart: () => void;
  describe: (item: CartItem) => string;
}) {
  const bib = found && /^\d{1,8}$/.test(query.trim()) ? String(Number(query.trim())) : null;
  const offers: { item: CartItem; label: string }[] = [];
  for (const pack of shop.packs) {
    if (pack.scope === 'bib' && bib) offers.push({ item: { packId: pack.id, bib }, label: `${pack.name}: all photos of bib ${bib}` });
    if (pack.scope === 'album') offers.push({ item: { packId: pack.id }, label: `${pack.name}: the whole album` });
  }
  if (shop.packs.length === 0) return null;
  return (
    <>
      <CartNotice shop={shop} describe={describe} />
      <div className="mt-3 flex flex-wrap items-center gap-2">
        {offers.map(({ item, label }) => {
          const inCart = shop.has(item);
          const pack = shop.packOf(item);
          return (
            <Button key={`${item.packId}-${item.bib ?? ''}`} variant="secondary" disabled={inCart} onClick={() => shop.add(item)} icon={inCart ? <Check className="size-4" aria-hidden /> : undefined}>
              {label} · {formatMoney(pack.amountCents, pack.currency)}
            </Button>
          );
        })}
        <Button className="ml-auto" onClick={onOpenCart} icon={<ShoppingCart className="size-4" aria-hidden />} disabled={shop.cart.length === 0}>
          Cart ({shop.cart.length})
        </Button>
      </div>
    </>
  );
}

/** Says which lines the cart took out, and why (a photo is never sold twice in one order). */
export function CartNotice({ shop, describe }: { shop: Shop; describe: (item: CartItem) => string }) {
  if (!shop.dropped.length) return null;
  return (
    <p role="status" className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
      {shop.dropped
        .map(({ item, reason }) => {
          const what = `“${shop.packOf(item).name} · ${describe(item)}”`;
          return reason === 'covered'
            ? `${what} is not in your cart: its photos already are, for less. A photo is never charged twice.`
            : `${what} is not in your cart: no photo matches it yet.`;
        })
        .join(' ')}
    </p>
  );
}

/** The lightbox's "buy this photo" buttons (one per photo pack). */
export function BuyPhotoButtons({ shop, photoId }: { shop: Shop; photoId: string }) {
  return (
    <>
      {shop.packs
        .filter((p) => p.scope === 'photo')
        .map((pack) => {
          const item = { packId: pack.id, photoId };
          const inCart = shop.has(item);
          return (
            <button
              key={pack.id}
              type="button"
              disabled={inCart}
              onClick={() => shop.add(item)}
              className="inline-flex min-h-11 items-center gap-1 rounded-full bg-white/10 px-4 text-sm font-medium text-white hover:bg-white/20 disabled:opacity-70"
            >
              {inCart ? <Check className="size-4" aria-hidden /> : <ShoppingCart className="size-4" aria-hidden />}
              {inCart ? 'In cart' : `${pack.name} · ${formatMoney(pack.amountCents, pack.currency)}`}
            </button>
          );
        })}
    </>
  );
}
