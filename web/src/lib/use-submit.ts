import { type FormEvent, useState } from 'react';
import type { ApiError } from '../api/client';

/** A form's submit handler with its busy state and the API's error (whose `fields` map to inputs). */
export function useSubmit(action: (form: FormData) => Promise<void>) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action(new FormData(e.currentTarget));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, onSubmit };
}
