import type { TwoFactorSetupView } from '../../../../workers/modules/accounts/views';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { Field, FormError } from '../../components/field';
import { QrCodeImage } from '../../components/qr-code-image';
import { useSubmit } from '../../lib/use-submit';

/** Scan the QR code (or type the key), then confirm with the app's first code: the recovery codes come back. */
export function TwoFactorSetup({ setup, onEnabled, onCancel }: { setup: TwoFactorSetupView; onEnabled: (codes: string[]) => void; onCancel: () => void }) {
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const { recoveryCodes } = await api.account.twoFactor.enable({ code: String(form.get('code')) });
    onEnabled(recoveryCodes);
  });
  const fields = error?.fields ?? {};
  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-4">
      <p className="text-sm text-slate-600">Scan this QR code with an authenticator app (Google Authenticator, 1Password, Authy…), then enter the 6-digit code it shows.</p>
      <QrCodeImage url={setup.otpauthUri} label="QR code to scan with your authenticator app" failedText="The QR code could not be drawn; type the key below into your app instead." />
      <Field label="Secret key" name="secret" readOnly value={setup.secret} className="font-mono" hint="Can't scan it? Type this key into the app instead." onFocus={(e) => e.currentTarget.select()} />
      <FormError error={error && Object.keys(fields).length === 0 ? error.message : null} />
      <Field label="Code from the app" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" maxLength={7} required error={fields.code} />
      <div className="flex gap-2">
        <Button type="submit" busy={busy}>Confirm and turn on</Button>
        <Button variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
