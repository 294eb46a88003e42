import type { OrderStatus } from '../../../../workers/shared/enums';
import type { SalesPage } from '../../../../workers/modules/sales/views';
import { formatDate, formatMoney } from '../../lib/format';

type Sale = SalesPage['orders'][number];

const STATUS: Record<OrderStatus, string> = { pending: 'Awaiting payment', paid: 'Paid', expired: 'Expired' };
const day = (o: Sale) => formatDate(o.paidAt ?? o.createdAt);

/**
 * The sales: a table from the `sm` breakpoint, a card per sale on a phone (five columns do not fit
 * 390 px, and a table that scrolls sideways hides what the photographer receives). Only one of
 * the two is displayed, so only one is in the accessibility tree.
 */
export function SalesList({ sales }: { sales: Sale[] }) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200 sm:block">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr><th className="px-4 py-2">Date</th><th className="px-4 py-2">Buyer</th><th className="px-4 py-2">Status</th><th className="px-4 py-2 text-right">Paid</th><th className="px-4 py-2 text-right">You receive</th></tr>
          </thead>
          <tbody>
            {sales.map((o) => (
              <tr key={o.id} className="border-t border-slate-100">
                <td className="px-4 py-2">{day(o)}</td>
                <td className="px-4 py-2">{o.email}</td>
                <td className="px-4 py-2">{STATUS[o.status]}</td>
                <td className="px-4 py-2 text-right tabular-nums">{formatMoney(o.totalCents, o.currency)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{formatMoney(o.payoutCents, o.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-3 sm:hidden" aria-label="Sales">
        {sales.map((o) => (
          <li key={o.id} className="rounded-2xl bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
            <p className="flex justify-between gap-3">
              <span className="min-w-0 truncate font-medium" title={o.email}>{o.email}</span>
              <span className="shrink-0 text-slate-600">{day(o)}</span>
            </p>
            <dl className="mt-3 grid grid-cols-3 gap-2">
              <Figure term="Status" value={STATUS[o.status]} />
              <Figure term="Paid" value={formatMoney(o.totalCents, o.currency)} />
              <Figure term="You receive" value={formatMoney(o.payoutCents, o.currency)} strong />
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

function Figure({ term, value, strong }: { term: string; value: string; strong?: boolean }) {
  return (
    <div>
      <dt className="text-xs text-slate-600">{term}</dt>
      <dd className={`tabular-nums ${strong ? 'font-semibold text-emerald-800' : ''}`}>{value}</dd>
    </div>
  );
}
