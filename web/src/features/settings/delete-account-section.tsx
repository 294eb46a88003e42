import { useState } from 'react';
import { Link } from 'react-router';
import type { DeletionPlanView } from '../../../../workers/modules/privacy/views';
import { api } from '../../api/client';
import { setSession } from '../../api/session';
import { Button } from '../../components/button';
import { Spinner } from '../../components/spinner';
import { useResource } from '../../lib/use-resource';
import { ConfirmDeletionForm } from './confirm-deletion-form';

/** GDPR erasure: what deleting the account does to each workspace, then the confirmed deletion. */
export function DeleteAccountSection({ email, twoFactor }: { email: string; twoFactor: boolean }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div className="space-y-3">
        <p className="text-slate-700">Deleting your account signs you out everywhere and erases your photos, albums and images for good. It cannot be undone: export your data first if you want to keep it.</p>
        <Button variant="danger" onClick={() => setOpen(true)}>Delete my account…</Button>
      </div>
    );
  }
  return <DeletionSteps email={email} twoFactor={twoFactor} onCancel={() => setOpen(false)} />;
}

function DeletionSteps({ email, twoFactor, onCancel }: { email: string; twoFactor: boolean; onCancel: () => void }) {
  const plan = useResource(() => api.account.deletionPlan(), []);
  if (plan.error) return <p role="alert" className="text-red-700">{plan.error.message}</p>;
  if (!plan.data) return <Spinner label="Looking at your workspaces…" />;
  const confirm = async (body: { password: string; code?: string }) => {
    await api.account.remove(body);
    setSession(null);
    // A full load: the router's own redirect of a signed-out screen to /login would drop the notice.
    window.location.assign('/login?deleted=account');
  };
  return (
    <div className="space-y-4 rounded-2xl bg-red-50/60 p-4 ring-1 ring-red-200">
      <Plan plan={plan.data} />
      {plan.data.blocking.length > 0 ? (
        <div className="space-y-3">
          <p role="alert" className="text-red-800">
            You are the only owner of {plan.data.blocking.map((w) => `${w.name} (${w.members} members)`).join(', ')}. Make another member owner on the <Link className="font-medium underline" to="/members">Team</Link> page first, or remove them.
          </p>
          <Button variant="ghost" onClick={onCancel}>Cancel</Button>
        </div>
      ) : (
        <ConfirmDeletionForm phrase={email} phraseLabel="Your email, to confirm" submitLabel="Delete my account for good" twoFactor={twoFactor} onConfirm={confirm} onCancel={onCancel} />
      )}
    </div>
  );
}

function Plan({ plan }: { plan: DeletionPlanView }) {
  return (
    <div className="space-y-2 text-sm text-slate-800">
      {plan.erased.length > 0 && (
        <p>
          <strong>Erased with your account</strong> (only you are in them): {plan.erased.map((w) => w.name).join(', ')}. Their albums, photos, stored images, packs, start lists and keys go; paid orders keep only amounts and dates, for the accounts.
        </p>
      )}
      {plan.left.length > 0 && <p><strong>You leave</strong> (the others keep working in them): {plan.left.map((w) => w.name).join(', ')}.</p>}
    </div>
  );
}
