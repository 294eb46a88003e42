/**
 * The names the SPA's screens use for what the API answers. Every shape comes from the response
 * schemas the Worker declares its routes with (workers/modules/<domain>/views.ts), so a change
 * there fails the SPA's typecheck instead of drifting. Type-only imports: no zod reaches the bundle.
 */
import type { z } from 'zod';
import type { WATERMARK_POSITIONS } from '../../../workers/shared/constants';
import type { ApiKeyView, CreatedApiKeyView, UserCallerView } from '../../../workers/modules/accounts/views';
import type { AlbumView, PhotoView, PublicAlbumView, PublicPhotoView } from '../../../workers/modules/albums/views';
import type { CreditHistoryEntryView, CreditsView, InvoiceView } from '../../../workers/modules/billing/views';
import type { UploadInstructionsView } from '../../../workers/modules/media/views';
import type { ReviewTagView, StartListImportView, StartListSizeView, TagChangeView, TagView } from '../../../workers/modules/recognition/views';
import type { PackView } from '../../../workers/modules/sales/views';
import type { EstimateView, VehicleSummaryView, VehicleView } from '../../../workers/modules/vehicles/views';
import type { BackdropId } from '../../../workers/shared/enums';
import type { studioBody } from '../../../workers/shared/schemas/studio';
import type { LeadView, PublicVehicleView } from '../../../workers/modules/vehicles/leads-views';
import type { PropertySummaryView, PropertyView, TransformationView } from '../../../workers/modules/realestate/views';

export type { AlbumVisibility as Visibility, PhotoStatus, TagStatus, WorkspaceKind } from '../../../workers/shared/enums';
export type { PhotoCounts, PublicPhotosPage } from '../../../workers/modules/albums/views';
export type WatermarkPosition = (typeof WATERMARK_POSITIONS)[number];

/** `GET /v1/me` for a person (the SPA signs in people only; client.ts refuses an API-key caller). */
export type Me = UserCallerView;
export type Album = AlbumView;
export type Watermark = NonNullable<AlbumView['watermark']>;
export type Photo = PhotoView;
export type PublicAlbum = PublicAlbumView;
export type PublicPhoto = PublicPhotoView;
export type UploadInstructions = UploadInstructionsView;
export type ApiKey = ApiKeyView;
export type NewApiKey = CreatedApiKeyView;
export type ReviewItem = ReviewTagView;
export type StartListImport = StartListImportView;
export type StartListInfo = StartListSizeView;
export type Tag = TagView;
export type TagChange = TagChangeView;
/** A photo's tag as the album's photo list carries it. */
export type PhotoTagChip = NonNullable<PhotoView['tags']>[number];
export type Pack = PackView;
export type Credits = CreditsView;
export type Vehicle = VehicleView;
export type VehicleEstimate = EstimateView;
export type EstimateFactor = EstimateView['factors'][number];
/** A row of the dealer's vehicle list. */
export type VehicleSummary = VehicleSummaryView;
export type { Gearbox, PlateFormat, PlateSource, VehicleCondition, VehicleFuel, VehicleStatus } from '../../../workers/shared/enums';
export type CreditHistoryEntry = CreditHistoryEntryView;
export type Invoice = InvoiceView;

// --- Studio (vehicles: a photo's car on a backdrop) ---
export type { BackdropId, PlateTreatment, StudioOptions, StudioStatus } from '../../../workers/shared/enums';
/** `GET /v1/backdrops`: one backdrop, its 400x225 thumbnail public. */
export type Backdrop = { id: BackdropId; name: string; thumbUrl: string };
/** A photo's studio image as the photo view carries it; `url`/`thumbUrl` need the session (fetched, not linked). */
export type PhotoStudio = NonNullable<PhotoView['studio']>;
export type StudioPhoto = Photo;
/** The body of `POST /v1/photos/:id/studio` and `/v1/albums/:id/studio`: what is left out takes the API's default. */
export type StudioRequest = z.input<typeof studioBody>;
/** `POST /v1/albums/:id/studio`: how many photos were queued and the credits reserved for them. */
export type AlbumStudioResult = { queued: number; credits: number };
export type { EstimateView as CreditEstimate } from '../../../workers/modules/billing/views';

export type PublicVehicle = PublicVehicleView;
export type PublicVehiclePhoto = PublicVehicleView['photos'][number];
export type Lead = LeadView;
export type { LeadStatus, ListingLang } from '../../../workers/shared/enums';

// --- Real estate (an album is a property; its photos get transformations) ---
export type Property = PropertyView;
/** A row of the agent's property list. */
export type PropertySummary = PropertySummaryView;
export type Transformation = TransformationView;
export type { PropertyType, RoomType, StagingStyle, TransformationKind, TransformationStatus } from '../../../workers/shared/enums';
