/**
 * What the billing routes answer (credits, estimates, Checkout, portal, invoices, the Stripe
 * webhook): the response schemas of the OpenAPI document and the types the SPA reads (zod only).
 */
import { z } from 'zod';
import { LEDGER_REASONS } from '../../shared/enums';
import { CREDIT_PRICES } from '../../shared/billing/catalogue';

const timestamp = z.string().meta({ description: 'ISO 8601', example: '2026-04-12T08:30:00.000Z' });
const paidWork = z.enum(Object.keys(CREDIT_PRICES) as [keyof typeof CREDIT_PRICES]);
const offer = z.object({ id: z.string(), credits: z.number().int(), amountCents: z.number().int(), name: z.string() });

export const ledgerRowView = z
  .object({
    id: z.string(),
    delta: z.number().int().meta({ description: 'Credits added (positive) or spent (negative)' }),
    reason: z.enum(LEDGER_REASONS),
    reference: z.string().meta({ description: 'What caused it: a Checkout Session, an invoice, `recognise:<photoId>`...' }),
    balanceAfter: z.number().int(),
    createdAt: timestamp,
  })
  .meta({ id: 'LedgerRow' });

export const creditsView = z
  .object({
    balance: z.number().int(),
    prices: z.record(paidWork, z.number().int()).meta({ description: 'Credits per unit of paid work' }),
    awaitingCredits: z.object({ photos: z.number().int(), creditsNeeded: z.number().int() }).meta({ description: 'Photos whose reading waits for credits' }),
    packs: z.array(offer).meta({ description: 'One-off credit packs' }),
    plans: z.array(offer).meta({ description: 'Monthly plans; each paid invoice grants the credits' }),
    subscription: z.object({ id: z.string().nullable(), plan: z.string().nullable(), status: z.string().nullable() }).nullable(),
    ledger: z.array(ledgerRowView).meta({ description: 'The latest changes, newest first' }),
  })
  .meta({ id: 'Credits' });

export const estimateView = z.object({
  work: paidWork,
  count: z.number().int(),
  credits: z.number().int().meta({ description: 'What the work would cost' }),
  balance: z.number().int(),
  enough: z.boolean(),
  missing: z.number().int().meta({ description: 'Credits to buy first (0 when enough)' }),
});

export const checkoutSessionView = z.object({
  checkoutUrl: z.string().nullable().meta({ description: 'Stripe Checkout page; comes back to /billing' }),
  sessionId: z.string(),
});

export const portalView = z.object({ url: z.string().meta({ description: 'Stripe Billing Portal (cancel, card, invoices)' }) });

export const invoiceView = z
  .object({
    id: z.string(),
    number: z.string().nullable(),
    // Stripe may add statuses: documented, not enumerated.
    status: z.string().nullable().meta({ description: '`draft`, `open`, `paid`, `uncollectible` or `void`', example: 'paid' }),
    amountPaidCents: z.number().int(),
    currency: z.string(),
    createdAt: timestamp,
    url: z.string().nullish().meta({ description: 'Hosted invoice page' }),
    pdf: z.string().nullish(),
  })
  .meta({ id: 'Invoice' });

export const invoicesView = z.object({ invoices: z.array(invoiceView) });

/** 2xx tells Stripe not to send the event again. */
export const webhookAckView = z.object({
  received: z.boolean().meta({ description: 'Always true' }),
  duplicate: z.boolean().meta({ description: 'Already applied before: nothing was done twice' }),
});

export type LedgerRowView = z.infer<typeof ledgerRowView>;
export type CreditsView = z.infer<typeof creditsView>;
export type EstimateView = z.infer<typeof estimateView>;
export type CheckoutSessionView = z.infer<typeof checkoutSessionView>;
export type PortalView = z.infer<typeof portalView>;
export type InvoiceView = z.infer<typeof invoiceView>;
export type InvoicesView = z.infer<typeof invoicesView>;
export type WebhookAckView = z.infer<typeof webhookAckView>;
