import { UserMinus, Users } from 'lucide-react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { getSession, setSession } from '../../api/session';
import { Button } from '../../components/button';
import { Spinner } from '../../components/spinner';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { useResource } from '../../lib/use-resource';
import { holds, ROLES } from '../../../../workers/shared/roles';
import { MEMBER_ROLES, type MemberRole } from '../../../../workers/shared/enums';
import { useMe } from '../shell/pro-shell';
import { DeleteWorkspaceSection } from './delete-workspace-section';
import { InviteForm } from './invite-form';
import { TwoFactorRule } from './two-factor-rule';
import { PendingInvitations } from './pending-invitations';

/** The workspace's team: who is in it with which role, invitations, leaving, deleting it (owners). What a role may do is shown from ROLES. */
export function MembersPage() {
  const me = useMe();
  const navigate = useNavigate();
  const team = useResource(() => api.members.list(), []);
  const { busy, error, notice, run } = useAction<string>(team.reload);
  // From the team list once loaded: it follows a transfer of ownership or a role change at once.
  const myRole = team.data?.members.find((m) => m.userId === me.user.id)?.role ?? me.workspaces.find((w) => w.id === me.workspaceId)?.role ?? 'member';
  const workspaceName = me.workspaces.find((w) => w.id === me.workspaceId)?.name ?? 'this workspace';
  const isAdmin = holds(myRole, 'admin');
  const leave = () => run('leave', async () => {
    await api.members.leave();
    setSession({ ...getSession()!, workspaceId: undefined });
    navigate('/albums');
    return '';
  });
  return (
    <div className="space-y-6">
      <div className="flex items-center gap-2">
        <Users className="size-6 text-brand-600" aria-hidden />
        <h1 className="text-2xl font-bold">Team of {workspaceName}</h1>
      </div>
      {error && <p role="alert" className="text-red-700">{error.message}</p>}
      {notice && <p role="status" className="text-emerald-800">{notice}</p>}
      {team.loading && !team.data ? <Spinner label="Loading the team…" /> : (
        <ul aria-label="Members" className="divide-y divide-slate-100 rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
          {team.data?.members.map((m) => {
            const self = m.userId === me.user.id;
            // Only an owner touches an owner or makes one (the API says the same).
            const mayEdit = isAdmin && !self && (m.role !== 'owner' || myRole === 'owner');
            return (
              <li key={m.userId} aria-label={m.name} className="flex flex-wrap items-center gap-3 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <p className="font-medium">{m.name} {self && <span className="ml-1 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">You</span>}</p>
                  <p className="text-sm text-slate-600">{m.email} · joined {formatDateTime(m.joinedAt)} · {m.twoFactor ? 'two-factor on' : 'no two-factor'}</p>
                </div>
                {mayEdit ? (
                  <select
                    aria-label={`Role of ${m.name}`}
                    value={m.role}
                    disabled={busy !== null}
                    onChange={(e) => {
                      // Read now: the controlled select shows the old role again until the list reloads.
                      const role = e.target.value as MemberRole;
                      run(m.userId, async () => { await api.members.changeRole(m.userId, role); return `${m.name} is now ${ROLES[role].label.toLowerCase()}.`; });
                    }}
                    className="rounded-lg border-0 bg-slate-100 py-1.5 pr-8 pl-3 text-sm ring-1 ring-slate-200"
                  >
                    {MEMBER_ROLES.filter((r) => r !== 'owner' || myRole === 'owner').map((r) => <option key={r} value={r}>{ROLES[r].label}</option>)}
                  </select>
                ) : (
                  <span className="rounded bg-slate-100 px-2 py-1 text-sm">{ROLES[m.role].label}</span>
                )}
                {myRole === 'owner' && !self && m.role !== 'owner' && (
                  <Button variant="secondary" busy={busy === `own:${m.userId}`} onClick={() => run(`own:${m.userId}`, async () => { await api.members.makeOwner(m.userId); return `${m.name} is now the owner; you stay on as admin.`; })}>
                    Make owner
                  </Button>
                )}
                {mayEdit && (
                  <Button variant="ghost" aria-label={`Remove ${m.name}`} busy={busy === `rm:${m.userId}`} icon={<UserMinus className="size-4" aria-hidden />}
                    onClick={() => window.confirm(`Remove ${m.name} from ${workspaceName}?`) && run(`rm:${m.userId}`, async () => { await api.members.remove(m.userId); return `${m.name} was removed.`; })} />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {myRole === 'owner' && team.data && <TwoFactorRule required={team.data.requireTwoFactor} onChange={team.reload} />}
      {isAdmin && <InviteForm onInvited={team.reload} />}
      {isAdmin && team.data && <PendingInvitations invitations={team.data.invitations} onChange={team.reload} />}
      <section aria-labelledby="roles-title" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="roles-title" className="mb-2 font-semibold">What each role may do</h2>
        <dl className="grid gap-3 sm:grid-cols-3">
          {MEMBER_ROLES.map((r) => (
            <div key={r}>
              <dt className="font-medium">{ROLES[r].label}</dt>
              <dd className="text-sm text-slate-600">{ROLES[r].may.join('; ')}.</dd>
            </div>
          ))}
        </dl>
      </section>
      <Button variant="danger" busy={busy === 'leave'} onClick={() => window.confirm(`Leave ${workspaceName}? You lose access to its albums.`) && leave()}>Leave this workspace</Button>
      {myRole === 'owner' && <DeleteWorkspaceSection name={workspaceName} twoFactor={me.user.twoFactor} onlyOne={me.workspaces.length < 2} />}
    </div>
  );
}
