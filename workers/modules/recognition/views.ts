/**
 * What the recognition routes answer (tags, review queue, start lists, plates, cutouts): the
 * response schemas of the OpenAPI document and the types the SPA reads (zod only).
 */
import { z } from 'zod';
import { TAG_CHANGE_ACTIONS, TAG_KINDS, TAG_STATUSES } from '../../shared/enums';
import { nextCursor } from '../albums/views';

/** Where a read sits on the photo, as fractions of the image (0..1), so any variant can highlight it. */
const box = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }).nullable();

export const tagView = z
  .object({
    id: z.string().meta({ example: 'tag_01hx3kc9m2n4p6q8' }),
    kind: z.enum(TAG_KINDS),
    value: z.string().meta({ example: '1234', description: 'Digits for bibs; `AB-123-CD`, `1234 AB 75` or plain upper case for plates' }),
    status: z.enum(TAG_STATUSES),
    confidence: z.number().nullable(),
    box,
    source: z.string().meta({ example: 'ocr:external', description: '`ocr:external`, `ocr:workers-ai` or `manual`' }),
    rawText: z.string().nullable(),
  })
  .meta({ id: 'Tag' });

export const tagsView = z.object({ tags: z.array(tagView) });

const timestamp = z.string().meta({ description: 'ISO 8601', example: '2026-04-12T08:30:00.000Z' });

/** A person's change to a tag, which can be undone (`POST /v1/tag-changes/{id}/undo`). */
export const tagChangeView = z
  .object({
    id: z.string().meta({ example: 'tch_01hx3kc9m2n4p6q8' }),
    action: z.enum(TAG_CHANGE_ACTIONS).meta({ description: 'A rejected read is `deleted`' }),
    photoId: z.string(),
    tagId: z.string(),
    kind: z.enum(TAG_KINDS),
    value: z.string().meta({ description: 'The value after the change (the removed one for `deleted`)' }),
    previousValue: z.string().nullable().meta({ description: 'Null for `added`' }),
    undoneAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'TagChange' });

export const tagChangeResultView = tagsView.extend({ change: tagChangeView });
export const tagChangesView = z.object({ changes: z.array(tagChangeView).meta({ description: 'Newest first' }) });

/** A tag of the review queue, with the photo to show it on (owner URLs carry a short-lived grant). */
export const reviewTagView = tagView
  .extend({ photo: z.object({ id: z.string(), width: z.number().nullable(), height: z.number().nullable(), web: z.string(), thumb: z.string() }) })
  .meta({ id: 'ReviewTag' });

export const reviewQueueView = z.object({
  tags: z.array(reviewTagView),
  counts: z.partialRecord(z.enum(TAG_STATUSES), z.number()).meta({ description: "The album's tags by status" }),
  nextCursor,
});

export const startListImportView = z.object({
  imported: z.number().meta({ description: 'Runners in the list now (the import replaces it)' }),
  lines: z.number(),
  errorCount: z.number(),
  errors: z.array(z.object({ line: z.number(), message: z.string() })).meta({ description: 'The first few refused lines' }),
});

export const startListSizeView = z.object({ runners: z.number(), importedAt: timestamp.nullable().meta({ description: 'When the list was last imported; null without one' }) });

const plateFormat = z.enum(['FR-SIV', 'FR-FNI', 'OTHER']);

export const plateReadingView = z
  .object({
    plate: z.string().nullable().meta({ example: 'AB-123-CD' }),
    normalized: z.string().nullable().meta({ example: 'AB123CD' }),
    format: plateFormat.nullable(),
    confidence: z.number().nullable(),
    candidates: z
      .array(z.object({ plate: z.string(), normalized: z.string(), format: plateFormat, confidence: z.number(), box }))
      .meta({ description: 'Every plausible plate, best first' }),
  })
  .meta({ id: 'PlateReading' });

export const cutoutView = z
  .object({
    subjectArea: z.number().meta({ description: 'Fraction of the photo the subject covers' }),
    touchesBorder: z.boolean(),
    doubtful: z.boolean().meta({ description: 'The mask looks wrong; `reasons` says why' }),
    reasons: z.array(z.string()),
    createdAt: z.string().meta({ description: 'ISO 8601' }),
    url: z.string().meta({ example: '/v1/photos/pho_01hx3kb2c4d5e6f7/cutout.png' }),
  })
  .meta({ id: 'Cutout' });

/** A cutout job as it stands; `done` carries the result, `failed` the reason (its credits were refunded). */
export const cutoutJobView = z
  .union([
    z.object({ status: z.enum(['queued', 'running']) }),
    z.object({ status: z.literal('failed'), reason: z.string().nullable() }),
    cutoutView.extend({ status: z.literal('done') }),
  ])
  .meta({ id: 'CutoutJob' });

export type TagView = z.infer<typeof tagView>;
export type TagsView = z.infer<typeof tagsView>;
export type TagChangeView = z.infer<typeof tagChangeView>;
export type TagChangeResultView = z.infer<typeof tagChangeResultView>;
export type StartListSizeView = z.infer<typeof startListSizeView>;
export type ReviewTagView = z.infer<typeof reviewTagView>;
export type ReviewQueueView = z.infer<typeof reviewQueueView>;
export type StartListImportView = z.infer<typeof startListImportView>;
export type PlateReadingView = z.infer<typeof plateReadingView>;
export type CutoutView = z.infer<typeof cutoutView>;
export type CutoutJobView = z.infer<typeof cutoutJobView>;
