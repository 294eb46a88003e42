/** What was read in photos (bibs, plates) and the start lists that put names on bibs. */
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { TAG_CHANGE_ACTIONS, TAG_KINDS, TAG_STATUSES } from '../../shared/enums';
import { albums, photos } from './albums';
import { createdAt, updatedAt } from './columns';

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
    updatedAt: updatedAt(),
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

/** When an album's start list was last imported (its runners are the entries above). */
export const startLists = sqliteTable('start_lists', {
  albumId: text('album_id').primaryKey().references(() => albums.id, { onDelete: 'cascade' }),
  importedAt: integer('imported_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * A person's change to a tag, with the tag as it was before, so the change can be undone (and
 * undone only once: `undone_at`). Scoped to the workspace like everything a person can act on.
 */
export const tagChanges = sqliteTable(
  'tag_changes',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    albumId: text('album_id').notNull().references(() => albums.id, { onDelete: 'cascade' }),
    photoId: text('photo_id').notNull().references(() => photos.id, { onDelete: 'cascade' }),
    tagId: text('tag_id').notNull(),
    action: text('action', { enum: TAG_CHANGE_ACTIONS }).notNull(),
    kind: text('kind', { enum: TAG_KINDS }).notNull(),
    /** The tag's row before the change (null for an addition); its dates are epoch ms. */
    before: text('before', { mode: 'json' }).$type<TagSnapshot | null>(),
    /** The value after the change (the removed value for a deletion). */
    value: text('value').notNull(),
    actorUserId: text('actor_user_id'),
    actorApiKeyId: text('actor_api_key_id'),
    undoneAt: integer('undone_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('tag_changes_album_idx').on(t.albumId, t.createdAt), index('tag_changes_tag_idx').on(t.tagId, t.createdAt)],
);

export type PhotoTag = typeof photoTags.$inferSelect;
export type TagChange = typeof tagChanges.$inferSelect;
/** A tag row as JSON: what an undo puts back. */
export type TagSnapshot = Omit<PhotoTag, 'createdAt' | 'updatedAt'> & { createdAt: number };
