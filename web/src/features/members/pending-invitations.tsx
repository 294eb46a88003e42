import { api } from '../../api/client';
import type { InvitationView } from '../../../../workers/modules/accounts/members-views';
import { Button } from '../../components/button';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { ROLES } from '../../../../workers/shared/roles';

/** Invitations not accepted yet, each with its expiry and a way to cancel it. */
export function PendingInvitations({ invitations, onChange }: { invitations: InvitationView[]; onChange: () => void }) {
  const { busy, error, run } = useAction<string>(onChange);
  if (invitations.length === 0) return null;
  return (
    <section aria-label="Pending invitations" className="space-y-2">
      <h2 className="font-semibold">Pending invitations</h2>
      {error && <p role="alert" className="text-red-700">{error.message}</p>}
      <ul className="divide-y divide-slate-100 rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
        {invitations.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
            <p className="min-w-0 flex-1">{i.email} <span className="text-sm text-slate-600">· {ROLES[i.role].label} · link valid until {formatDateTime(i.expiresAt)}</span></p>
            <Button variant="secondary" aria-label={`Cancel the invitation of ${i.email}`} busy={busy === i.id} onClick={() => run(i.id, async () => { await api.members.cancelInvitation(i.id); return ''; })}>Cancel</Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
