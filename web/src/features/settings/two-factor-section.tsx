import { ShieldCheck, ShieldOff } from 'lucide-react';
import { useState } from 'react';
import type { TwoFactorSetupView } from '../../../../workers/modules/accounts/views';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { Field, FormError } from '../../components/field';
import { useAction } from '../../lib/use-action';
import { useSubmit } from '../../lib/use-submit';
import { RecoveryCodes } from './recovery-codes';
import { TwoFactorSetup } from './two-factor-setup';

type Step = { kind: 'idle' } | { kind: 'setup'; setup: TwoFactorSetupView } | { kind: 'codes'; codes: string[] } | { kind: 'disable' } | { kind: 'renew' };

/** Two-factor authentication: turn it on (QR code, first code, recovery codes), off, or get new recovery codes. */
export function TwoFactorSection({ on, setOn }: { on: boolean; setOn: (on: boolean) => void }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const idle = () => setStep({ kind: 'idle' });
  const start = useAction<'setup'>();
  const begin = () =>
    start.run('setup', async () => {
      setStep({ kind: 'setup', setup: await api.account.twoFactor.setup() });
      return '';
    });

  if (step.kind === 'setup') return <TwoFactorSetup setup={step.setup} onCancel={idle} onEnabled={(codes) => { setOn(true); setStep({ kind: 'codes', codes }); }} />;
  if (step.kind === 'codes') return <RecoveryCodes codes={step.codes} onSaved={idle} />;
  if (step.kind === 'disable') return <DisableForm onCancel={idle} onDone={() => { setOn(false); idle(); }} />;
  if (step.kind === 'renew') return <RenewForm onCancel={idle} onDone={(codes) => setStep({ kind: 'codes', codes })} />;
  return (
    <div className="space-y-3">
      <p className="flex items-center gap-2 text-slate-700">
        {on ? <ShieldCheck className="size-5 text-emerald-600" aria-hidden /> : <ShieldOff className="size-5 text-slate-400" aria-hidden />}
        {on ? 'Two-factor authentication is on: signing in asks for a code from your authenticator app.' : 'Two-factor authentication is off. Turn it on so a stolen password alone cannot open your account.'}
      </p>
      {start.error && <p role="alert" className="text-red-700">{start.error.message}</p>}
      {on ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setStep({ kind: 'renew' })}>New recovery codes</Button>
          <Button variant="danger" onClick={() => setStep({ kind: 'disable' })}>Turn off</Button>
        </div>
      ) : (
        <Button busy={start.busy === 'setup'} onClick={begin}>Turn on</Button>
      )}
    </div>
  );
}

function DisableForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    await api.account.twoFactor.disable({ password: String(form.get('password')), code: String(form.get('code')) });
    onDone();
  });
  const fields = error?.fields ?? {};
  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-4">
      <FormError error={error && Object.keys(fields).length === 0 ? error.message : null} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={fields.password} />
      <Field label="Code from the app or a recovery code" name="code" autoComplete="one-time-code" required error={fields.code} />
      <div className="flex gap-2">
        <Button type="submit" variant="danger" busy={busy}>Turn off two-factor</Button>
        <Button variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

function RenewForm({ onDone, onCancel }: { onDone: (codes: string[]) => void; onCancel: () => void }) {
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    onDone((await api.account.twoFactor.newRecoveryCodes({ code: String(form.get('code')) })).recoveryCodes);
  });
  const fields = error?.fields ?? {};
  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-4">
      <p className="text-sm text-slate-600">Your old recovery codes stop working once the new ones are made.</p>
      <FormError error={error && Object.keys(fields).length === 0 ? error.message : null} />
      <Field label="Code from the app" name="code" inputMode="numeric" autoComplete="one-time-code" required error={fields.code} />
      <div className="flex gap-2">
        <Button type="submit" busy={busy}>Make new recovery codes</Button>
        <Button variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
