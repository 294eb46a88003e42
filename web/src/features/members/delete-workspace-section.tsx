import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { getSession, setSession } from '../../api/session';
import { Button } from '../../components/button';
import { ConfirmDeletionForm } from '../settings/confirm-deletion-form';

/** An owner erases the workspace: everyone loses access at once, a job erases its albums, images and rows. */
export function DeleteWorkspaceSection({ name, twoFactor, onlyOne }: { name: string; twoFactor: boolean; onlyOne: boolean }) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const confirm = async (body: { password: string; code?: string }) => {
    await api.deleteWorkspace(body);
    setSession({ ...getSession()!, workspaceId: undefined });
    navigate('/albums');
  };
  return (
    <section aria-labelledby="delete-workspace-title" className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-red-200">
      <h2 id="delete-workspace-title" className="font-semibold text-red-800">Delete {name}</h2>
      <p className="text-sm text-slate-700">
        Every member loses access at once and its API keys stop working; its albums, photos, stored images, packs and keys are then erased for good. Paid orders keep only amounts and dates, for the accounts.
      </p>
      {onlyOne ? (
        <p className="text-sm text-slate-600">It is your only workspace: to leave Vitrine altogether, delete your account in Settings.</p>
      ) : open ? (
        <ConfirmDeletionForm phrase={name} phraseLabel="The workspace's name, to confirm" submitLabel="Delete this workspace for good" twoFactor={twoFactor} onConfirm={confirm} onCancel={() => setOpen(false)} />
      ) : (
        <Button variant="danger" onClick={() => setOpen(true)}>Delete this workspace…</Button>
      )}
    </section>
  );
}
