import { plural } from '../../lib/format';

type Props = { favouritesOnly: boolean; query: string; count: number; more: boolean; busy: boolean };

/**
 * One line saying what the grid shows. A live region: a screen reader hears the number of
 * results when a search (typed, so with no page change) lands.
 */
export function ResultsSummary({ favouritesOnly, query, count, more, busy }: Props) {
  let text = '';
  if (favouritesOnly) text = `Your favourites · ${plural(count, 'photo')}`;
  else if (query && !busy) text = `${more ? `${count}+ photos` : plural(count, 'photo')} for “${query}”`;
  return (
    <p aria-live="polite" className="mt-3 min-h-5 text-sm text-slate-600 empty:mt-0 empty:min-h-0">
      {text}
    </p>
  );
}
