import { LogOut, Monitor } from 'lucide-react';
import { api } from '../../api/client';
import { setSession } from '../../api/session';
import { Button } from '../../components/button';
import { Spinner } from '../../components/spinner';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import type { Resource } from '../../lib/use-resource';

type Sessions = Resource<Awaited<ReturnType<typeof api.account.sessions>>>;

/** A browser's User-Agent in a few words (the browser and the system it runs on). */
function deviceName(userAgent: string | null): string {
  if (!userAgent) return 'Unknown client';
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Chrome\//.test(userAgent) ? 'Chrome' : /Firefox\//.test(userAgent) ? 'Firefox' : /Safari\//.test(userAgent) ? 'Safari' : userAgent.split(' ')[0];
  const system = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Windows/.test(userAgent) ? 'Windows' : /Mac OS/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : null;
  return system ? `${browser} on ${system}` : String(browser);
}

/** Where the account is signed in: sign out one session, or every one (this one too). */
export function SessionsList({ sessions }: { sessions: Sessions }) {
  const { busy, error, run } = useAction<string>(sessions.reload);
  const list = sessions.data?.sessions ?? [];
  const endEverywhere = () => run('all', async () => {
    await api.account.signOutEverywhere();
    setSession(null);
    return '';
  });
  if (sessions.loading && !sessions.data) return <Spinner label="Loading sessions…" />;
  return (
    <div className="space-y-3">
      {(error ?? sessions.error) && <p role="alert" className="text-red-700">{(error ?? sessions.error)!.message}</p>}
      <ul className="divide-y divide-slate-100 rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
        {list.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
            <Monitor className="size-5 text-slate-500" aria-hidden />
            <div className="min-w-0 flex-1">
              <p className="font-medium">{deviceName(s.userAgent)} {s.current && <span className="ml-1 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">This browser</span>}</p>
              <p className="text-sm text-slate-600">Signed in {formatDateTime(s.createdAt)} · last active {formatDateTime(s.lastSeenAt)}</p>
            </div>
            {!s.current && (
              <Button variant="ghost" busy={busy === s.id} onClick={() => run(s.id, async () => { await api.account.endSession(s.id); return ''; })} aria-label={`Sign out ${deviceName(s.userAgent)}`}>
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
      <Button variant="secondary" busy={busy === 'all'} icon={<LogOut className="size-4" aria-hidden />} onClick={endEverywhere}>Sign out everywhere</Button>
    </div>
  );
}
