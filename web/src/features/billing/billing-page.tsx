import { Coins, CreditCard, ExternalLink, Receipt } from 'lucide-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { CREDIT_PACKS, PLANS } from '../../../../workers/shared/billing/catalogue';
import { api, type ApiError } from '../../api/client';
import type { Credits, Invoice } from '../../api/types';
import { Button } from '../../components/button';
import { Spinner } from '../../components/spinner';
import { formatDateTime, formatMoney } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { CreditHistory } from './credit-history';
import { useWorkspaceKind } from '../shell/pro-shell';
import { readingLabel } from '../shell/trade-words';

/** The API lists offers by id; a buy request takes only ids this build knows (the body is an enum of them). */
const isKey = <K extends string>(table: Record<K, unknown>, key: string | null): key is K => key !== null && Object.hasOwn(table, key);

/** Stripe's subscription statuses in words (an unknown one shows as is). */
const STATUSES: Record<string, string> = { active: 'active', trialing: 'trial', past_due: 'payment overdue', unpaid: 'unpaid', canceled: 'cancelled', incomplete: 'awaiting payment' };

/** The subscription as the pro knows it: the plan's name and price (from the API's catalogue), and its status. */
const subscriptionLabel = ({ name, amountCents, status }: NonNullable<Credits['subscription']>) =>
  [name ?? 'Monthly plan', amountCents !== null && `${formatMoney(amountCents)} / month`, status && (STATUSES[status] ?? status)].filter(Boolean).join(' · ');

/** Credits: balance, what work costs, buying packs or a plan (Stripe Checkout), the ledger and invoices. */
export function BillingPage() {
  const kind = useWorkspaceKind();
  const credits = useResource(() => api.billing.credits(), []);
  const invoices = useResource(() => api.billing.invoices(), []);
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  /** Off to a Stripe page; Stripe may answer a session without one (nothing to open, nothing charged). */
  const go = async (link: () => Promise<string | null>) => {
    setError(null);
    try {
      const url = await link();
      if (url) window.location.assign(url);
      else setError('Stripe did not open a payment page. Nothing was charged: try again in a moment.');
    } catch (err) {
      setError((err as ApiError).message);
    }
  };
  if (!credits.data) return credits.error ? <p role="alert" className="text-red-700">{credits.error.message}</p> : <Spinner label="Loading credits…" />;
  const c: Credits = credits.data;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Credits and billing</h1>
      {params.get('checkout') === 'done' && <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">Payment received: your credits are added as soon as Stripe confirms it.</p>}
      {params.get('checkout') === 'cancelled' && <p role="status" className="rounded-lg bg-slate-100 px-3 py-2 text-sm">Checkout cancelled: nothing was charged.</p>}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <section className="grid gap-4 sm:grid-cols-3">
        <Stat label="Balance" value={`${c.balance} credits`} testId="credit-balance" />
        <Stat label={readingLabel(kind, 'one photo')} value={`${c.prices.recognition} credit`} />
        <Stat label="Cutting out one photo" value={`${c.prices.cutout} credits`} />
      </section>
      {c.awaitingCredits.photos > 0 && (
        <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {c.awaitingCredits.photos} photos wait for {c.awaitingCredits.creditsNeeded} credits to be read. They resume by themselves once you add credits.
        </p>
      )}
      <section aria-labelledby="buy-title" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="buy-title" className="mb-4 flex items-center gap-2 font-semibold"><Coins className="size-5" aria-hidden /> Buy credits</h2>
        <div className="grid gap-3 sm:grid-cols-3">
          {c.packs.map(({ id, name, amountCents }) =>
            isKey(CREDIT_PACKS, id) ? (
              <Button key={id} variant="secondary" className="h-auto flex-col py-3" onClick={() => go(async () => (await api.billing.buyCredits({ pack: id })).checkoutUrl)}>
                <span className="text-base font-semibold">{name}</span>
                <span className="text-slate-600">{formatMoney(amountCents)}</span>
              </Button>
            ) : null,
          )}
        </div>
        <h3 className="mt-6 mb-3 font-medium">Or a monthly plan</h3>
        <div className="grid gap-3 sm:grid-cols-2">
          {c.plans.map(({ id, name, amountCents }) =>
            isKey(PLANS, id) ? (
              <Button key={id} variant="secondary" className="h-auto flex-col py-3" onClick={() => go(async () => (await api.billing.subscribe({ plan: id })).checkoutUrl)} disabled={Boolean(c.subscription)}>
                <span className="font-semibold">{name}</span>
                <span className="text-slate-600">{formatMoney(amountCents)} / month</span>
              </Button>
            ) : null,
          )}
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3 text-sm">
          {c.subscription && <span>Current plan: {subscriptionLabel(c.subscription)}</span>}
          <Button variant="ghost" icon={<CreditCard className="size-4" aria-hidden />} onClick={() => go(async () => (await api.billing.portal()).url)}>
            Manage plan and cards <ExternalLink className="size-3" aria-hidden />
          </Button>
        </div>
      </section>
      <section aria-labelledby="ledger-title" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="ledger-title" className="mb-3 font-semibold">Credit history</h2>
        <CreditHistory />
      </section>
      <section aria-labelledby="invoices-title" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="invoices-title" className="mb-3 flex items-center gap-2 font-semibold"><Receipt className="size-5" aria-hidden /> Invoices</h2>
        {!invoices.data?.invoices.length ? (
          <p className="text-sm text-slate-600">No invoices yet. Buying credits or a plan creates one.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" aria-label="Invoices">
            {invoices.data.invoices.map((i) => <InvoiceRow key={i.id} invoice={i} />)}
          </ul>
        )}
      </section>
    </div>
  );
}

function InvoiceRow({ invoice: i }: { invoice: Invoice }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-3 py-2">
      <span>
        <span className="font-medium">{i.description ?? 'Invoice'}</span>
        <span className="block text-slate-600">{[formatDateTime(i.createdAt), i.number, i.status === 'paid' ? 'Paid' : i.status].filter(Boolean).join(' · ')}</span>
      </span>
      <span className="flex items-center gap-3">
        <span className="tabular-nums">{formatMoney(i.amountPaidCents, i.currency)}</span>
        {i.url && <a className="text-brand-700 underline" href={i.url} target="_blank" rel="noreferrer">Receipt<span className="sr-only"> for {i.description ?? i.number}</span></a>}
      </span>
    </li>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold" data-testid={testId}>{value}</p>
    </div>
  );
}
