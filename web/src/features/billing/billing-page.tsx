import { Coins, CreditCard, ExternalLink, Receipt } from 'lucide-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { CREDIT_PACKS, PLANS } from '../../../../workers/shared/billing/catalogue';
import type { LedgerReason } from '../../../../workers/shared/enums';
import { api, type ApiError } from '../../api/client';
import type { Credits } from '../../api/types';
import { Button } from '../../components/button';
import { Spinner } from '../../components/spinner';
import { formatDate, formatMoney } from '../../lib/format';
import { useResource } from '../../lib/use-resource';

/** Keyed by the Worker's enum, so a new reason cannot go unlabelled. */
const REASONS: Record<LedgerReason, string> = {
  starter: 'Welcome credits',
  purchase: 'Credit pack bought',
  subscription: 'Monthly plan',
  adjustment: 'Adjustment',
  reserve: 'Reserved for AI work',
  commit: 'AI work done',
  refund: 'Refunded (work failed)',
};
/** The ledger speaks in reasons; an unknown one (newer Worker) shows as is. */
const reasonLabel = (reason: string) => REASONS[reason as LedgerReason] ?? reason;

/** The API lists offers by id; a buy request takes only ids this build knows (the body is an enum of them). */
const isKey = <K extends string>(table: Record<K, unknown>, key: string | null): key is K => key !== null && Object.hasOwn(table, key);

/** The subscription as the pro knows it: the plan's name, and its Stripe status when there is one. */
const subscriptionLabel = ({ id, plan, status }: NonNullable<Credits['subscription']>) => {
  const name = isKey(PLANS, plan) ? PLANS[plan].name : (plan ?? id ?? 'Monthly plan');
  return status ? `${name} (${status})` : name;
};

/** Credits: balance, what work costs, buying packs or a plan (Stripe Checkout), the ledger and invoices. */
export function BillingPage() {
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
        <Stat label="Reading one photo (bibs, plates)" value={`${c.prices.recognition} credit`} />
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
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600"><tr><th className="py-1">Date</th><th>What</th><th className="text-right">Change</th><th className="text-right">Balance</th></tr></thead>
          <tbody>
            {c.ledger.map((row) => (
              <tr key={row.id} className="border-t border-slate-100">
                <td className="py-2">{formatDate(row.createdAt)}</td>
                <td>{reasonLabel(row.reason)}</td>
                <td className={`text-right tabular-nums ${row.delta < 0 ? 'text-slate-700' : 'text-emerald-700'}`}>{row.delta > 0 ? `+${row.delta}` : row.delta}</td>
                <td className="text-right tabular-nums">{row.balanceAfter}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="invoices-title" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="invoices-title" className="mb-3 flex items-center gap-2 font-semibold"><Receipt className="size-5" aria-hidden /> Invoices</h2>
        {!invoices.data?.invoices.length ? (
          <p className="text-sm text-slate-600">No invoices yet. Buying credits or a plan creates one.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {invoices.data.invoices.map((i) => (
              <li key={i.id} className="flex items-center justify-between py-2">
                <span>{[i.number ?? i.id, formatDate(i.createdAt), i.status].filter(Boolean).join(' · ')}</span>
                <span className="flex items-center gap-3">
                  {formatMoney(i.amountPaidCents, i.currency)}
                  {i.url && <a className="text-brand-700 underline" href={i.url} target="_blank" rel="noreferrer">View</a>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
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
