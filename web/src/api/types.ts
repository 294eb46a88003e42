/**
 * What the API answers. Requests are typed by the zod schemas in workers/shared/schemas (shared
 * with the Worker); these are the response shapes the Worker's services return.
 */
export type Id = string;
export type WorkspaceKind = 'events' | 'vehicles' | 'realestate' | 'brand';
export type Visibility = 'public' | 'unlisted' | 'private';
export type PhotoStatus = 'pending' | 'uploaded' | 'processing' | 'ready' | 'rejected' | 'failed';
export type WatermarkPosition = 'center' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'tiled';

export type User = { id: Id; email: string; name: string; createdAt: string };
export type Workspace = { id: Id; name: string; kind: WorkspaceKind; createdAt: string; role?: string };
export type Me = { user: User; workspaceId: Id; workspaces: Workspace[] };

export type Watermark = { text: string; position: WatermarkPosition; opacity: number };
export type Album = {
  id: Id;
  title: string;
  slug: string;
  visibility: Visibility;
  date: string | null;
  location: string | null;
  watermark: Watermark | null;
  bibRules: unknown;
  createdAt: string;
  updatedAt: string;
};
export type PhotoCounts = Partial<Record<PhotoStatus, number>>;

export type Variant = { url: string; width: number | null; height: number | null };
export type Photo = {
  id: Id;
  albumId: Id;
  status: PhotoStatus;
  name: string;
  size: number;
  width: number | null;
  height: number | null;
  placeholder: string | null;
  takenAt: string | null;
  variants: { web: Variant; thumb: Variant } | null;
  recognition: { status: string; note: string | null } | null;
  error: { code: string; message: string | null } | null;
  duplicateOf: Id | null;
  createdAt: string;
};
export type Page<K extends string, T> = { [key in K]: T[] } & { nextCursor: string | null };

type SignedPut = { url: string; headers: Record<string, string> };
export type UploadInstructions = SignedPut & {
  photoId: Id;
  method: 'PUT';
  expiresAt?: string;
  multipart?: { uploadId: string; partSize: number; partCount: number; parts: (SignedPut & { partNumber: number; size: number })[] };
};
export type UploadState = {
  photoId: Id;
  status: PhotoStatus;
  multipart: {
    uploadId: string;
    partSize: number;
    partCount: number;
    partsKnown: boolean;
    uploadedParts: { partNumber: number; etag: string; size: number }[];
  } | null;
};

export type ApiKey = { id: Id; name: string; prefix: string; scopes: string[]; lastUsedAt: string | null; createdAt: string };
export type NewApiKey = ApiKey & { key: string };

export type TagStatus = 'sure' | 'unsure' | 'confirmed';
export type Box = { x: number; y: number; w: number; h: number };
export type Tag = { id: Id; kind: 'bib' | 'plate'; value: string; status: TagStatus; confidence: number | null; box: Box | null; source: string };
export type ReviewItem = Tag & { photo: { id: Id; width: number | null; height: number | null; web: string; thumb: string } };
export type ReviewPage = { tags: ReviewItem[]; counts: Partial<Record<TagStatus, number>>; nextCursor: string | null };
export type StartListImport = { imported: number; lines: number; errorCount: number; errors: { line: number; message: string }[] };

export type PublicAlbum = { title: string; slug: string; date: string | null; location: string | null; photoCount: number; version: number };
export type PublicPhoto = {
  id: Id;
  width: number;
  height: number;
  placeholder: string | null;
  takenAt: string | null;
  thumb: Variant;
  web: Variant;
};
export type PublicPhotosPage = { photos: PublicPhoto[]; nextCursor: string | null; runners?: { bib: string; name: string; category: string | null }[] };

export type Pack = { id: Id; name: string; scope: 'photo' | 'bib' | 'album'; size: 'original' | 'web'; amountCents: number; currency: string };
export type NewOrder = { id: Id; status: string; photoCount: number; subtotalCents: number; feeCents: number; totalCents: number; currency: string };
export type Sale = {
  id: Id;
  albumId: Id;
  email: string;
  status: string;
  size: 'original' | 'web';
  subtotalCents: number;
  feeCents: number;
  totalCents: number;
  payoutCents: number;
  currency: string;
  paidAt: string | null;
};
export type LedgerRow = { id: Id; delta: number; reason: string; reference: string | null; balanceAfter: number; createdAt: string };
export type Credits = {
  balance: number;
  prices: { recognition: number; cutout: number };
  awaitingCredits: { photos: number; creditsNeeded: number };
  packs: { id: 'credits_100' | 'credits_500' | 'credits_2000'; credits: number; amountCents: number; name: string }[];
  plans: { id: 'starter_monthly' | 'pro_monthly'; credits: number; amountCents: number; name: string }[];
  subscription: { id: string; plan?: string; status?: string; currentPeriodEnd?: string } | null;
  ledger: LedgerRow[];
};
export type Invoice = { id: string; number: string | null; status: string; amountPaidCents: number; currency: string; createdAt: string; url: string | null; pdf: string | null };
export type Downloads = {
  order: { id: Id; size: 'original' | 'web'; photoCount: number; expiresAt: string };
  zip: { original?: string; web: string };
  photos: { id: Id; name: string; original?: string; web: string }[];
};
