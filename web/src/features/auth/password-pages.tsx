import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { setSession } from '../../api/session';
import { Button } from '../../components/button';
import { Field, FormError } from '../../components/field';
import { useSubmit } from '../../lib/use-submit';
import { AuthFrame } from './auth-pages';

const backToSignIn = <Link className="font-medium text-brand-700 underline" to="/login">Back to sign in</Link>;

/** Asks for the reset email; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const [sent, setSent] = useState<string | null>(null);
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    setSent((await api.auth.askPasswordReset({ email: String(form.get('email')) })).message);
  });
  return (
    <AuthFrame title="Forgot your password?" footer={backToSignIn}>
      {sent ? (
        <p role="status" className="text-sm text-slate-700">{sent} The link works once, for 30 minutes.</p>
      ) : (
        <form onSubmit={onSubmit} className="space-y-4">
          <p className="text-sm text-slate-600">Enter the email you sign in with: we send you a link to choose a new password.</p>
          <FormError error={error?.message} />
          <Field label="Email" name="email" type="email" autoComplete="email" required error={error?.fields.email} />
          <Button type="submit" busy={busy} className="w-full">Send the link</Button>
        </form>
      )}
    </AuthFrame>
  );
}

/** The emailed link lands here: a new password, then every session is signed out (this browser's too). */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    await api.auth.resetPassword({ token, password: String(form.get('password')) });
    setSession(null);
    navigate('/login?reset=done', { replace: true });
  });
  const expired = error?.code === 'INVALID_TOKEN';
  return (
    <AuthFrame title="Choose a new password" footer={backToSignIn}>
      <form onSubmit={onSubmit} className="space-y-4">
        <FormError error={error && !error.fields.password ? error.message : null} />
        {expired && <p className="text-sm"><Link className="text-brand-700 underline" to="/forgot-password">Ask for a new link</Link></p>}
        <Field label="New password" name="password" type="password" autoComplete="new-password" required minLength={10} hint="At least 10 characters" error={error?.fields.password} />
        <Button type="submit" busy={busy} disabled={!token} className="w-full">Set the new password</Button>
      </form>
    </AuthFrame>
  );
}
