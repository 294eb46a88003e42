/**
 * What things cost, in one place: the API shows it before work starts, the pipeline charges it,
 * Checkout sells it. Amounts are in cents (EUR).
 */

/** Credits every new workspace starts with, so a new pro can try bib reading before paying. */
export const STARTER_CREDITS = 50;

/** Credits per unit of paid AI work. Duplicates and blurry rejects are never read, so they cost nothing. */
export const CREDIT_PRICES = {
  /** Reading bibs or a plate on one photo. */
  recognition: 1,
  /** Reading a plate on request (`POST /v1/vision/plate`): the same reading, charged per call. */
  plate: 1,
  /** Cutting the subject out of one photo (an AI transform). */
  cutout: 3,
  /** One studio image: the car cut out (the photo's cutout reused when it has one) on a backdrop. */
  studio: 3,
  /** Real-estate transformations of one photo (shared/billing/transformations.ts says what each does). */
  enhance: 1,
  sky: 2,
  twilight: 2,
  declutter: 4,
  stage: 5,
} as const;

export type PaidWork = keyof typeof CREDIT_PRICES;

/** One-off credit packs (Checkout, mode `payment`). */
export const CREDIT_PACKS = {
  credits_100: { credits: 100, amountCents: 1000, name: '100 credits' },
  credits_500: { credits: 500, amountCents: 4000, name: '500 credits' },
  credits_2000: { credits: 2000, amountCents: 12000, name: '2,000 credits' },
} as const;

/** Monthly plans (Checkout, mode `subscription`): each paid invoice grants the plan's credits. */
export const PLANS = {
  starter_monthly: { credits: 300, amountCents: 1900, name: 'Starter — 300 credits / month' },
  pro_monthly: { credits: 1500, amountCents: 7900, name: 'Pro — 1,500 credits / month' },
} as const;

export type CreditPackId = keyof typeof CREDIT_PACKS;
export type PlanId = keyof typeof PLANS;

/** The platform's fee on every photo order, shown to the buyer as its own line. */
export const PLATFORM_FEE_CENTS = 100;
