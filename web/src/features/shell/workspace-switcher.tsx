import { Plus } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { WorkspaceKind } from '../../../../workers/shared/enums';
import { api } from '../../api/client';
import { getSession, setSession } from '../../api/session';
import type { Me } from '../../api/types';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { Field, FormError, SelectField } from '../../components/field';
import { useSubmit } from '../../lib/use-submit';
import { KIND_OPTIONS } from './workspace-kinds';

/** Switch between the workspaces the user belongs to, or create another one. */
export function WorkspaceSwitcher({ me }: { me: Me }) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const choose = (workspaceId: string) => {
    setSession({ ...getSession()!, workspaceId });
    navigate('/albums');
  };
  return (
    <div className="flex items-center gap-1">
      <label htmlFor="workspace" className="sr-only">Workspace</label>
      <select
        id="workspace"
        value={me.workspaceId}
        onChange={(e) => choose(e.target.value)}
        className="max-w-32 rounded-lg border-0 bg-slate-100 py-2 pr-8 pl-3 text-sm font-medium ring-1 ring-slate-200 sm:max-w-44"
      >
        {me.workspaces.map((w) => (
          <option key={w.id} value={w.id}>{w.name}</option>
        ))}
      </select>
      <Button variant="ghost" aria-label="New workspace" onClick={() => setCreating(true)} icon={<Plus className="size-4" aria-hidden />} />
      <Dialog open={creating} onClose={() => setCreating(false)} title="New workspace">
        <NewWorkspaceForm onCreated={(id) => { setCreating(false); choose(id); }} onCancel={() => setCreating(false)} />
      </Dialog>
    </div>
  );
}

function NewWorkspaceForm({ onCreated, onCancel }: { onCreated: (id: string) => void; onCancel: () => void }) {
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const { workspace } = await api.createWorkspace({ name: String(form.get('name')), kind: form.get('kind') as WorkspaceKind });
    onCreated(workspace.id);
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <FormError error={error && !error.fields.name ? error.message : null} />
      <Field label="Name" name="name" required maxLength={120} error={error?.fields.name} />
      <SelectField label="What you shoot" name="kind" defaultValue="events">
        {KIND_OPTIONS.map(({ kind, label }) => (
          <option key={kind} value={kind}>{label}</option>
        ))}
      </SelectField>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
        <Button type="submit" busy={busy}>Create workspace</Button>
      </div>
    </form>
  );
}
