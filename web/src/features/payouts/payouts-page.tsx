import { BadgeCheck, Banknote, ExternalLink } from 'lucide-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, type ApiError } from '../../api/client';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { Spinner } from '../../components/spinner';
import { formatDate, formatMoney } from '../../lib/format';
import { useResource } from '../../lib/use-resource';

/** Sales and payouts: Stripe Connect onboarding (albums can be sold from once payable) and the orders. */
export function PayoutsPage() {
  const payouts = useResource(() => api.payouts.get(), []);
  const orders = useResource(() => api.payouts.orders(), []);
  const [params] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onboard = async () => {
    setBusy(true);
    setError(null);
    try {
      window.location.assign((await api.payouts.onboard()).url);
    } catch (err) {
      setError((err as ApiError).message);
      setBusy(false);
    }
  };
  if (!payouts.data) return payouts.error ? <p role="alert" className="text-red-700">{payouts.error.message}</p> : <Spinner label="Loading…" />;
  const sales = orders.data?.orders ?? [];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Sales and payouts</h1>
      <section className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        {payouts.data.payable ? (
          <p className="flex items-center gap-2 font-medium text-emerald-800" data-testid="payouts-status">
            <BadgeCheck className="size-5" aria-hidden /> Payouts are set up: runners can buy photos from your public albums.
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-700" data-testid="payouts-status">
              {params.get('onboarding') === 'done'
                ? 'Thanks! Stripe is checking your details; this page updates once your account can receive payouts.'
                : 'To sell photos, connect a Stripe account: the money of each order goes to it, minus the 1 € service fee the buyer pays.'}
            </p>
            <Button className="mt-4" busy={busy} icon={<Banknote className="size-4" aria-hidden />} onClick={onboard}>
              {payouts.data.accountId ? 'Continue payout setup' : 'Set up payouts'} <ExternalLink className="size-3" aria-hidden />
            </Button>
            {error && <p role="alert" className="mt-2 text-sm text-red-700">{error}</p>}
          </>
        )}
      </section>
      {sales.length === 0 ? (
        <EmptyState icon={Banknote} title="No sales yet">
          Add price packs to an album (Settings → Prices), share its gallery link, and orders show up here.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr><th className="px-4 py-2">Date</th><th className="px-4 py-2">Buyer</th><th className="px-4 py-2">Status</th><th className="px-4 py-2 text-right">Paid</th><th className="px-4 py-2 text-right">You receive</th></tr>
            </thead>
            <tbody>
              {sales.map((o) => (
                <tr key={o.id} className="border-t border-slate-100">
                  <td className="px-4 py-2">{o.paidAt ? formatDate(o.paidAt) : '—'}</td>
                  <td className="px-4 py-2">{o.email}</td>
                  <td className="px-4 py-2">{o.status}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatMoney(o.totalCents, o.currency)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatMoney(o.payoutCents, o.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
