import { Link } from 'react-router';
import type { ApiError } from '../api/client';

/**
 * A paid request that failed: on 402 what to do about it (nothing was charged, buy credits);
 * anything else in the API's words (a 400 names its field, also marked under its control).
 */
export function PaidWorkError({ error }: { error: ApiError }) {
  if (error.status === 402) {
    return (
      <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
        <span className="font-medium">Not enough credits</span> for this: nothing was charged.{' '}
        <Link to="/billing" className="font-medium underline">Buy credits</Link> and apply again.
      </p>
    );
  }
  return (
    <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">
      {error.message}
    </p>
  );
}
