import { type ComponentType, lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useSession } from './api/session';
import { Spinner } from './components/spinner';
import { AlbumsPage } from './features/albums/albums-page';
import { ApiKeysPage } from './features/api-keys/api-keys-page';
import { LoginPage, RegisterPage } from './features/auth/auth-pages';
import { ForgotPasswordPage, ResetPasswordPage } from './features/auth/password-pages';
import { BillingPage } from './features/billing/billing-page';
import { PayoutsPage } from './features/payouts/payouts-page';
import { SettingsPage } from './features/settings/settings-page';
import { VerifyEmailPage } from './features/auth/verify-email-page';
import { InvitePage } from './features/auth/invite-page';
import { MembersPage } from './features/members/members-page';
import { ProShell, useWorkspaceKind } from './features/shell/pro-shell';
import { DownloadsPage } from './features/shop/downloads-page';
import { OrderPage } from './features/shop/order-page';
import { PropertiesPage } from './features/properties/properties-page';
import { VehiclesPage } from './features/vehicles/vehicles-page';
import type { WorkspaceKind } from './api/types';

// Visitors only ever load the gallery's code; pros load the album screen (with the uploader) when they open one.
const GalleryPage = lazy(() => import('./features/gallery/gallery-page'));
const VehiclePublicPage = lazy(() => import('./features/vehicle-public/vehicle-public-page'));
const LeadsPage = lazy(() => import('./features/vehicles/leads-page').then((m) => ({ default: m.LeadsPage })));
const AlbumPage = lazy(() => import('./features/albums/album-page').then((m) => ({ default: m.AlbumPage })));
const PropertyPage = lazy(() => import('./features/properties/property-page').then((m) => ({ default: m.PropertyPage })));
const VehiclePage = lazy(() => import('./features/vehicles/vehicle-page').then((m) => ({ default: m.VehiclePage })));

/** In a vehicles workspace an album is a vehicle, in a real-estate one a property: the list and the album screen are the trade's. */
const LISTS: Partial<Record<WorkspaceKind, ComponentType>> = { vehicles: VehiclesPage, realestate: PropertiesPage };
const ITEMS: Partial<Record<WorkspaceKind, ComponentType>> = { vehicles: VehiclePage, realestate: PropertyPage };
const Stock = () => {
  const List = LISTS[useWorkspaceKind()] ?? AlbumsPage;
  return <List />;
};
const StockItem = () => {
  const Item = ITEMS[useWorkspaceKind()] ?? AlbumPage;
  return <Item />;
};

/** The routes: the public gallery, sign-in, and the pro dashboard behind a session. */
export function App() {
  const session = useSession();
  return (
    <Suspense fallback={<div className="grid min-h-dvh place-items-center"><Spinner label="Loading…" /></div>}>
      <Routes>
        <Route path="/e/:slug" element={<GalleryPage />} />
        <Route path="/v/:slug" element={<VehiclePublicPage />} />
        <Route path="/orders/:id" element={<OrderPage />} />
        <Route path="/downloads/:orderId" element={<DownloadsPage />} />
        <Route path="/login" element={session ? <Navigate to="/albums" replace /> : <LoginPage />} />
        <Route path="/register" element={session ? <Navigate to="/albums" replace /> : <RegisterPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/verify-email" element={<VerifyEmailPage />} />
        <Route path="/invite" element={<InvitePage />} />
        <Route element={session ? <ProShell /> : <Navigate to="/login" replace />}>
          <Route path="/albums" element={<Stock />} />
          <Route path="/albums/:id/*" element={<StockItem />} />
          <Route path="/api-keys" element={<ApiKeysPage />} />
          <Route path="/billing" element={<BillingPage />} />
          <Route path="/payouts" element={<PayoutsPage />} />
          <Route path="/leads" element={<LeadsPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/members" element={<MembersPage />} />
        </Route>
        <Route path="*" element={<Navigate to={session ? '/albums' : '/login'} replace />} />
      </Routes>
    </Suspense>
  );
}
