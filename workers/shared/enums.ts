/**
 * The closed sets of values the database stores, shared by the Worker (drizzle columns, zod
 * schemas) and the SPA (labels, filters). Plain values on purpose, like constants.ts: no zod,
 * no drizzle, so the SPA can import them at run time without pulling either into its bundle.
 */

export const WORKSPACE_KINDS = ['events', 'vehicles', 'realestate', 'brand'] as const;
export type WorkspaceKind = (typeof WORKSPACE_KINDS)[number];

export const MEMBER_ROLES = ['owner', 'admin', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
/** The roles an invitation can offer: ownership is transferred, never given by invitation. */
export const INVITED_ROLES = ['admin', 'member'] as const;
export type InvitedRole = (typeof INVITED_ROLES)[number];

export const ALBUM_VISIBILITIES = ['public', 'unlisted', 'private'] as const;
export type AlbumVisibility = (typeof ALBUM_VISIBILITIES)[number];

/** `pending` = signed URL issued, bytes not confirmed yet; the pipeline takes over at `uploaded`. */
export const PHOTO_STATUSES = ['pending', 'uploaded', 'processing', 'ready', 'rejected', 'failed'] as const;
export type PhotoStatus = (typeof PHOTO_STATUSES)[number];

/** Bib/plate reading of a photo; only `queued` work holds a credit reservation. */
export const RECOGNITION_STATUSES = ['queued', 'awaiting_credits', 'done', 'skipped', 'failed'] as const;
export type RecognitionStatus = (typeof RECOGNITION_STATUSES)[number];
/** A cutout job: `queued` holds the credit reservation; `failed` was refunded. */
export const CUTOUT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type CutoutStatus = (typeof CUTOUT_STATUSES)[number];

export const TAG_KINDS = ['bib', 'plate'] as const;
export type TagKind = (typeof TAG_KINDS)[number];

/** `sure`/`unsure` come from the reader and the rules; `confirmed` is a person's word. */
export const TAG_STATUSES = ['sure', 'unsure', 'confirmed'] as const;
export type TagStatus = (typeof TAG_STATUSES)[number];

/** What a person did to a tag (a reject is a deletion); each can be undone. */
export const TAG_CHANGE_ACTIONS = ['confirmed', 'corrected', 'deleted', 'added'] as const;
export type TagChangeAction = (typeof TAG_CHANGE_ACTIONS)[number];

export const LEDGER_REASONS = ['starter', 'purchase', 'subscription', 'adjustment', 'reserve', 'commit', 'refund'] as const;
export type LedgerReason = (typeof LEDGER_REASONS)[number];

/** What a price pack covers: one photo, every photo of a bib, or the whole album. */
export const PACK_SCOPES = ['photo', 'bib', 'album'] as const;
export type PackScope = (typeof PACK_SCOPES)[number];

export const DOWNLOAD_SIZES = ['original', 'web'] as const;
export type DownloadSize = (typeof DOWNLOAD_SIZES)[number];

export const ORDER_STATUSES = ['pending', 'paid', 'expired'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const EMAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** A data export (GDPR): queued -> running -> done (link emailed) | failed; `expired` once its ZIP is gone. */
export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** An album's watermark, as stored in `albums.watermark` (JSON). */
export type Watermark = { text: string; position: string; opacity: number };

/** Per-event rules that decide which numbers read in a photo can be bibs. */
export type BibRules = { minDigits: number; maxDigits: number; min?: number | null; max?: number | null; exclude: string[] };

/** Cutout quality hints from the last cutout, as stored in `photos.cutout` (JSON). */
export type CutoutInfo = { subjectArea: number; touchesBorder: boolean; doubtful: boolean; reasons: string[]; createdAt: string };

/** A vehicle's record (vehicles workspaces, where an album is a vehicle). */
export const VEHICLE_STATUSES = ['draft', 'published', 'sold'] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];
export const VEHICLE_CONDITIONS = ['excellent', 'good', 'fair', 'poor'] as const;
export type VehicleCondition = (typeof VEHICLE_CONDITIONS)[number];
export const VEHICLE_FUELS = ['petrol', 'diesel', 'hybrid', 'plugin_hybrid', 'electric', 'lpg'] as const;
export type VehicleFuel = (typeof VEHICLE_FUELS)[number];
export const GEARBOXES = ['manual', 'automatic'] as const;
export type Gearbox = (typeof GEARBOXES)[number];
/** French SIV (`AB-123-CD`, since 2009), the older FNI (`1234 AB 56`), or any other plate kept as typed. */
export const PLATE_FORMATS = ['siv', 'fni', 'other'] as const;
export type PlateFormat = (typeof PLATE_FORMATS)[number];
/** `read` = from the photos (follows better reads); `dealer` = typed, never replaced by a read. */
export const PLATE_SOURCES = ['read', 'dealer'] as const;
export type PlateSource = (typeof PLATE_SOURCES)[number];

/**
 * The studio (vehicles): the car cut out and set on a rendered backdrop. The ids are the API's;
 * their names and rendering are in workers/modules/vehicles/studio/backdrops.ts.
 */
export const BACKDROP_IDS = [
  'showroom_indoor',
  'showroom_outdoor',
  'studio_white',
  'studio_grey',
  'studio_black',
  'garage_modern',
  'garage_luxury',
  'parking_outdoor',
] as const;
export type BackdropId = (typeof BACKDROP_IDS)[number];
/** What the studio does with the plate: leave it, blur it, or cover it with the dealer's logo. */
export const PLATE_TREATMENTS = ['keep', 'blur', 'logo'] as const;
export type PlateTreatment = (typeof PLATE_TREATMENTS)[number];
/** The studio job: `queued` (credits reserved) -> `running` -> `done` | `failed` (refunded); null: never asked. */
export const STUDIO_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type StudioStatus = (typeof STUDIO_STATUSES)[number];
/** The look a studio image was made with (the body of `POST /v1/photos/:id/studio`, defaults filled in). */
export type StudioOptions = {
  backdrop: BackdropId;
  scale: number;
  positionX: number;
  positionY: number;
  autoCentre: boolean;
  shadow: boolean;
  reflection: boolean;
  plate: PlateTreatment;
};
/** The last studio image of a photo, as stored in `photos.studio` (JSON). Doubtful ones are not published. */
export type StudioInfo = { options: StudioOptions; doubtful: boolean; reasons: string[]; width: number; height: number; createdAt: string };

/** Listing text languages. */
export const LISTING_LANGS = ['fr', 'en'] as const;
export type ListingLang = (typeof LISTING_LANGS)[number];
/** A lead's progress, as a dealer's sales pipeline names it. */
export const LEAD_STATUSES = ['new', 'contacted', 'visit', 'offer', 'won', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** Real estate: what kind of property an album (in a `realestate` workspace) is. */
export const PROPERTY_TYPES = ['apartment', 'house', 'studio', 'loft', 'villa', 'land', 'commercial', 'other'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];
/** The room a property photo shows (set by the agent; `stage` uses it in its prompt). */
export const ROOM_TYPES = ['living_room', 'kitchen', 'bedroom', 'bathroom', 'dining_room', 'office', 'hallway', 'exterior', 'garden', 'other'] as const;
export type RoomType = (typeof ROOM_TYPES)[number];
/** Transformations of a property photo; prices and labels in shared/billing/transformations.ts. */
export const TRANSFORMATION_KINDS = ['enhance', 'sky', 'declutter', 'stage', 'twilight'] as const;
export type TransformationKind = (typeof TRANSFORMATION_KINDS)[number];
/** Virtual staging styles (`stage`). */
export const STAGING_STYLES = ['modern', 'scandinavian', 'industrial', 'classic', 'bohemian'] as const;
export type StagingStyle = (typeof STAGING_STYLES)[number];
/** A transformation: `queued` (credits reserved) -> `running` -> `done` | `failed` (refunded, with a reason). */
export const TRANSFORMATION_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type TransformationStatus = (typeof TRANSFORMATION_STATUSES)[number];
