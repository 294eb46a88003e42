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

/** The album's price packs and the visitor's cart, kept per album in localStorage (it survives a cancelled checkout). */
export function useShop(slug: string) {
  const [packs, setPacks] = useState<Pack[]>([]);
  const [cart, setCart] = useState<CartItem[]>(() => readCart(slug));
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
  return {
    packs,
    cart: live,
    has: (item: CartItem) => live.some((i) => sameItem(i, item)),
    add: (item: CartItem) => !live.some((i) => sameItem(i, item)) && save([...live, item]),
    remove: (item: CartItem) => save(live.filter((i) => !sameItem(i, item))),
    clear: () => save([]),
    packOf: (item: CartItem) => packs.find((p) => p.id === item.packId)!,
  };
}

export type Shop = ReturnType<typeof useShop>;
