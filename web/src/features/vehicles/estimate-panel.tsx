/**
 * The explained estimate: low–mid–high, then every factor in euros with why, and "Use as asking
 * price". A 422 ESTIMATE_NEEDS_DETAILS says which fields of the record are missing.
 */
import { Calculator } from 'lucide-react';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import type { VehicleEstimate } from '../../api/types';
import { Button } from '../../components/button';
import { formatEuros } from '../../lib/format';
import { FACTORS, FIELD_LABELS } from './vehicle-record';

type Props = { estimate: () => Promise<VehicleEstimate>; onUse: (cents: number) => void };

const signed = (cents: number) => (cents > 0 ? `+${formatEuros(cents)}` : formatEuros(cents));

export function EstimatePanel({ estimate, onUse }: Props) {
  const [result, setResult] = useState<VehicleEstimate | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await estimate());
    } catch (err) {
      setResult(null);
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const missing = error?.code === 'ESTIMATE_NEEDS_DETAILS' ? ((error.details as { missing?: string[] } | undefined)?.missing ?? []) : [];
  return (
    <section aria-labelledby="estimate-title" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="estimate-title" className="flex items-center gap-2 font-semibold"><Calculator className="size-5" aria-hidden /> Price estimate</h2>
        <Button variant="secondary" busy={busy} onClick={run}>{result ? 'Estimate again' : 'Estimate the price'}</Button>
      </div>
      <p className="mt-1 text-sm text-slate-600">From the saved record: new price, age, mileage, gearbox, condition and your own sales of the model.</p>
      {error && (
        <div role="alert" className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {missing.length ? <>The estimate needs: {missing.map((f) => FIELD_LABELS[f] ?? f).join(', ')}.</> : error.message}
        </div>
      )}
      {result && <EstimateResult estimate={result} onUse={onUse} />}
    </section>
  );
}

function EstimateResult({ estimate: e, onUse }: { estimate: VehicleEstimate; onUse: (cents: number) => void }) {
  return (
    <div className="mt-4">
      <dl className="grid grid-cols-3 gap-2 text-center" data-testid="estimate-range">
        {[['Low', e.low], ['Estimate', e.mid], ['High', e.high]].map(([label, cents]) => (
          <div key={label} className={`rounded-lg p-3 ${label === 'Estimate' ? 'bg-brand-50 ring-1 ring-brand-100' : 'bg-slate-50'}`}>
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-lg font-bold">{formatEuros(cents as number)}</dd>
          </div>
        ))}
      </dl>
      <table className="mt-4 w-full text-left text-sm">
        <caption className="sr-only">How the estimate is made</caption>
        <thead className="text-xs text-slate-500">
          <tr><th className="py-1 pr-2 font-medium">Factor</th><th className="py-1 pr-2 text-right font-medium">Effect</th><th className="py-1 font-medium">Why</th></tr>
        </thead>
        <tbody>
          {e.factors.map((f) => (
            <tr key={f.name} className="border-t border-slate-100 align-top">
              <td className="py-2 pr-2 font-medium whitespace-nowrap">{FACTORS[f.name]}</td>
              <td className={`py-2 pr-2 text-right whitespace-nowrap tabular-nums ${f.effect < 0 ? 'text-red-700' : 'text-emerald-700'}`}>{signed(f.effect)}</td>
              <td className="py-2 text-slate-600">{f.explanation}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button className="mt-4" onClick={() => onUse(e.mid)}>Use {formatEuros(e.mid)} as asking price</Button>
    </div>
  );
}
