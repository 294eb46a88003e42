import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type ApiError } from '../../api/client';
import { getSession } from '../../api/session';
import { Spinner } from '../../components/spinner';
import { plural } from '../../lib/format';
import { AuthFrame } from './auth-pages';

type Outcome = { alreadyVerified: boolean; creditsGranted: number };

/** One confirmation per token and page load: an effect run twice must not turn "confirmed" into "already confirmed". */
const confirming = new Map<string, Promise<Outcome>>();
const confirm = (token: string) => {
  if (!confirming.has(token)) confirming.set(token, api.auth.verifyEmail({ token }));
  return confirming.get(token)!;
};

/** The emailed confirmation link lands here: the address is confirmed (the free credits come with it, once). */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!token) return setError('This confirmation link is incomplete; open the link from the email again.');
    confirm(token).then(setOutcome, (err: ApiError) => setError(err.message));
  }, [token]);
  const signedIn = Boolean(getSession());
  const next = signedIn
    ? <Link className="font-medium text-brand-700 underline" to="/albums">Open Vitrine</Link>
    : <Link className="font-medium text-brand-700 underline" to="/login">Sign in</Link>;
  return (
    <AuthFrame title="Confirm your email" footer={next}>
      {error ? (
        <div role="alert" className="space-y-2 text-sm text-red-700">
          <p>{error}</p>
          <p className="text-slate-600">{signedIn ? 'Ask for a new link from the banner at the top of the app.' : 'Sign in: the app can send you a new link.'}</p>
        </div>
      ) : outcome ? (
        <div role="status" className="space-y-2 text-sm text-slate-700">
          <p className="font-medium">{outcome.alreadyVerified ? 'Your email was already confirmed.' : 'Your email is confirmed.'}</p>
          {outcome.creditsGranted > 0 && <p>{plural(outcome.creditsGranted, 'free credit')} were added to your workspace.</p>}
          <p>You can now sell photos and buy credits.</p>
        </div>
      ) : (
        <Spinner label="Confirming your email…" />
      )}
    </AuthFrame>
  );
}
