import { BadgeCheck, Banknote, ExternalLink } from 'lucide-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, type ApiError } from '../../api/client';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { Spinner } from '../../components/spinner';
import { useResource } from '../../lib/use-resource';
import { SalesList } from './sales-list';

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
            <BadgeCheck className="size-5" aria-hidden /> Payouts are set up: visitors can buy photos from your public albums.
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
        <SalesList sales={sales} />
      )}
    </div>
  );
}
