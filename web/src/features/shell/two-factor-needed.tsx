import { ShieldAlert } from 'lucide-react';
import { Link } from 'react-router';
import { buttonClass } from '../../components/button';

/** The workspace's owner asks every member for two-factor: until this person turns it on, only their account opens. */
export function TwoFactorNeeded({ workspaceName }: { workspaceName: string }) {
  return (
    <section aria-labelledby="two-factor-needed" className="mx-auto max-w-lg space-y-4 rounded-2xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">
      <ShieldAlert className="mx-auto size-10 text-amber-600" aria-hidden />
      <h1 id="two-factor-needed" className="text-xl font-bold">Two-factor authentication needed</h1>
      <p className="text-slate-700">
        The owner of {workspaceName} asks every member to sign in with a code from an authenticator app. Turn it on in your account: {workspaceName} opens again right after.
      </p>
      <Link to="/settings" className={buttonClass()}>Turn on two-factor</Link>
    </section>
  );
}
