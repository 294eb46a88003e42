import { Banknote, Building2, Camera, Car, Coins, Images, Inbox, KeyRound, LogOut, Settings, Users } from 'lucide-react';
import { createContext, useContext } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { VerifyEmailBanner } from './verify-email-banner';
import { getSession, setSession } from '../../api/session';
import type { Me, WorkspaceKind } from '../../api/types';
import { Button } from '../../components/button';
import { Spinner } from '../../components/spinner';
import { useResource } from '../../lib/use-resource';
import { TwoFactorNeeded } from './two-factor-needed';
import { WorkspaceSwitcher } from './workspace-switcher';

const MeContext = createContext<Me | null>(null);
const ReloadMeContext = createContext<() => void>(() => undefined);

/** Who is signed in and in which workspace; only inside the pro shell. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside ProShell');
  return me;
}

/** Loads `me` again (after something it reports changed, e.g. two-factor turned on). */
export const useReloadMe = () => useContext(ReloadMeContext);

/** The kind of the workspace the screens show: it picks their screens and their words. */
export const useWorkspaceKind = (): WorkspaceKind => kindOf(useMe());
const kindOf = (me: Me): WorkspaceKind => me.workspaces.find((w) => w.id === me.workspaceId)?.kind ?? 'brand';

/** On a phone, a row of named tabs (icon over its name); from `sm` up, inline links. */
const navClass = ({ isActive }: { isActive: boolean }) =>
  `inline-flex flex-col items-center gap-0.5 rounded-lg px-1 py-1.5 text-xs font-medium sm:flex-row sm:gap-2 sm:px-3 sm:py-2 sm:text-sm ${isActive ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-100'}`;

/**
 * In a vehicles workspace an album is a vehicle, and visitors' contact requests are leads; in a
 * real-estate one an album is a property: the tabs say so.
 */
const navOf = (kind: WorkspaceKind) =>
  kind === 'vehicles'
    ? [{ to: '/albums', icon: Car, name: 'Vehicles' }, { to: '/leads', icon: Inbox, name: 'Leads' }, ...NAV]
    : kind === 'realestate'
      ? [{ to: '/albums', icon: Building2, name: 'Properties' }, ...NAV]
      : [{ to: '/albums', icon: Images, name: 'Albums' }, ...NAV];
const NAV = [
  { to: '/payouts', icon: Banknote, name: 'Sales' },
  { to: '/billing', icon: Coins, name: 'Credits' },
  { to: '/api-keys', icon: KeyRound, name: 'API keys' },
] as const;

/** The signed-in frame: top bar (brand, nav, workspace, sign out) around the pro screens. */
export function ProShell() {
  const session = getSession();
  const me = useResource(() => api.me(), [session?.workspaceId]);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const signOut = async () => {
    // The session ends on the server too (its token stops working); signed out here whatever it answers.
    await api.auth.logout().catch(() => undefined);
    setSession(null);
    navigate('/login');
  };
  if (!me.data) {
    return (
      <div className="grid min-h-dvh place-items-center">
        {me.error ? (
          <div className="text-center">
            <p className="text-slate-700">{me.error.message}</p>
            <Button className="mt-4" onClick={me.reload}>Try again</Button>
          </div>
        ) : (
          <Spinner label="Loading your workspace…" />
        )}
      </div>
    );
  }
  return (
    <MeContext.Provider value={me.data}>
      <ReloadMeContext.Provider value={me.reload}>
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-2 px-4 py-2">
          <NavLink to="/albums" className="mr-2 inline-flex items-center gap-2 text-lg font-bold text-slate-900">
            <Camera className="size-6 text-brand-600" aria-hidden /> Vitrine
          </NavLink>
          <nav aria-label="Main" className="order-last grid w-full auto-cols-fr grid-flow-col gap-1 sm:order-none sm:flex sm:w-auto">
            {navOf(kindOf(me.data)).map(({ to, icon: Icon, name }) => (
              <NavLink key={to} to={to} className={navClass}>
                <Icon className="size-4" aria-hidden /> {name}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <WorkspaceSwitcher me={me.data} />
            <NavLink to="/members" className={navClass} aria-label="Team" title="Team: members, roles and invitations">
              <Users className="size-4" aria-hidden /> <span className="hidden sm:inline">Team</span>
            </NavLink>
            {/* Named "Your account", not "Settings": an album's own Settings tab is on the same screen. */}
            <NavLink to="/settings" className={navClass} aria-label="Your account" title="Your account: password and sessions">
              <Settings className="size-4" aria-hidden /> <span className="hidden sm:inline">Account</span>
            </NavLink>
            <Button variant="ghost" aria-label="Sign out" onClick={signOut} icon={<LogOut className="size-4" aria-hidden />} title={`Signed in as ${me.data.user.email}`}>
              <span className="hidden sm:inline">Sign out</span>
            </Button>
          </div>
        </div>
      </header>
      <VerifyEmailBanner me={me.data} />
      <main className="mx-auto max-w-7xl px-4 py-6">
        {/* Every screen below shows one workspace's data: a switch remounts them, once `me` names the new one. */}
        {me.data.twoFactorNeeded && pathname !== '/settings' ? (
          <TwoFactorNeeded workspaceName={me.data.workspaces.find((w) => w.id === me.data!.workspaceId)?.name ?? 'this workspace'} />
        ) : (
          <Outlet key={me.data.workspaceId} />
        )}
      </main>
      </ReloadMeContext.Provider>
    </MeContext.Provider>
  );
}
