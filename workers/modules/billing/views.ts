/**
 * What the billing routes answer (credits, estimates, Checkout, portal, invoices, the Stripe
 * webhook): the response schemas of the OpenAPI document and the types the SPA reads (zod only).
 */
import { z } from 'zod';
import { LEDGER_REASONS } from '../../shared/enums';
import { CREDIT_PRICES } from '../../shared/billing/catalogue';
import { nextCursor } from '../albums/views';

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
    subscription: z
      .object({
        id: z.string().nullable(),
        plan: z.string().nullable().meta({ description: 'The plan id, e.g. `starter_monthly`' }),
        name: z.string().nullable().meta({ description: "The plan's name (null for a plan no longer sold)", example: 'Starter — 300 credits / month' }),
        amountCents: z.number().int().nullable().meta({ description: 'Its monthly price' }),
        credits: z.number().int().nullable().meta({ description: 'Credits each paid month grants' }),
        status: z.string().nullable().meta({ description: "Stripe's status: `active`, `past_due`, `canceled`..." }),
      })
      .nullable(),
    ledger: z.array(ledgerRowView).meta({ description: 'The latest 100 ledger rows as recorded, newest first (`GET /v1/credits/history` groups and pages them)' }),
  })
  .meta({ id: 'Credits' });

export const historyEntryView = z
  .object({
    id: z.string().meta({ description: 'The newest ledger row of the entry' }),
    reason: z.enum(LEDGER_REASONS).meta({ description: 'Never `commit`: those rows change nothing and are left out' }),
    work: paidWork.nullable().meta({ description: 'The kind of AI work of a reservation or refund; null otherwise' }),
    count: z.number().int().meta({ description: 'Ledger rows folded into this entry (same reason and kind of work, same day, one after another)' }),
    delta: z.number().int().meta({ description: 'Their total change' }),
    balanceAfter: z.number().int().meta({ description: 'The balance after the newest of them' }),
    createdAt: timestamp.meta({ description: 'The newest row' }),
    firstAt: timestamp.meta({ description: 'The oldest row (equal to createdAt for one row)' }),
  })
  .meta({ id: 'CreditHistoryEntry' });

export const creditHistoryView = z.object({ entries: z.array(historyEntryView).meta({ description: 'Newest first' }), nextCursor });

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
    description: z.string().nullable().meta({ description: 'What was bought: the credit pack or the plan', example: '500 credits' }),
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
export type CreditHistoryEntryView = z.infer<typeof historyEntryView>;
export type CreditHistoryView = z.infer<typeof creditHistoryView>;
export type EstimateView = z.infer<typeof estimateView>;
export type CheckoutSessionView = z.infer<typeof checkoutSessionView>;
export type PortalView = z.infer<typeof portalView>;
export type InvoiceView = z.infer<typeof invoiceView>;
export type InvoicesView = z.infer<typeof invoicesView>;
export type WebhookAckView = z.infer<typeof webhookAckView>;
