import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { getSession, setSession, useSession } from '../../api/session';
import { Button } from '../../components/button';
import { Field, FormError } from '../../components/field';
import { Spinner } from '../../components/spinner';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';
import { ROLES } from '../../../../workers/shared/roles';
import { AuthFrame } from './auth-pages';

/**
 * The emailed invitation lands here: what it offers, then join — signed in already, after signing
 * in with the invited address, or after creating an account with it (their own workspace comes too).
 */
export function InvitePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const session = useSession();
  const navigate = useNavigate();
  const preview = useResource(() => api.members.previewInvitation(token), [token]);
  const me = useResource(() => (session ? api.me() : Promise.resolve(null)), [session?.token]);
  const [done, setDone] = useState(false);
  const join = async () => {
    const { workspaceId } = await api.members.accept(token);
    setSession({ ...getSession()!, workspaceId });
    setDone(true);
    navigate('/albums');
  };
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const invite = preview.data!;
    const password = String(form.get('password'));
    const answer = invite.accountExists
      ? await api.auth.login({ email: invite.email, password })
      : await api.auth.register({ email: invite.email, password, name: String(form.get('name')), workspace: { name: String(form.get('name')), kind: invite.workspace.kind } });
    if (!('token' in answer) || !answer.token) throw new Error('Sign in from the sign-in page first (your account asks for a code), then open this link again.');
    setSession({ token: answer.token });
    await join();
  });
  const joinNow = useSubmit(join);
  const footer = <Link className="font-medium text-brand-700 underline" to={session ? '/albums' : '/login'}>{session ? 'Open Vitrine' : 'Sign in'}</Link>;
  if (preview.error) {
    return <AuthFrame title="Invitation" footer={footer}><p role="alert" className="text-sm text-red-700">{preview.error.message}</p></AuthFrame>;
  }
  const invite = preview.data;
  if (!invite || (session && !me.data && !me.error)) return <AuthFrame title="Invitation" footer={footer}><Spinner label="Opening the invitation…" /></AuthFrame>;
  const offer = `${invite.invitedBy ?? 'A colleague'} invites you to join ${invite.workspace.name} as ${ROLES[invite.role].label.toLowerCase()}.`;
  const signedInAs = me.data?.user.email;
  return (
    <AuthFrame title={`Join ${invite.workspace.name}`} footer={footer}>
      <div className="space-y-4">
        <p className="text-sm text-slate-700">{offer}</p>
        {done ? <p role="status">Joined.</p> : signedInAs === invite.email ? (
          <form onSubmit={joinNow.onSubmit} className="space-y-3">
            <FormError error={joinNow.error?.message} />
            <Button type="submit" busy={joinNow.busy} className="w-full">Join {invite.workspace.name}</Button>
          </form>
        ) : signedInAs ? (
          <div className="space-y-3 text-sm">
            <p role="alert" className="text-red-700">This invitation is for {invite.email}; you are signed in as {signedInAs}.</p>
            <Button variant="secondary" onClick={() => setSession(null)}>Sign out, then use {invite.email}</Button>
          </div>
        ) : (
          <form onSubmit={onSubmit} className="space-y-3">
            <FormError error={error && !error.fields?.password ? error.message : null} />
            <Field label="Email" name="email" value={invite.email} readOnly />
            {!invite.accountExists && <Field label="Your name" name="name" autoComplete="name" required />}
            <Field
              label={invite.accountExists ? 'Password' : 'Choose a password'} name="password" type="password" required
              autoComplete={invite.accountExists ? 'current-password' : 'new-password'} minLength={invite.accountExists ? undefined : 10}
              error={error?.fields?.password}
            />
            <Button type="submit" busy={busy} className="w-full">{invite.accountExists ? 'Sign in and join' : 'Create my account and join'}</Button>
          </form>
        )}
      </div>
    </AuthFrame>
  );
}
