import { z } from 'zod';
import { DOWNLOAD_SIZES, PACK_SCOPES } from '../enums';
import { CREDIT_PACKS, CREDIT_PRICES, PLANS } from '../billing/catalogue';
import { pageQuery } from './pagination';

/** A price pack of an album: e.g. `{name:"One photo", scope:"photo", size:"original", amountCents:500}`. */
export const createPackBody = z.object({
  name: z.string().trim().min(1).max(80),
  scope: z.enum(PACK_SCOPES),
  size: z.enum(DOWNLOAD_SIZES).default('original'),
  amountCents: z.number().int().min(50).max(100_000),
});
export type CreatePackBody = z.infer<typeof createPackBody>;

/** One cart line: a pack and what it applies to (a photo for `photo` packs, a bib for `bib` packs). */
export const cartItem = z.object({
  packId: z.string().min(1).max(64),
  photoId: z.string().min(1).max(64).optional(),
  bib: z.string().trim().regex(/^\d{1,8}$/, 'A bib is a number').optional(),
});

/** A cart to price: the lines as the buyer picked them. */
export const cartBody = z.object({ items: z.array(cartItem).min(1).max(50) });

/** Guest checkout: an email and the cart; `search` is the gallery search a cancelled payment returns to. */
export const checkoutBody = cartBody.extend({
  email: z.email().max(254),
  search: z.string().trim().max(100).optional(),
});
export type CheckoutBody = z.infer<typeof checkoutBody>;

export const creditCheckoutBody = z.object({ pack: z.enum(Object.keys(CREDIT_PACKS) as [keyof typeof CREDIT_PACKS]) });
export const subscribeBody = z.object({ plan: z.enum(Object.keys(PLANS) as [keyof typeof PLANS]) });

/** A signed download link: `?expires=<unix s>&sig=<hmac>`; `size` chooses original or 1600 px. */
export const downloadQuery = z.object({
  expires: z.coerce.number().int().positive(),
  sig: z.string().min(10).max(100),
  size: z.enum(DOWNLOAD_SIZES).optional(),
});

/** `GET /v1/credits/estimate?work=recognition&count=250`. */
export const estimateQuery = z.object({
  work: z.enum(Object.keys(CREDIT_PRICES) as [keyof typeof CREDIT_PRICES]),
  count: z.coerce.number().int().min(1).max(100_000),
});

const isTimeZone = (timeZone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
};

/** `GET /v1/credits/history?timeZone=Europe/Paris&limit=50&cursor=...`: the reader's time zone says what "one day" is. */
export const historyQuery = pageQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  timeZone: z.string().max(64).refine(isTimeZone, 'An IANA time zone, e.g. Europe/Paris').default('UTC'),
});
