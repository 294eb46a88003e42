import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../api/client';
import type { Pack } from '../../../api/types';

/** One cart line: a pack, and what it applies to (a photo for `photo` packs, a bib for `bib` packs). */
export type CartItem = { packId: string; photoId?: string; bib?: string };

const sameItem = (a: CartItem, b: CartItem) => a.packId === b.packId && a.photoId === b.photoId && a.bib === b.bib;
const storageKey = (slug: string) => `vitrine.cart.${slug}`;

function readCart(slug: string): CartItem[] {
  try {
    return JSON.parse(localStorage.getItem(storageKey(slug)) ?? '[]') as CartItem[];
  } catch {
    return [];
  }
}

const checkoutKey = (orderId: string) => `vitrine.checkout.${orderId}`;

/** Checkout started: which album's cart this order pays, so the thank-you page can empty it. */
export const rememberCheckout = (orderId: string, slug: string) => localStorage.setItem(checkoutKey(orderId), slug);

/** The order is paid: its cart is emptied (a cancelled payment never gets here, so it keeps its cart). */
export function emptyPaidCart(orderId: string) {
  const slug = localStorage.getItem(checkoutKey(orderId));
  if (slug) localStorage.removeItem(storageKey(slug));
  localStorage.removeItem(checkoutKey(orderId));
}

/** A line the cart took out: `covered` when the rest of the cart already sells its photos (for less), `empty` when it matches no photo. */
export type DroppedLine = { item: CartItem; reason: 'covered' | 'empty' };

/**
 * The album's price packs and the visitor's cart, kept per album in localStorage (it survives a
 * cancelled checkout). Each change is priced by the API, which keeps the cheapest lines selling
 * each photo once: a line the rest of the cart already covers is taken out, and `dropped` says so.
 */
export function useShop(slug: string) {
  const [packs, setPacks] = useState<Pack[]>([]);
  const [cart, setCart] = useState<CartItem[]>(() => readCart(slug));
  const [dropped, setDropped] = useState<DroppedLine[]>([]);
  useEffect(() => {
    api.shop.packs(slug).then((r) => setPacks(r.packs), () => setPacks([]));
  }, [slug]);
  const save = useCallback(
    (next: CartItem[]) => {
      setCart(next);
      localStorage.setItem(storageKey(slug), JSON.stringify(next));
    },
    [slug],
  );
  // A pack the photographer removed since the cart was filled is dropped from it.
  const live = cart.filter((item) => packs.some((p) => p.id === item.packId));
  const liveKey = JSON.stringify(live);
  useEffect(() => {
    const sent: CartItem[] = JSON.parse(liveKey);
    if (!sent.length) return;
    let current = true;
    api.shop.quote(slug, { items: sent }).then(
      (quote) => {
        if (!current || !quote.dropped.length) return;
        const gone = new Map(quote.dropped.map((d) => [d.index, d.reason]));
        setDropped(sent.flatMap((item, i) => (gone.has(i) ? [{ item, reason: gone.get(i)! }] : [])));
        save(sent.filter((_, i) => !gone.has(i)));
      },
      // Unpriceable (a photo gone, offline): checkout answers with the reason.
      () => {},
    );
    return () => {
      current = false;
    };
  }, [slug, liveKey, save]);
  return {
    packs,
    cart: live,
    dropped,
    has: (item: CartItem) => live.some((i) => sameItem(i, item)),
    add: (item: CartItem) => {
      if (live.some((i) => sameItem(i, item))) return;
      setDropped([]);
      save([...live, item]);
    },
    remove: (item: CartItem) => save(live.filter((i) => !sameItem(i, item))),
    clear: () => save([]),
    packOf: (item: CartItem) => packs.find((p) => p.id === item.packId)!,
  };
}

export type Shop = ReturnType<typeof useShop>;
