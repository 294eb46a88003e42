/**
 * Plain values shared by the Worker and the SPA. Free of zod and drizzle on purpose: the SPA
 * imports them at run time, and this keeps those libraries out of its bundle.
 */

/** Originals we accept: what the pipeline can decode. HEIC must be exported as JPEG first. */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 100 * 1024 * 1024;
/** Above this, uploads go multipart so a flaky connection only re-sends one part. */
export const MULTIPART_THRESHOLD = 16 * 1024 * 1024;
/** R2 needs equal part sizes (except the last) of at least 5 MiB. */
export const PART_SIZE = 8 * 1024 * 1024;
export const MAX_BATCH = 500;

/** Longer album titles are cut at a word boundary to fit (the album form says so as the user types). */
export const ALBUM_TITLE_MAX = 160;

export const WATERMARK_POSITIONS = ['center', 'top-left', 'top-right', 'bottom-left', 'bottom-right', 'tiled'] as const;

/**
 * What an API key may be allowed to do. Session users (JWT) hold every scope their role allows.
 * `sales:*`: price packs, orders, payouts; `billing:read`: credits, estimates, invoices;
 * `vision:plate`: paid plate reads on request (`POST /v1/vision/plate`, a credit each), apart from
 * `photos:read` so a read-only key cannot spend credits.
 * `vehicles:*`: vehicle records and their price estimates (vehicles workspaces).
 * `leads:*`: visitors' contact requests and their follow-up, apart from `vehicles:*` because
 * they hold people's emails and phone numbers (a feed-exporting key needs none of them).
 * `properties:*`: property records and their photos' transformations (real-estate workspaces; `write` spends credits).
 */
export const SCOPES = ['albums:read', 'albums:write', 'photos:read', 'photos:write', 'sales:read', 'sales:write', 'billing:read', 'vehicles:read', 'vehicles:write', 'leads:read', 'leads:write', 'properties:read', 'properties:write', 'vision:plate'] as const;
export type Scope = (typeof SCOPES)[number];

/** The contact form's limits (a lead), checked by the Worker and by the form as the visitor types. */
export const LEAD_LIMITS = { name: 100, email: 254, phone: 30, message: 2000, notes: 2000 } as const;
