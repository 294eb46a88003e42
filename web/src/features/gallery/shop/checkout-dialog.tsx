import { Lock, Trash2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { PLATFORM_FEE_CENTS } from '../../../../../workers/shared/billing/catalogue';
import { ApiError, api } from '../../../api/client';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { Field, FormError } from '../../../components/field';
import { formatMoney } from '../../../lib/format';
import { CartNotice } from './shop-bar';
import { type CartItem, rememberCheckout, type Shop } from './use-shop';

const MESSAGES: Record<string, string> = {
  SELLER_NOT_PAYABLE: 'The photographer cannot take payments yet. Please try again later.',
  PAYMENTS_UNAVAILABLE: 'Payments are not available right now. Please try again later.',
};

/** The cart, the service fee as its own line, the total; a guest pays with just an email (Stripe Checkout). */
export function CheckoutDialog({ open, onClose, slug, search, shop, describe }: {
  open: boolean;
  onClose: () => void;
  slug: string;
  /** The gallery search, restored if the buyer cancels on the payment page. */
  search: string;
  shop: Shop;
  describe: (item: CartItem) => string;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const currency = shop.packs[0]?.currency ?? 'eur';
  const subtotal = shop.cart.reduce((n, item) => n + shop.packOf(item).amountCents, 0);
  const pay = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { order, checkoutUrl } = await api.shop.checkout(slug, { email: String(new FormData(e.currentTarget).get('email')), items: shop.cart, search: search || undefined });
      rememberCheckout(order.id, slug);
      // Stripe may answer a session without a page: nothing to pay on, nothing charged.
      if (!checkoutUrl) throw new ApiError(0, 'CHECKOUT_UNAVAILABLE', 'The payment page could not be opened. Nothing was charged: please try again.');
      window.location.assign(checkoutUrl);
    } catch (err) {
      setError(err as ApiError);
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} title="Your cart">
      <form onSubmit={pay} className="space-y-4">
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Cart">
          {shop.cart.map((item) => {
            const pack = shop.packOf(item);
            return (
              <li key={`${item.packId}-${item.photoId ?? item.bib ?? ''}`} className="flex items-center justify-between gap-2 py-2">
                <span>{pack.name} · {describe(item)}</span>
                <span className="flex items-center gap-1 tabular-nums">
                  {formatMoney(pack.amountCents, currency)}
                  <button type="button" aria-label={`Remove ${pack.name}`} onClick={() => shop.remove(item)} className="rounded p-1 text-slate-500 hover:bg-slate-100">
                    <Trash2 className="size-4" aria-hidden />
                  </button>
                </span>
              </li>
            );
          })}
          <li className="flex justify-between py-2 text-slate-600"><span>Service fee</span><span className="tabular-nums">{formatMoney(PLATFORM_FEE_CENTS, currency)}</span></li>
          <li className="flex justify-between py-2 font-semibold"><span>Total</span><span className="tabular-nums" data-testid="cart-total">{formatMoney(subtotal + PLATFORM_FEE_CENTS, currency)}</span></li>
        </ul>
        <CartNotice shop={shop} describe={describe} />
        <FormError error={error ? (MESSAGES[error.code] ?? error.message) : null} />
        <Field label="Your email" name="email" type="email" required autoComplete="email" hint="Your download link is sent here. No account needed." />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Keep browsing</Button>
          <Button type="submit" busy={busy} disabled={shop.cart.length === 0} icon={<Lock className="size-4" aria-hidden />}>
            Pay {formatMoney(subtotal + PLATFORM_FEE_CENTS, currency)}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
