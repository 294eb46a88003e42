import { CheckCircle2, Mail } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { Spinner } from '../../components/spinner';
import { formatMoney } from '../../lib/format';
import { emptyPaidCart } from '../gallery/shop/use-shop';

const POLL_MS = 1500;

/**
 * Where Stripe Checkout sends the buyer back: the order is paid once Stripe's webhook says so
 * (usually within seconds), so this page waits for it, then links to the downloads.
 */
export function OrderPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const sessionId = params.get('session_id') ?? '';
  const [state, setState] = useState<Awaited<ReturnType<typeof api.shop.order>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let timer = 0;
    const poll = async () => {
      try {
        const answer = await api.shop.order(id, sessionId);
        setState(answer);
        if (answer.download) emptyPaidCart(id);
        else timer = window.setTimeout(poll, POLL_MS);
      } catch (err) {
        setError((err as Error).message);
      }
    };
    void poll();
    return () => clearTimeout(timer);
  }, [id, sessionId]);
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center px-4 py-10">
      <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        {error ? (
          <p role="alert" className="text-red-700">{error}</p>
        ) : !state?.download ? (
          <>
            <h1 className="text-xl font-semibold">Confirming your payment…</h1>
            <div className="mt-4"><Spinner label="Waiting for the payment confirmation" /></div>
          </>
        ) : (
          <>
            <h1 className="flex items-center gap-2 text-xl font-semibold"><CheckCircle2 className="size-6 text-emerald-600" aria-hidden /> Thank you!</h1>
            <p className="mt-2 text-slate-700">Your order of {formatMoney(state.order.totalCents, state.order.currency)} is paid.</p>
            <a className="mt-5 inline-flex min-h-10 items-center rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700" href={state.download.url}>
              Download your photos
            </a>
            <p className="mt-4 flex items-center gap-2 text-sm text-slate-600"><Mail className="size-4" aria-hidden /> The link is also on its way to your email.</p>
          </>
        )}
      </div>
    </main>
  );
}
