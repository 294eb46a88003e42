import { useCallback, useState } from 'react';
import type { ApiError } from '../api/client';

/**
 * Buttons that call the API: which one is busy, the API's error, and the notice the action
 * returns when it succeeds (an empty string says nothing). `after` runs however it ended.
 */
export function useAction<K extends string>(after?: () => void) {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = useCallback(
    async (what: K, action: () => Promise<string>) => {
      setBusy(what);
      setError(null);
      setNotice(null);
      try {
        setNotice((await action()) || null);
      } catch (err) {
        setError(err as ApiError);
      } finally {
        setBusy(null);
        after?.();
      }
    },
    [after],
  );
  return { busy, error, notice, run };
}
