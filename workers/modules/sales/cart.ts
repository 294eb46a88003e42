/**
 * What a cart sells: each line's photos, resolved now (the buyer gets what they saw), and the
 * rule that an order never sells a photo twice. A line whose photos the other lines already sell
 * is redundant; the cart keeps the cheapest set of lines that still sells every photo, and
 * checkout refuses a cart holding a redundant line (never a silent change of what is charged).
 */
import { and, eq } from 'drizzle-orm';
import { photos, photoTags, pricePacks, type Album, type PricePack } from '../../db/schema/index';
import type { CheckoutBody } from '../../shared/schemas/payments';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';

export type CartItem = CheckoutBody['items'][number];
/** One cart line: `index` is its place in the cart the buyer sent. */
export type CartLine = { index: number; item: CartItem; pack: PricePack; photoIds: string[] };
/** Up to this many lines of several photos, the cheapest cover is searched exhaustively (2^n sets, each a pass over the photos: bounded CPU). */
const EXACT_SEARCH_LINES = 8;

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
      .where(and(ready, eq(photoTags.kind, 'bib'), eq(photoTags.value, String(Number(item.bib)))));
    return rows.map((r) => r.id);
  }
  return (await db.select({ id: photos.id }).from(photos).where(ready)).map((r) => r.id);
}

/** Every line of the cart with the photos it unlocks (unknown packs and photos refused). */
export async function resolveLines(db: Db, album: Album, items: CartItem[]): Promise<CartLine[]> {
  const packs = await db.select().from(pricePacks).where(eq(pricePacks.albumId, album.id));
  const lines: CartLine[] = [];
  for (const [index, item] of items.entries()) {
    const pack = packs.find((p) => p.id === item.packId);
    if (!pack) throw new AppError('PACK_NOT_FOUND', `No price pack ${item.packId} in this album`);
    lines.push({ index, item, pack, photoIds: await readyPhotoIds(db, album, item, pack) });
  }
  return lines;
}

const cost = (lines: CartLine[]) => lines.reduce((sum, l) => sum + l.pack.amountCents, 0);

/** The lines whose every photo another line of `lines` sells too. */
export function redundantLines(lines: CartLine[]): CartLine[] {
  const sellers = new Map<string, number>();
  for (const line of lines) for (const id of new Set(line.photoIds)) sellers.set(id, (sellers.get(id) ?? 0) + 1);
  return lines.filter((l) => l.photoIds.every((id) => sellers.get(id)! > 1));
}

/** With `chosen` bought, the cheapest single-photo line for each photo still missing (null if one has none). */
function completeWithSingles(chosen: CartLine[], singles: CartLine[], wanted: Set<string>): CartLine[] | null {
  const covered = new Set(chosen.flatMap((l) => l.photoIds));
  const picked = new Map<string, CartLine>();
  for (const line of singles) {
    const id = line.photoIds[0]!;
    const best = picked.get(id);
    if (!covered.has(id) && (!best || line.pack.amountCents < best.pack.amountCents)) picked.set(id, line);
  }
  const all = [...chosen, ...picked.values()];
  return new Set(all.flatMap((l) => l.photoIds)).size === wanted.size ? all : null;
}

/** Drops the most expensive redundant line until none is left (the fallback for very large carts). */
function pruneRedundant(lines: CartLine[]): CartLine[] {
  let kept = lines;
  for (let extra = redundantLines(kept); extra.length; extra = redundantLines(kept)) {
    const dearest = extra.reduce((a, b) => (b.pack.amountCents >= a.pack.amountCents ? b : a));
    kept = kept.filter((l) => l !== dearest);
  }
  return kept;
}

/**
 * The cheapest lines of the cart that still sell every photo it holds, in cart order. Single-photo
 * lines are chosen per photo; the sets of larger lines (bibs, the album) are tried exhaustively.
 */
export function cheapestCover(lines: CartLine[]): CartLine[] {
  const sold = lines.filter((l) => l.photoIds.length > 0);
  const singles = sold.filter((l) => l.photoIds.length === 1);
  const packs = sold.filter((l) => l.photoIds.length > 1);
  if (packs.length > EXACT_SEARCH_LINES) return pruneRedundant(sold);
  const wanted = new Set(sold.flatMap((l) => l.photoIds));
  let best: CartLine[] = sold;
  for (let mask = 0; mask < 1 << packs.length; mask++) {
    const chosen = completeWithSingles(packs.filter((_, i) => mask & (1 << i)), singles, wanted);
    if (chosen && cost(chosen) < cost(best)) best = chosen;
  }
  return pruneRedundant(best).sort((a, b) => a.index - b.index);
}

const describeLine = (l: CartLine) => `"${l.pack.name}"${l.item.bib ? ` for bib ${l.item.bib}` : ''}`;

/** Checkout's rule: every line sells at least one photo, and no line only photos another line sells. */
export function assertSellsOnce(lines: CartLine[]) {
  const empty = lines.find((l) => l.photoIds.length === 0);
  if (empty) throw new AppError('NOTHING_TO_SELL', `${describeLine(empty)} matches no photo yet`);
  const redundant = redundantLines(lines);
  if (!redundant.length) return;
  throw new AppError(
    'CART_OVERLAP',
    `These lines sell the same photos twice: ${redundant.map(describeLine).join(', ')}. Remove one (the cart keeps the cheaper).`,
    { lines: redundant.map((l) => l.index) },
  );
}
