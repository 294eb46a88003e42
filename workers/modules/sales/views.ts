/**
 * What the sales routes answer (price packs, guest checkout, orders, downloads, payouts): the
 * response schemas of the OpenAPI document and the types the SPA reads (zod only).
 */
import { z } from 'zod';
import { DOWNLOAD_SIZES, ORDER_STATUSES, PACK_SCOPES } from '../../shared/enums';
import { nextCursor } from '../albums/views';

const timestamp = z.string().meta({ description: 'ISO 8601', example: '2026-04-12T08:30:00.000Z' });
const cents = (description: string) => z.number().int().meta({ description });
const currency = z.string().meta({ example: 'eur' });

export const packView = z
  .object({
    id: z.string().meta({ example: 'pck_01hx3kd4e5f6g7h8' }),
    name: z.string().meta({ example: 'One photo' }),
    scope: z.enum(PACK_SCOPES).meta({ description: 'One `photo`, every photo of a `bib`, or the whole `album`' }),
    size: z.enum(DOWNLOAD_SIZES).meta({ description: '`original`, or `web` (1600 px JPEG)' }),
    amountCents: cents('Price in cents'),
    currency,
  })
  .meta({ id: 'PricePack' });

export const packsView = z.object({ packs: z.array(packView) });

/** A sale as the photographer sees it: `payoutCents` is what the connected account receives. */
export const saleView = z
  .object({
    id: z.string().meta({ example: 'ord_01hx3ke5f6g7h8j9' }),
    albumId: z.string(),
    email: z.string(),
    status: z.enum(ORDER_STATUSES),
    size: z.enum(DOWNLOAD_SIZES),
    subtotalCents: cents("The packs' price"),
    feeCents: cents("The platform's service fee"),
    totalCents: cents('What the buyer paid'),
    payoutCents: cents('What the connected account receives (0 until paid)'),
    currency,
    paidAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'Sale' });

export const salesPage = z.object({ orders: z.array(saleView), nextCursor });

export const payoutStatusView = z
  .object({
    accountId: z.string().nullable().meta({ description: 'The Stripe Connect account, once onboarding started' }),
    payable: z.boolean().meta({ description: 'Charges and payouts enabled: the albums can sell' }),
  })
  .meta({ id: 'PayoutStatus' });

export const onboardingView = z.object({
  accountId: z.string(),
  url: z.string().meta({ description: 'Single-use Stripe onboarding link' }),
  expiresAt: z.number().int().meta({ description: 'Unix seconds (as Stripe gives it)' }),
});

export const checkoutView = z.object({
  order: z.object({
    id: z.string(),
    status: z.enum(ORDER_STATUSES),
    photoCount: z.number().int(),
    subtotalCents: cents("The packs' price"),
    feeCents: cents("The platform's service fee"),
    totalCents: cents('What the buyer pays'),
    currency,
  }),
  checkoutUrl: z.string().nullable().meta({ description: 'Stripe Checkout page to send the buyer to' }),
});

const cartLineRef = {
  index: z.number().int().meta({ description: "The line's place in the cart sent" }),
  packId: z.string(),
  photoId: z.string().optional(),
  bib: z.string().optional(),
};

/** A priced cart: the cheapest lines that sell each photo once, and the lines dropped (`covered`: other lines sell its photos; `empty`: no photo). */
export const cartQuoteView = z
  .object({
    lines: z.array(z.object({ ...cartLineRef, photoCount: z.number().int(), amountCents: cents('Price in cents') })),
    dropped: z.array(z.object({ ...cartLineRef, reason: z.enum(['covered', 'empty']) })),
    photoCount: z.number().int().meta({ description: 'Distinct photos the kept lines sell' }),
    subtotalCents: cents("The kept lines' price"),
    feeCents: cents("The platform's service fee"),
    totalCents: cents('What the buyer pays'),
    currency,
  })
  .meta({ id: 'CartQuote' });

export const downloadLinkView = z.object({
  url: z.string().meta({ description: 'The signed link (also emailed), valid 30 days' }),
  expiresAt: timestamp,
});

export const orderStatusView = z.object({
  order: z.object({ id: z.string(), status: z.enum(ORDER_STATUSES), totalCents: cents('What the buyer pays'), currency }),
  download: downloadLinkView.nullable().meta({ description: 'Once paid' }),
});

const sizeUrls = z.partialRecord(z.enum(DOWNLOAD_SIZES), z.string()).meta({ description: 'A signed URL per size the order includes' });

export const downloadManifestView = z
  .object({
    order: z.object({ id: z.string(), size: z.enum(DOWNLOAD_SIZES), photoCount: z.number().int(), expiresAt: timestamp }),
    zip: sizeUrls,
    photos: z.array(
      z
        .object({ id: z.string(), name: z.string(), thumb: z.object({ url: z.string().meta({ description: 'A preview (400 px WebP), signed like the rest' }), width: z.number().int().nullable(), height: z.number().int().nullable() }) })
        .and(sizeUrls),
    ),
  })
  .meta({ id: 'DownloadManifest' });

export type PackView = z.infer<typeof packView>;
export type PacksView = z.infer<typeof packsView>;
export type SaleView = z.infer<typeof saleView>;
export type SalesPage = z.infer<typeof salesPage>;
export type PayoutStatusView = z.infer<typeof payoutStatusView>;
export type OnboardingView = z.infer<typeof onboardingView>;
export type CheckoutView = z.infer<typeof checkoutView>;
export type CartQuoteView = z.infer<typeof cartQuoteView>;
export type OrderStatusView = z.infer<typeof orderStatusView>;
export type DownloadManifestView = z.infer<typeof downloadManifestView>;
