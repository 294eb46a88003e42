import { useState } from 'react';
import type { ConfirmIdentityBody } from '../../../../workers/shared/schemas/privacy';
import { Button } from '../../components/button';
import { Field, FormError } from '../../components/field';
import { useSubmit } from '../../lib/use-submit';

type Props = {
  /** What the person types to say they mean it (their email, the workspace's name). */
  phrase: string;
  phraseLabel: string;
  submitLabel: string;
  twoFactor: boolean;
  onConfirm: (body: ConfirmIdentityBody) => Promise<void>;
  onCancel: () => void;
};

/** The last step before erasing something for good: the typed phrase, the password, and the code with two-factor on. */
export function ConfirmDeletionForm({ phrase, phraseLabel, submitLabel, twoFactor, onConfirm, onCancel }: Props) {
  const [typed, setTyped] = useState('');
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const code = String(form.get('code') ?? '').trim();
    await onConfirm({ password: String(form.get('password')), ...(code ? { code } : {}) });
  });
  const fields = error?.fields ?? {};
  const matches = typed.trim().toLowerCase() === phrase.trim().toLowerCase();
  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-4">
      <FormError error={error && Object.keys(fields).length === 0 ? error.message : null} />
      <Field label={phraseLabel} name="phrase" autoComplete="off" required value={typed} onChange={(e) => setTyped(e.target.value)} hint={`Type ${phrase}`} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={fields.password} />
      {twoFactor && <Field label="Code from the app or a recovery code" name="code" autoComplete="one-time-code" required error={fields.code} />}
      <div className="flex gap-2">
        <Button type="submit" variant="danger" busy={busy} disabled={!matches}>{submitLabel}</Button>
        <Button variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
