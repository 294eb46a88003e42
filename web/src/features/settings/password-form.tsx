import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { Field, FormError } from '../../components/field';
import { useSubmit } from '../../lib/use-submit';

/** Change the password: the current one first; the other sessions are signed out. */
export function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const form = useRef<HTMLFormElement>(null);
  const [done, setDone] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const { error, busy, onSubmit } = useSubmit(async (data) => {
    setDone(false);
    const newPassword = String(data.get('newPassword'));
    const differ = newPassword !== String(data.get('confirm'));
    setMismatch(differ);
    if (differ) return;
    await api.account.changePassword({ currentPassword: String(data.get('currentPassword')), newPassword });
    form.current?.reset();
    setDone(true);
    onChanged();
  });
  const fields = error?.fields ?? {};
  return (
    <form ref={form} onSubmit={onSubmit} className="max-w-sm space-y-4">
      {done && <p role="status" className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800">Password changed. Your other sessions were signed out.</p>}
      <FormError error={error && Object.keys(fields).length === 0 ? error.message : null} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fields.currentPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required minLength={10} hint="At least 10 characters" error={fields.newPassword} />
      <Field label="New password again" name="confirm" type="password" autoComplete="new-password" required error={mismatch ? 'The two new passwords differ' : undefined} />
      <Button type="submit" busy={busy}>Change password</Button>
    </form>
  );
}
