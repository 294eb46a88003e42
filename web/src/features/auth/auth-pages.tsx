import { Camera } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { WorkspaceKind } from '../../../../workers/shared/enums';
import { api } from '../../api/client';
import { setSession } from '../../api/session';
import { Button } from '../../components/button';
import { Field, FormError, SelectField } from '../../components/field';
import { useSubmit } from '../../lib/use-submit';
import { KIND_OPTIONS } from '../shell/workspace-kinds';
import { TwoFactorStep } from './two-factor-step';

export function AuthFrame({ title, children, footer }: { title: string; children: ReactNode; footer: ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      <div className="mb-6 flex items-center gap-2 text-2xl font-bold">
        <Camera className="size-8 text-brand-600" aria-hidden /> Vitrine
      </div>
      <div className="w-full max-w-sm rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h1 className="mb-4 text-xl font-semibold">{title}</h1>
        {children}
      </div>
      <p className="mt-4 text-sm text-slate-600">{footer}</p>
    </main>
  );
}

export function LoginPage() {
  const [params] = useSearchParams();
  const [challenge, setChallenge] = useState<string | null>(null);
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const answer = await api.auth.login({ email: String(form.get('email')), password: String(form.get('password')) });
    if ('token' in answer) setSession({ token: answer.token });
    else setChallenge(answer.challenge);
  });
  const footer = <>New to Vitrine? <Link className="font-medium text-brand-700 underline" to="/register">Create an account</Link></>;
  if (challenge) {
    return (
      <AuthFrame title="Two-factor authentication" footer={footer}>
        <TwoFactorStep challenge={challenge} onRestart={() => setChallenge(null)} />
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title="Sign in" footer={footer}>
      <form onSubmit={onSubmit} className="space-y-4">
        {params.get('reset') === 'done' && <p role="status" className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800">Your password is changed: sign in with the new one.</p>}
        {params.get('deleted') === 'account' && <p role="status" className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800">Your account is deleted and you are signed out everywhere. Its data is being erased; an email confirms when it is done.</p>}
        <FormError error={error?.message} />
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" busy={busy} className="w-full">Sign in</Button>
        <p className="text-center text-sm"><Link className="text-brand-700 underline" to="/forgot-password">Forgot your password?</Link></p>
      </form>
    </AuthFrame>
  );
}

export function RegisterPage() {
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const { token } = await api.auth.register({
      name: String(form.get('name')),
      email: String(form.get('email')),
      password: String(form.get('password')),
      workspace: { name: String(form.get('workspace')), kind: form.get('kind') as WorkspaceKind },
    });
    setSession({ token });
  });
  const fields = error?.fields ?? {};
  return (
    <AuthFrame title="Create your account" footer={<>Already have an account? <Link className="font-medium text-brand-700 underline" to="/login">Sign in</Link></>}>
      <form onSubmit={onSubmit} className="space-y-4">
        <FormError error={error && Object.keys(fields).length === 0 ? error.message : null} />
        <Field label="Your name" name="name" autoComplete="name" required error={fields.name} />
        <Field label="Email" name="email" type="email" autoComplete="email" required error={fields.email} />
        <Field label="Password" name="password" type="password" autoComplete="new-password" required minLength={10} hint="At least 10 characters" error={fields.password} />
        <Field label="Business name" name="workspace" required error={fields['workspace.name']} hint="Your studio or company; you can add more workspaces later" />
        <SelectField label="What you shoot" name="kind" defaultValue="events">
          {KIND_OPTIONS.map(({ kind, label }) => (
            <option key={kind} value={kind}>{label}</option>
          ))}
        </SelectField>
        <Button type="submit" busy={busy} className="w-full">Create account</Button>
      </form>
    </AuthFrame>
  );
}
