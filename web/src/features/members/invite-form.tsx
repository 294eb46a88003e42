import { useState } from 'react';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { Field, FormError, SelectField } from '../../components/field';
import { useSubmit } from '../../lib/use-submit';
import { INVITED_ROLES, type InvitedRole } from '../../../../workers/shared/enums';
import { ROLES } from '../../../../workers/shared/roles';

/** Invite someone by email with a role; the emailed link works once, for 7 days. */
export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const [sent, setSent] = useState<string | null>(null);
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const { invitation } = await api.members.invite({ email: String(form.get('email')), role: form.get('role') as InvitedRole });
    setSent(`Invitation sent to ${invitation.email}.`);
    onInvited();
  });
  return (
    <form onSubmit={(e) => { setSent(null); onSubmit(e); }} aria-label="Invite someone" className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 className="font-semibold">Invite someone</h2>
      <FormError error={error && !error.fields.email ? error.message : null} />
      {sent && <p role="status" className="text-sm text-emerald-800">{sent}</p>}
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <Field label="Their email" name="email" type="email" required error={error?.fields.email} />
        <SelectField label="Role" name="role" defaultValue="member">
          {INVITED_ROLES.map((r) => <option key={r} value={r}>{ROLES[r].label}</option>)}
        </SelectField>
        <Button type="submit" busy={busy}>Send invitation</Button>
      </div>
    </form>
  );
}
