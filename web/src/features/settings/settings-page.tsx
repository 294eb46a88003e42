import { useState } from 'react';
import { api } from '../../api/client';
import { useResource } from '../../lib/use-resource';
import { useMe, useReloadMe } from '../shell/pro-shell';
import { DataExportSection } from './data-export-section';
import { DeleteAccountSection } from './delete-account-section';
import { PasswordForm } from './password-form';
import { SessionsList } from './sessions-list';
import { TwoFactorSection } from './two-factor-section';

/** The person's own account: who they are, their password, two-factor authentication, where they are signed in, their data and its deletion. */
export function SettingsPage() {
  const me = useMe();
  const sessions = useResource(() => api.account.sessions(), []);
  const [twoFactor, setTwoFactor] = useState(me.user.twoFactor);
  const reloadMe = useReloadMe();
  // A workspace that asks for two-factor opens again once it is on.
  const twoFactorChanged = (on: boolean) => {
    setTwoFactor(on);
    reloadMe();
  };
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-bold">Settings</h1>
        <p className="text-slate-600">Signed in as {me.user.name} ({me.user.email})</p>
        {me.twoFactorNeeded && <p role="alert" className="mt-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">This workspace's owner asks every member to use two-factor authentication: turn it on below to open it again.</p>}
      </div>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold">Password</h2>
        <PasswordForm onChanged={sessions.reload} />
      </section>
      <section aria-labelledby="two-factor-heading" className="space-y-3">
        <h2 id="two-factor-heading" className="text-lg font-semibold">Two-factor authentication</h2>
        <TwoFactorSection on={twoFactor} setOn={twoFactorChanged} />
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-lg font-semibold">Where you are signed in</h2>
        <SessionsList sessions={sessions} />
      </section>
      <section aria-labelledby="data-heading" className="space-y-3">
        <h2 id="data-heading" className="text-lg font-semibold">Your data</h2>
        <DataExportSection />
      </section>
      <section aria-labelledby="delete-heading" className="space-y-3">
        <h2 id="delete-heading" className="text-lg font-semibold text-red-800">Delete your account</h2>
        <DeleteAccountSection email={me.user.email} twoFactor={twoFactor} />
      </section>
    </div>
  );
}
