import { useState } from 'react';
import { api } from '../../api/client';
import { setSession } from '../../api/session';
import { Button } from '../../components/button';
import { Field, FormError } from '../../components/field';
import { useSubmit } from '../../lib/use-submit';

/**
 * Sign-in's second step, after a right password with two-factor on: the code from the
 * authenticator app, or one of the recovery codes. An expired challenge sends back to the password.
 */
export function TwoFactorStep({ challenge, onRestart }: { challenge: string; onRestart: () => void }) {
  const [recovery, setRecovery] = useState(false);
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const { token } = await api.auth.loginWithCode({ challenge, code: String(form.get('code')) });
    setSession({ token });
  });
  const expired = error?.code === 'INVALID_TOKEN';
  return (
    <form key={String(recovery)} onSubmit={onSubmit} className="space-y-4">
      <p className="text-sm text-slate-600">
        {recovery ? 'Enter one of the recovery codes you saved when you turned on two-factor authentication. Each works once.' : 'Enter the 6-digit code from your authenticator app.'}
      </p>
      <FormError error={error?.message} />
      {recovery ? (
        <Field label="Recovery code" name="code" autoComplete="off" autoCapitalize="none" spellCheck={false} required minLength={10} placeholder="xxxxx-xxxxx" />
      ) : (
        <Field label="Authentication code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" maxLength={7} required autoFocus />
      )}
      {expired ? (
        <Button className="w-full" onClick={onRestart}>Sign in again</Button>
      ) : (
        <Button type="submit" busy={busy} className="w-full">Verify</Button>
      )}
      <div className="flex justify-between text-sm">
        <button type="button" className="text-brand-700 underline" onClick={() => setRecovery(!recovery)}>
          {recovery ? 'Use your authenticator app instead' : 'Use a recovery code instead'}
        </button>
        <button type="button" className="text-slate-600 underline" onClick={onRestart}>Back</button>
      </div>
    </form>
  );
}
