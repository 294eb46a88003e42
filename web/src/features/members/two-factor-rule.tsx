import { ShieldCheck } from 'lucide-react';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { useAction } from '../../lib/use-action';

/** The owner asks every member to sign in with two-factor, or stops asking. */
export function TwoFactorRule({ required, onChange }: { required: boolean; onChange: () => void }) {
  const { busy, error, notice, run } = useAction<'rule'>(onChange);
  const set = (next: boolean) =>
    run('rule', async () => {
      await api.members.setTwoFactorRule(next);
      return next ? 'Every member now needs two-factor: those without it can only open their account until they turn it on.' : 'Two-factor is now up to each member.';
    });
  return (
    <section aria-labelledby="two-factor-rule-title" className="space-y-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="two-factor-rule-title" className="flex items-center gap-2 font-semibold"><ShieldCheck className="size-5 text-brand-600" aria-hidden /> Two-factor for the team</h2>
      <p className="text-sm text-slate-700">
        {required
          ? 'Every member must sign in with a code from an authenticator app; API keys are not affected.'
          : 'Members choose for themselves. Ask for it so a stolen password alone cannot open this workspace.'}
      </p>
      {error && <p role="alert" className="text-sm text-red-700">{error.message}</p>}
      {notice && <p role="status" className="text-sm text-emerald-800">{notice}</p>}
      <Button variant={required ? 'secondary' : 'primary'} busy={busy === 'rule'} onClick={() => set(!required)}>
        {required ? 'Stop asking for two-factor' : 'Ask every member for two-factor'}
      </Button>
    </section>
  );
}
