import { MailCheck } from 'lucide-react';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Me } from '../../api/types';
import { Button } from '../../components/button';
import { STARTER_CREDITS } from '../../../../workers/shared/billing/catalogue';

/** Until the address is confirmed: what waits for it, and a way to get a new link. */
export function VerifyEmailBanner({ me }: { me: Me }) {
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (me.user.emailVerified) return null;
  const resend = async () => {
    setBusy(true);
    try {
      setAnswer({ ok: true, text: (await api.account.resendVerification()).message });
    } catch (err) {
      setAnswer({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label="Confirm your email" className="border-b border-amber-200 bg-amber-50">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-2 text-sm text-amber-900">
        <MailCheck className="size-4 shrink-0" aria-hidden />
        <p className="flex-1">
          Confirm your email with the link we sent to <strong>{me.user.email}</strong>: your {STARTER_CREDITS} free credits, selling photos and buying credits wait for it.
        </p>
        {answer && <p role={answer.ok ? 'status' : 'alert'} className={answer.ok ? '' : 'text-red-700'}>{answer.text}</p>}
        <Button variant="secondary" busy={busy} onClick={resend}>Send a new link</Button>
      </div>
    </section>
  );
}
