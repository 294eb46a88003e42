/**
 * The D1 schema: the single source of truth for tables. Migrations in `migrations/` are
 * generated from this file by drizzle-kit (`npm run db:generate`), never written by hand.
 * Ids are prefixed random strings (see workers/api/lib/ids.ts): unguessable and self-describing.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`);

export const WORKSPACE_KINDS = ['events', 'vehicles', 'realestate', 'brand'] as const;
export const MEMBER_ROLES = ['owner', 'admin', 'member'] as const;
export const ALBUM_VISIBILITIES = ['public', 'unlisted', 'private'] as const;
/** `pending` = signed URL issued, bytes not confirmed yet; the pipeline takes over at `uploaded`. */
export const PHOTO_STATUSES = ['pending', 'uploaded', 'processing', 'ready', 'rejected', 'failed'] as const;

/** Bib/plate reading of a photo; only `queued` work holds a credit reservation. */
export const RECOGNITION_STATUSES = ['queued', 'awaiting_credits', 'done', 'skipped', 'failed'] as const;
/** A cutout job: `queued` holds the credit reservation; `failed` was refunded. */
export const CUTOUT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  isPlatformAdmin: integer('is_platform_admin', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
});

export const workspaces = sqliteTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: WORKSPACE_KINDS }).notNull(),
  /** Credits left; changed only together with a `credit_ledger` row (workers/api/services/credits.ts). */
  creditBalance: integer('credit_balance').notNull().default(0),
  /** The Stripe customer that pays for credits and subscriptions. */
  stripeCustomerId: text('stripe_customer_id'),
  /** The Connect Express account photo sales pay out to; `payable` once Stripe says it can take charges and payouts. */
  stripeAccountId: text('stripe_account_id'),
  payable: integer('payable', { mode: 'boolean' }).notNull().default(false),
  /** `created` (seconds) of the last `account.updated` applied: older events arriving late are ignored. */
  stripeAccountEventAt: integer('stripe_account_event_at'),
  /** The current subscription (id, plan, Stripe status), if any. */
  subscriptionId: text('subscription_id'),
  subscriptionPlan: text('subscription_plan'),
  subscriptionStatus: text('subscription_status'),
  createdAt: createdAt(),
});

export const memberships = sqliteTable(
  'memberships',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: MEMBER_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    /** The first characters of the key, shown in lists so people can tell keys apart. */
    prefix: text('prefix').notNull(),
    /** SHA-256 of the whole key, hex. The key itself is never stored. */
    hash: text('hash').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<string[]>().notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_keys_hash_idx').on(t.hash), index('api_keys_workspace_idx').on(t.workspaceId)],
);

export type Watermark = { text: string; position: string; opacity: number };

/** Per-event rules that decide which numbers read in a photo can be bibs. */
export type BibRules = { minDigits: number; maxDigits: number; min?: number | null; max?: number | null; exclude: string[] };

export const albums = sqliteTable(
  'albums',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** Global, because public pages live at /e/:slug. */
    slug: text('slug').notNull(),
    visibility: text('visibility', { enum: ALBUM_VISIBILITIES }).notNull().default('private'),
    date: text('date'),
    location: text('location'),
    watermark: text('watermark', { mode: 'json' }).$type<Watermark | null>(),
    bibRules: text('bib_rules', { mode: 'json' }).$type<BibRules | null>(),
    /** Bumped whenever what the public gallery shows changes: versions its cached JSON. */
    contentVersion: integer('content_version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [uniqueIndex('albums_slug_idx').on(t.slug), index('albums_workspace_idx').on(t.workspaceId, t.createdAt)],
);

export const photos = sqliteTable(
  'photos',
  {
    id: text('id').primaryKey(),
    albumId: text('album_id').notNull().references(() => albums.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    status: text('status', { enum: PHOTO_STATUSES }).notNull().default('pending'),
    originalName: text('original_name').notNull(),
    /** What the client announced; the upload URL is bound to it. */
    declaredSize: integer('declared_size').notNull(),
    declaredType: text('declared_type').notNull(),
    originalKey: text('original_key').notNull(),
    /** Set while a multipart upload is open (R2 upload id). */
    multipartUploadId: text('multipart_upload_id'),
    /** The real type, sniffed from magic bytes once the bytes landed. */
    contentType: text('content_type'),
    size: integer('size'),
    sha256: text('sha256'),
    width: integer('width'),
    height: integer('height'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** From EXIF: local capture time as written by the camera (no zone), and make + model. */
    takenAt: text('taken_at'),
    camera: text('camera'),
    /** 64-bit DCT perceptual hash, hex; near duplicates are a small Hamming distance apart. */
    phash: text('phash'),
    blurScore: real('blur_score'),
    isBlurry: integer('is_blurry', { mode: 'boolean' }),
    /** ThumbHash (base64) shown while the thumbnail loads. */
    placeholder: text('placeholder'),
    duplicateOf: text('duplicate_of'),
    nearDuplicateOf: text('near_duplicate_of'),
    webWidth: integer('web_width'),
    webHeight: integer('web_height'),
    thumbWidth: integer('thumb_width'),
    thumbHeight: integer('thumb_height'),
    /** The watermark the variants carry (JSON), so a watermark change re-renders exactly once. */
    renderedWith: text('rendered_with'),
    /** Bumped each time variants are (re)written: part of their immutable public URLs. */
    variantsVersion: integer('variants_version').notNull().default(0),
    processingMs: integer('processing_ms'),
    /** Reading bibs/plates after the variants: null (not applicable), queued, done, skipped (duplicate, blurry), failed. */
    /** `awaiting_credits`: the workspace had no credit left; resumes when credits are granted. */
    recognition: text('recognition', { enum: RECOGNITION_STATUSES }),
    recognitionNote: text('recognition_note'),
    /** Cutout quality hints from the last cutout: { subjectArea, touchesBorder, doubtful, reasons }. */
    cutout: text('cutout', { mode: 'json' }).$type<CutoutInfo | null>(),
    /** The cutout job: `queued` (credits reserved) -> `running` -> `done` | `failed` (refunded); null: never asked. */
    cutoutStatus: text('cutout_status', { enum: CUTOUT_STATUSES }),
    /** The current cutout job's id, part of its ledger reference: each cutout asked for is paid once. */
    cutoutJob: text('cutout_job'),
    /** Why the last cutout failed. */
    cutoutNote: text('cutout_note'),
    peakWasmBytes: integer('peak_wasm_bytes'),
    /** Gallery order: capture time when known, else upload time. */
    sortAt: integer('sort_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [
    index('photos_album_idx').on(t.albumId, t.createdAt, t.id),
    index('photos_workspace_idx').on(t.workspaceId),
    index('photos_gallery_idx').on(t.albumId, t.status, t.sortAt, t.id),
    index('photos_album_sha_idx').on(t.albumId, t.sha256),
    // Only unfinished photos: what the cron looks through for lost jobs (workers/pipeline/sweep.ts).
    index('photos_unfinished_idx')
      .on(t.updatedAt)
      .where(sql`${t.status} in ('uploaded', 'processing') or ${t.recognition} = 'queued'`),
    // Only cutouts under way: what the cron looks through for lost cutout jobs (modules/recognition/jobs).
    index('photos_cutout_unfinished_idx')
      .on(t.updatedAt)
      .where(sql`${t.cutoutStatus} in ('queued', 'running')`),
  ],
);

export type CutoutInfo = { subjectArea: number; touchesBorder: boolean; doubtful: boolean; reasons: string[]; createdAt: string };

export const TAG_KINDS = ['bib', 'plate'] as const;
/** `sure`/`unsure` come from the reader and the rules; `confirmed` is a person's word. */
export const TAG_STATUSES = ['sure', 'unsure', 'confirmed'] as const;

export const photoTags = sqliteTable(
  'photo_tags',
  {
    id: text('id').primaryKey(),
    photoId: text('photo_id').notNull().references(() => photos.id, { onDelete: 'cascade' }),
    albumId: text('album_id').notNull().references(() => albums.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: TAG_KINDS }).notNull(),
    /** Normalised: digits for bibs, `AB-123-CD` / `1234 AB 75` / plain upper case for plates. */
    value: text('value').notNull(),
    rawText: text('raw_text'),
    confidence: real('confidence'),
    /** Where it is, as fractions of the image (0..1), so any variant size can highlight it. */
    box: text('box', { mode: 'json' }).$type<{ x: number; y: number; w: number; h: number } | null>(),
    status: text('status', { enum: TAG_STATUSES }).notNull(),
    /** `ocr:external`, `ocr:workers-ai`, or `manual`. */
    source: text('source').notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [
    index('photo_tags_photo_idx').on(t.photoId),
    index('photo_tags_search_idx').on(t.albumId, t.kind, t.value),
    index('photo_tags_review_idx').on(t.albumId, t.status, t.createdAt, t.id),
  ],
);

/** A race's start list: who wears which bib, so runners can search by name. */
export const startListEntries = sqliteTable(
  'start_list_entries',
  {
    albumId: text('album_id').notNull().references(() => albums.id, { onDelete: 'cascade' }),
    bib: text('bib').notNull(),
    name: text('name').notNull(),
    /** Lower case, accents stripped: what name search compares. */
    nameKey: text('name_key').notNull(),
    category: text('category'),
  },
  (t) => [primaryKey({ columns: [t.albumId, t.bib] })],
);

/**
 * Parts of open multipart uploads received by the Worker upload route: the R2 binding cannot
 * list them, and a client resuming after a reload needs to know which parts are already there.
 */
export const uploadParts = sqliteTable(
  'upload_parts',
  {
    photoId: text('photo_id').notNull().references(() => photos.id, { onDelete: 'cascade' }),
    partNumber: integer('part_number').notNull(),
    etag: text('etag').notNull(),
    size: integer('size').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.photoId, t.partNumber] })],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id'),
    actorUserId: text('actor_user_id'),
    actorApiKeyId: text('actor_api_key_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
    requestId: text('request_id'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_workspace_idx').on(t.workspaceId, t.createdAt)],
);

export const LEDGER_REASONS = ['starter', 'purchase', 'subscription', 'adjustment', 'reserve', 'commit', 'refund'] as const;

/**
 * Every credit change is a row, with the balance it left. `reference` ties a row to what caused
 * it (a Checkout Session, an invoice, `recognise:<photoId>`); the unique index makes each
 * (reason, reference) happen once, which is what makes grants, reservations and refunds idempotent.
 */
export const creditLedger = sqliteTable(
  'credit_ledger',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    delta: integer('delta').notNull(),
    reason: text('reason', { enum: LEDGER_REASONS }).notNull(),
    reference: text('reference').notNull(),
    balanceAfter: integer('balance_after').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('credit_ledger_once_idx').on(t.workspaceId, t.reason, t.reference),
    index('credit_ledger_workspace_idx').on(t.workspaceId, t.createdAt),
  ],
);

export const PACK_SCOPES = ['photo', 'bib', 'album'] as const;
export const DOWNLOAD_SIZES = ['original', 'web'] as const;

/** What a photographer sells from an album: one photo, all photos of a bib, or the whole album, at a size. */
export const pricePacks = sqliteTable(
  'price_packs',
  {
    id: text('id').primaryKey(),
    albumId: text('album_id').notNull().references(() => albums.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scope: text('scope', { enum: PACK_SCOPES }).notNull(),
    size: text('size', { enum: DOWNLOAD_SIZES }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull().default('eur'),
    createdAt: createdAt(),
  },
  (t) => [index('price_packs_album_idx').on(t.albumId)],
);

export const ORDER_STATUSES = ['pending', 'paid', 'expired'] as const;

/** A runner's purchase (guest checkout: an email, no account). Downloads exist only once `paid`. */
export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    albumId: text('album_id').notNull().references(() => albums.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('pending'),
    /** The largest size bought: a web-size pack never unlocks originals. */
    size: text('size', { enum: DOWNLOAD_SIZES }).notNull(),
    subtotalCents: integer('subtotal_cents').notNull(),
    feeCents: integer('fee_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    currency: text('currency').notNull(),
    stripeSessionId: text('stripe_session_id'),
    stripePaymentIntentId: text('stripe_payment_intent_id'),
    paidAt: integer('paid_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('orders_session_idx').on(t.stripeSessionId), index('orders_workspace_idx').on(t.workspaceId, t.createdAt)],
);

/** The cart lines (pack + what it applies to) and their prices at checkout time. */
export const orderItems = sqliteTable(
  'order_items',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
    packId: text('pack_id').notNull(),
    photoId: text('photo_id'),
    bib: text('bib'),
    amountCents: integer('amount_cents').notNull(),
  },
  (t) => [index('order_items_order_idx').on(t.orderId)],
);

/** The photos an order unlocks, resolved at checkout (what the buyer saw is what they get). */
export const orderPhotos = sqliteTable(
  'order_photos',
  {
    orderId: text('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
    photoId: text('photo_id').notNull().references(() => photos.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.photoId] })],
);

/** Stripe events already handled: Stripe delivers at least once, sometimes twice, sometimes late. */
export const stripeEvents = sqliteTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  createdAt: createdAt(),
});

export const EMAIL_STATUSES = ['pending', 'sent', 'failed'] as const;

/**
 * Transactional outbox: an email is a row written in the same batch as what it announces, then
 * sent by the email queue consumer. `dedupeKey` makes "the order-paid email" exist once.
 */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: text('id').primaryKey(),
    dedupeKey: text('dedupe_key').notNull(),
    to: text('to').notNull(),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: EMAIL_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    providerId: text('provider_id'),
    lastError: text('last_error'),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('email_outbox_dedupe_idx').on(t.dedupeKey), index('email_outbox_status_idx').on(t.status, t.createdAt)],
);

export type PricePack = typeof pricePacks.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type EmailRow = typeof emailOutbox.$inferSelect;
export type User = typeof users.$inferSelect;
export type Workspace = typeof workspaces.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type Album = typeof albums.$inferSelect;
export type Photo = typeof photos.$inferSelect;
export type WorkspaceKind = (typeof WORKSPACE_KINDS)[number];
export type PhotoTag = typeof photoTags.$inferSelect;
export type MemberRole = (typeof MEMBER_ROLES)[number];
