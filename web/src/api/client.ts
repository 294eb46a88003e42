/**
 * The only place the SPA talks to the API. Request bodies are typed by the zod schemas the Worker
 * validates with (workers/shared/schemas), answers by the response schemas its routes declare
 * (workers/modules/<domain>/views.ts, type-only imports); every failure becomes an ApiError
 * carrying the API's `{ error: { code, message, details } }`.
 */
import type { z } from 'zod';
import type { createApiKeyBody } from '../../../workers/shared/schemas/api-keys';
import type { createAlbumBody, updateAlbumBody } from '../../../workers/shared/schemas/albums';
import type { inviteBody } from '../../../workers/shared/schemas/members';
import type { InvitationPreviewView, InvitationView, MembersView } from '../../../workers/modules/accounts/members-views';
import type { MemberRole } from '../../../workers/shared/enums';
import type { changePasswordBody, createWorkspaceBody, disableTwoFactorBody, loginBody, passwordResetBody, passwordResetRequestBody, registerBody, twoFactorCodeBody, twoFactorLoginBody, verifyEmailBody } from '../../../workers/shared/schemas/auth';
import type { cartBody, checkoutBody, createPackBody, creditCheckoutBody, subscribeBody } from '../../../workers/shared/schemas/payments';
import type { tagAction } from '../../../workers/shared/schemas/tags';
import type { completeUploadBody, UploadFile } from '../../../workers/shared/schemas/uploads';
import type { vehicleBody } from '../../../workers/shared/schemas/vehicles';
import type { listingBody, listingRequestBody } from '../../../workers/shared/schemas/listing';
import type { leadBody, leadPatchBody } from '../../../workers/shared/schemas/leads';
import type { ApiKeyView, CreatedApiKeyView, EmailVerifiedView, LoginView, MeView, MessageView, OpenSessionView, RecoveryCodesView, RegisteredView, SessionView, TwoFactorSetupView, UserCallerView, WorkspaceView } from '../../../workers/modules/accounts/views';
import type { AlbumView, PhotoCounts, PhotoView, PublicAlbumView, PublicPhotosPage } from '../../../workers/modules/albums/views';
import type { CheckoutSessionView, CreditHistoryView, CreditsView, InvoicesView, PortalView } from '../../../workers/modules/billing/views';
import type { UploadInstructionsView, UploadStateView } from '../../../workers/modules/media/views';
import type { ReviewQueueView, StartListImportView, StartListSizeView, TagChangeResultView, TagChangeView, TagsView } from '../../../workers/modules/recognition/views';
import type { CartQuoteView, CheckoutView, DownloadManifestView, OnboardingView, OrderStatusView, PackView, PacksView, PayoutStatusView, SalesPage } from '../../../workers/modules/sales/views';
import type { EstimateView, VehicleSummaryView, VehicleView } from '../../../workers/modules/vehicles/views';
import type { SavedListingView, WrittenListingView } from '../../../workers/modules/vehicles/listing/views';
import type { LeadsPage, LeadView, PublicVehicleView } from '../../../workers/modules/vehicles/leads-views';
import type { albumTransformationsBody, propertyBody, transformationBody } from '../../../workers/shared/schemas/realestate';
import type { confirmIdentityBody } from '../../../workers/shared/schemas/privacy';
import type { DataExportView, DeletionPlanView } from '../../../workers/modules/privacy/views';
import type { PropertySummaryView, PropertyView, TransformationView } from '../../../workers/modules/realestate/views';
import type { LeadStatus, PhotoStatus, RoomType, TagStatus, VehicleStatus } from '../../../workers/shared/enums';
import { getSession, setSession } from './session';
import type { AlbumStudioResult, Backdrop, CreditEstimate, StudioPhoto, StudioRequest } from './types';

/** Empty in the same-origin setup; the API's origin when the SPA is deployed to Pages. */
export const API_ORIGIN: string = import.meta.env.VITE_API_ORIGIN ?? '';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  /** Field errors of a VALIDATION_ERROR, keyed by the field's path. */
  get fields(): Record<string, string> {
    const issues = (this.details as { fields?: { path: string; message: string }[] } | undefined)?.fields ?? [];
    return Object.fromEntries(issues.map((i) => [i.path, i.message]));
  }
}

type Options = { json?: unknown; body?: BodyInit; headers?: Record<string, string>; signal?: AbortSignal; anonymous?: boolean; blob?: boolean };

async function request<R>(method: string, path: string, options: Options = {}): Promise<R> {
  const session = options.anonymous ? null : getSession();
  const headers: Record<string, string> = { ...options.headers };
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (session?.workspaceId) headers['X-Workspace-Id'] = session.workspaceId;
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${API_ORIGIN}${path}`, {
      method,
      headers,
      body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as R;
  if (options.blob && res.ok) return (await res.blob()) as R;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const error = data?.error ?? { code: 'HTTP_ERROR', message: `The server answered ${res.status}` };
    // A session that expired or was revoked: back to the login screen.
    if (res.status === 401 && session) setSession(null);
    throw new ApiError(res.status, error.code, error.message, error.details);
  }
  return data as R;
}

const query = (params: Record<string, string | number | undefined | null>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const api = {
  auth: {
    register: (body: z.input<typeof registerBody>) =>
      request<RegisteredView>('POST', '/v1/auth/register', { json: body, anonymous: true }),
    /** A session, or (two-factor on) a challenge for `loginWithCode`. */
    login: (body: z.input<typeof loginBody>) => request<LoginView>('POST', '/v1/auth/login', { json: body, anonymous: true }),
    loginWithCode: (body: z.input<typeof twoFactorLoginBody>) => request<SessionView>('POST', '/v1/auth/login/2fa', { json: body, anonymous: true }),
    logout: () => request<void>('POST', '/v1/auth/logout'),
    askPasswordReset: (body: z.input<typeof passwordResetRequestBody>) =>
      request<MessageView>('POST', '/v1/auth/password-reset', { json: body, anonymous: true }),
    resetPassword: (body: z.input<typeof passwordResetBody>) =>
      request<MessageView>('POST', '/v1/auth/password-reset/confirm', { json: body, anonymous: true }),
    verifyEmail: (body: z.input<typeof verifyEmailBody>) => request<EmailVerifiedView>('POST', '/v1/auth/verify-email', { json: body, anonymous: true }),
  },
  /** The signed-in person's own account: password, sessions and two-factor authentication. */
  account: {
    changePassword: (body: z.input<typeof changePasswordBody>) => request<void>('POST', '/v1/account/password', { json: body }),
    sessions: () => request<{ sessions: OpenSessionView[] }>('GET', '/v1/account/sessions'),
    endSession: (id: string) => request<void>('DELETE', `/v1/account/sessions/${id}`),
    signOutEverywhere: () => request<void>('POST', '/v1/account/sign-out-everywhere'),
    resendVerification: () => request<MessageView>('POST', '/v1/account/verification-email'),
    twoFactor: {
      setup: () => request<TwoFactorSetupView>('POST', '/v1/account/2fa/setup'),
      enable: (body: z.input<typeof twoFactorCodeBody>) => request<RecoveryCodesView>('POST', '/v1/account/2fa/enable', { json: body }),
      disable: (body: z.input<typeof disableTwoFactorBody>) => request<void>('POST', '/v1/account/2fa/disable', { json: body }),
      newRecoveryCodes: (body: z.input<typeof twoFactorCodeBody>) => request<RecoveryCodesView>('POST', '/v1/account/2fa/recovery-codes', { json: body }),
    },
    /** Personal data: a ZIP of it, and deleting the account. */
    exportData: () => request<{ export: DataExportView }>('POST', '/v1/account/export'),
    exports: () => request<{ exports: DataExportView[] }>('GET', '/v1/account/exports'),
    deletionPlan: () => request<DeletionPlanView>('GET', '/v1/account/deletion'),
    remove: (body: z.input<typeof confirmIdentityBody>) => request<{ workspacesErased: number }>('DELETE', '/v1/account', { json: body }),
  },
  /** Deletes the workspace the session is in (its owner). */
  deleteWorkspace: (body: z.input<typeof confirmIdentityBody>) => request<void>('DELETE', '/v1/workspace', { json: body }),
  /** Who is signed in. An API key's answer has no person: the studio is for people, so it is an error here. */
  me: async (): Promise<UserCallerView> => {
    const me = await request<MeView>('GET', '/v1/me');
    if ('user' in me) return me;
    throw new ApiError(403, 'PERSON_REQUIRED', 'Sign in with your email and password: an API key cannot open the studio.');
  },
  /** The workspace's team: members, roles, invitations. */
  members: {
    list: () => request<MembersView>('GET', '/v1/members'),
    invite: (body: z.input<typeof inviteBody>) => request<{ invitation: InvitationView }>('POST', '/v1/invitations', { json: body }),
    cancelInvitation: (id: string) => request<void>('DELETE', `/v1/invitations/${id}`),
    previewInvitation: (token: string) => request<InvitationPreviewView>('POST', '/v1/invitations/preview', { json: { token }, anonymous: true }),
    accept: (token: string) => request<{ workspaceId: string; role: string }>('POST', '/v1/invitations/accept', { json: { token } }),
    changeRole: (userId: string, role: MemberRole) => request<void>('PATCH', `/v1/members/${userId}`, { json: { role } }),
    remove: (userId: string) => request<void>('DELETE', `/v1/members/${userId}`),
    makeOwner: (userId: string) => request<void>('POST', `/v1/members/${userId}/ownership`),
    leave: () => request<void>('DELETE', '/v1/membership'),
    setTwoFactorRule: (requireTwoFactor: boolean) => request<{ requireTwoFactor: boolean }>('PUT', '/v1/workspace/two-factor-rule', { json: { requireTwoFactor } }),
  },
  createWorkspace: (body: z.input<typeof createWorkspaceBody>) => request<{ workspace: WorkspaceView }>('POST', '/v1/workspaces', { json: body }),

  albums: {
    list: (cursor?: string) => request<{ albums: AlbumView[]; nextCursor: string | null }>('GET', `/v1/albums${query({ cursor, limit: 100 })}`),
    get: (id: string) => request<{ album: AlbumView; photoCounts: PhotoCounts }>('GET', `/v1/albums/${id}`),
    create: (body: z.input<typeof createAlbumBody>) => request<{ album: AlbumView }>('POST', '/v1/albums', { json: body }),
    update: (id: string, body: z.input<typeof updateAlbumBody>) =>
      request<{ album: AlbumView; rerendering: number }>('PATCH', `/v1/albums/${id}`, { json: body }),
    remove: (id: string) => request<void>('DELETE', `/v1/albums/${id}`),
    photos: (id: string, page: { cursor?: string | null; limit?: number; status?: PhotoStatus } = {}) =>
      request<{ photos: PhotoView[]; nextCursor: string | null }>('GET', `/v1/albums/${id}/photos${query({ limit: 200, ...page })}`),
    createUploads: (id: string, files: UploadFile[]) =>
      request<{ uploads: UploadInstructionsView[] }>('POST', `/v1/albums/${id}/uploads`, { json: { files } }),
    review: (id: string, status: TagStatus, cursor?: string | null) =>
      request<ReviewQueueView>('GET', `/v1/albums/${id}/review${query({ status, cursor, limit: 50 })}`),
    importStartList: (id: string, csv: string) =>
      request<StartListImportView>('POST', `/v1/albums/${id}/start-list`, { body: csv, headers: { 'Content-Type': 'text/csv' } }),
    startList: (id: string) => request<StartListSizeView>('GET', `/v1/albums/${id}/start-list`),
    /** The start list as a CSV file (it needs the session's header, so no plain link can fetch it). */
    startListCsv: (id: string) => request<Blob>('GET', `/v1/albums/${id}/start-list.csv`, { blob: true }),
    tagChanges: (id: string) => request<{ changes: TagChangeView[] }>('GET', `/v1/albums/${id}/tag-changes${query({ limit: 10 })}`),
  },

  photos: {
    get: (id: string) => request<{ photo: PhotoView }>('GET', `/v1/photos/${id}`),
    remove: (id: string) => request<void>('DELETE', `/v1/photos/${id}`),
    complete: (id: string, body: z.input<typeof completeUploadBody> = {}) =>
      request<{ photo: PhotoView }>('POST', `/v1/photos/${id}/complete`, { json: body }),
    /** The file as uploaded, untouched (an attachment behind the session's header). */
    original: (id: string) => request<Blob>('GET', `/v1/photos/${id}/original`, { blob: true }),
    uploadState: (id: string) => request<{ upload: UploadStateView }>('GET', `/v1/photos/${id}/upload`),
    renewUpload: (id: string, partNumbers?: number[]) =>
      request<{ upload: UploadInstructionsView }>('POST', `/v1/photos/${id}/upload-url`, { json: partNumbers ? { partNumbers } : {} }),
    tags: (id: string) => request<TagsView>('GET', `/v1/photos/${id}/tags`),
    tag: (id: string, action: z.input<typeof tagAction>) => request<TagChangeResultView>('POST', `/v1/photos/${id}/tags`, { json: action }),
    undoTagChange: (changeId: string) => request<TagChangeResultView>('POST', `/v1/tag-changes/${changeId}/undo`),
  },

  packs: {
    list: (albumId: string) => request<PacksView>('GET', `/v1/albums/${albumId}/packs`),
    create: (albumId: string, body: z.input<typeof createPackBody>) => request<{ pack: PackView }>('POST', `/v1/albums/${albumId}/packs`, { json: body }),
    remove: (packId: string) => request<void>('DELETE', `/v1/packs/${packId}`),
  },

  payouts: {
    get: () => request<PayoutStatusView>('GET', '/v1/payouts'),
    onboard: () => request<OnboardingView>('POST', '/v1/payouts/onboarding'),
    orders: (cursor?: string | null) => request<SalesPage>('GET', `/v1/orders${query({ cursor, limit: 50 })}`),
  },

  billing: {
    credits: () => request<CreditsView>('GET', '/v1/credits'),
    /** Days are the reader's: same-day AI work is grouped in their time zone. */
    history: (timeZone: string, cursor?: string | null) => request<CreditHistoryView>('GET', `/v1/credits/history${query({ timeZone, cursor, limit: 50 })}`),
    buyCredits: (body: z.input<typeof creditCheckoutBody>) => request<CheckoutSessionView>('POST', '/v1/billing/credits', { json: body }),
    subscribe: (body: z.input<typeof subscribeBody>) => request<CheckoutSessionView>('POST', '/v1/billing/subscription', { json: body }),
    portal: () => request<PortalView>('POST', '/v1/billing/portal'),
    invoices: () => request<InvoicesView>('GET', '/v1/billing/invoices'),
  },

  shop: {
    packs: (slug: string) => request<PacksView>('GET', `/v1/public/albums/${slug}/packs`, { anonymous: true }),
    quote: (slug: string, body: z.input<typeof cartBody>) =>
      request<CartQuoteView>('POST', `/v1/public/albums/${slug}/cart`, { json: body, anonymous: true }),
    checkout: (slug: string, body: z.input<typeof checkoutBody>) =>
      request<CheckoutView>('POST', `/v1/public/albums/${slug}/checkout`, { json: body, anonymous: true }),
    order: (id: string, sessionId: string) =>
      request<OrderStatusView>(
        'GET',
        `/v1/public/orders/${id}${query({ session_id: sessionId })}`,
        { anonymous: true },
      ),
    downloads: (orderId: string, link: { expires: string; sig: string }) =>
      request<DownloadManifestView>('GET', `/v1/downloads/${orderId}${query(link)}`, { anonymous: true }),
  },

  apiKeys: {
    list: () => request<{ apiKeys: ApiKeyView[] }>('GET', '/v1/api-keys'),
    create: (body: z.input<typeof createApiKeyBody>) => request<{ apiKey: CreatedApiKeyView }>('POST', '/v1/api-keys', { json: body }),
    revoke: (id: string) => request<void>('DELETE', `/v1/api-keys/${id}`),
  },

  /** A vehicles workspace's album as a vehicle: its record (PUT replaces it whole) and its explained estimate. */
  vehicles: {
    get: (albumId: string) => request<{ vehicle: VehicleView }>('GET', `/v1/albums/${albumId}/vehicle`),
    save: (albumId: string, body: z.input<typeof vehicleBody>) => request<{ vehicle: VehicleView }>('PUT', `/v1/albums/${albumId}/vehicle`, { json: body }),
    estimate: (albumId: string) => request<{ estimate: EstimateView }>('POST', `/v1/albums/${albumId}/vehicle/estimate`),
  },

  /** The studio: a vehicle's photos cut out onto a backdrop (paid work: ask `estimate` first). */
  studio: {
    backdrops: () => request<{ backdrops: Backdrop[] }>('GET', '/v1/backdrops', { anonymous: true }),
    /** What `count` studio images would cost, against the balance (`count` >= 1). */
    estimate: (count: number) => request<CreditEstimate>('GET', `/v1/credits/estimate${query({ work: 'studio', count })}`),
    applyToPhoto: (photoId: string, body: StudioRequest) => request<{ photo: StudioPhoto }>('POST', `/v1/photos/${photoId}/studio`, { json: body }),
    applyToAlbum: (albumId: string, body: StudioRequest) => request<AlbumStudioResult>('POST', `/v1/albums/${albumId}/studio`, { json: body }),
  },

  /**
   * A file the API serves only with the session's header (a studio image, a transformation's
   * image, an original): fetched as a blob, since no plain link or <img src> can send the header.
   */
  privateFile: (path: string, signal?: AbortSignal) => request<Blob>('GET', path, { blob: true, signal }),

  /** A real-estate workspace's albums as properties: the list, each one's record (PUT replaces it whole), the room of a photo. */
  properties: {
    list: (cursor?: string | null) =>
      request<{ properties: PropertySummaryView[]; nextCursor: string | null }>('GET', `/v1/properties${query({ limit: 24, cursor })}`),
    get: (albumId: string) => request<{ property: PropertyView }>('GET', `/v1/albums/${albumId}/property`),
    save: (albumId: string, body: z.input<typeof propertyBody>) => request<{ property: PropertyView }>('PUT', `/v1/albums/${albumId}/property`, { json: body }),
    setRoom: (photoId: string, room: RoomType | null) => request<{ photo: PhotoView }>('PATCH', `/v1/photos/${photoId}/room`, { json: { room } }),
  },

  /** Property photos transformed (paid work, see shared/billing/transformations.ts), the version the gallery shows. */
  transformations: {
    ofAlbum: (albumId: string) => request<{ transformations: TransformationView[] }>('GET', `/v1/albums/${albumId}/transformations`),
    applyToPhoto: (photoId: string, body: z.input<typeof transformationBody>) =>
      request<{ transformation: TransformationView }>('POST', `/v1/photos/${photoId}/transformations`, { json: body }),
    applyToAlbum: (albumId: string, body: z.input<typeof albumTransformationsBody>) =>
      request<{ batchId: string; transformations: TransformationView[]; credits: number }>('POST', `/v1/albums/${albumId}/transformations`, { json: body }),
    /** null: back to the original. */
    show: (photoId: string, transformationId: string | null) => request<{ photo: PhotoView }>('PUT', `/v1/photos/${photoId}/shown-version`, { json: { transformationId } }),
  },

  /** The dealer's stock: a vehicles workspace's albums as vehicles, newest first (`GET /v1/vehicles`). */
  stock: {
    list: (page: { status?: VehicleStatus; cursor?: string | null } = {}) =>
      request<{ vehicles: VehicleSummaryView[]; nextCursor: string | null }>('GET', `/v1/vehicles${query({ limit: 24, ...page })}`),
  },

  /** A vehicle's listing (written from the record, then saved as the dealer edited it), its copy pack, and the workspace's export feeds. */
  listing: {
    write: (albumId: string, body: z.input<typeof listingRequestBody>) =>
      request<{ listing: WrittenListingView }>('POST', `/v1/albums/${albumId}/vehicle/listing`, { json: body }),
    save: (albumId: string, body: z.input<typeof listingBody>) => request<{ listing: SavedListingView }>('PUT', `/v1/albums/${albumId}/vehicle/listing`, { json: body }),
    /** Files behind the session's header (no plain link can fetch them), as blobs to save. */
    copyPack: (albumId: string) => request<Blob>('GET', `/v1/albums/${albumId}/vehicle/copy-pack.zip`, { blob: true }),
    feed: (format: 'xml' | 'csv') => request<Blob>('GET', `/v1/vehicles/feed.${format}`, { blob: true }),
  },

  /** A listed vehicle's public page and its contact form (no session), and the dealer's leads. */
  publicVehicles: {
    get: (slug: string) => request<{ vehicle: PublicVehicleView }>('GET', `/v1/public/vehicles/${slug}`, { anonymous: true }),
    contact: (slug: string, body: z.input<typeof leadBody>) =>
      request<{ lead: { id: string } }>('POST', `/v1/public/vehicles/${slug}/leads`, { json: body, anonymous: true }),
  },
  leads: {
    list: (filter: { albumId?: string; status?: LeadStatus; cursor?: string | null } = {}) => request<LeadsPage>('GET', `/v1/leads${query({ limit: 50, ...filter })}`),
    update: (id: string, body: z.input<typeof leadPatchBody>) => request<{ lead: LeadView }>('PATCH', `/v1/leads/${id}`, { json: body }),
  },

  gallery: {
    album: (slug: string) => request<{ album: PublicAlbumView }>('GET', `/v1/public/albums/${slug}`, { anonymous: true }),
    photos: (slug: string, page: { cursor?: string | null; q?: string; limit?: number } = {}, signal?: AbortSignal) =>
      request<PublicPhotosPage>('GET', `/v1/public/albums/${slug}/photos${query({ limit: 60, ...page })}`, { anonymous: true, signal }),
  },
};

/** Absolute URL of an API path (variant images, cutouts) for <img src>. */
export const apiUrl = (path: string) => `${API_ORIGIN}${path}`;
