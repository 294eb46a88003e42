/**
 * The record's plate: the dealer's own, normalised, or else the best one read from the photos.
 *
 * The read plate is computed when the record is read, not copied into it by the reading job:
 * at-least-once delivery and photos read in parallel would make a copy a race between writers
 * (the later, less confident read winning), every tag a reviewer corrects or deletes would have to
 * be copied again, and "never overwrite the dealer's plate" would be a condition on every write.
 * Computed from `photo_tags` (one indexed query over a few rows per vehicle) it is always the
 * current best read, idempotent by construction, and the dealer's value simply takes precedence.
 */
import { and, eq, inArray, type SQLWrapper } from 'drizzle-orm';
import { photoTags, type PhotoTag, type PlateFormat } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { compact, parsePlate } from '../recognition/plates';

const FORMAT_OF = { 'FR-SIV': 'siv', 'FR-FNI': 'fni', OTHER: 'other' } as const;

/**
 * A typed plate: French SIV/FNI normalised (`ab 123 cd` -> `AB-123-CD`), anything else kept as
 * upper-case text. Unlike a reading, no letter/digit repair: what the dealer typed is what they meant.
 */
export function dealerPlate(typed: string): { plate: string; plateFormat: PlateFormat } {
  const parsed = parsePlate(typed);
  if (parsed && parsed.format !== 'OTHER' && parsed.normalized === compact(typed)) return { plate: parsed.plate, plateFormat: FORMAT_OF[parsed.format] };
  return { plate: typed.replace(/\s+/g, ' '), plateFormat: 'other' };
}

export type ReadPlate = { plate: string; plateFormat: PlateFormat; confidence: number | null };

/** A read's format, from its stored (already normalised) value. */
const formatOfRead = (value: string): PlateFormat => {
  const parsed = parsePlate(value);
  return parsed && parsed.plate === value ? FORMAT_OF[parsed.format] : 'other';
};

type PlateRead = { value: string; confidence: number | null; status: PhotoTag['status'] };

/**
 * The most confident French-valid plate among reads, else the most confident read of any format.
 * A person's word in the review screen (`confirmed`) counts as certain.
 */
function bestOf(reads: PlateRead[]): ReadPlate | null {
  const ranked = reads
    .map((r) => ({ plate: r.value, plateFormat: formatOfRead(r.value), confidence: r.status === 'confirmed' ? 1 : r.confidence }))
    .sort((a, b) => Number(b.plateFormat !== 'other') - Number(a.plateFormat !== 'other') || (b.confidence ?? 0) - (a.confidence ?? 0));
  return ranked[0] ?? null;
}

const plateReads = { albumId: photoTags.albumId, value: photoTags.value, confidence: photoTags.confidence, status: photoTags.status };

/** The best plate read across the album's photos. */
export async function bestReadPlate(db: Db, albumId: string): Promise<ReadPlate | null> {
  return bestOf(await db.select(plateReads).from(photoTags).where(and(eq(photoTags.albumId, albumId), eq(photoTags.kind, 'plate'))));
}

/**
 * The query of every plate read of some albums (one query for a list of vehicles, not one per
 * vehicle); `bestReadPlates` ranks its rows per album.
 */
export const plateReadsOf = (db: Db, albumIds: SQLWrapper) =>
  db.select(plateReads).from(photoTags).where(and(inArray(photoTags.albumId, albumIds), eq(photoTags.kind, 'plate')));

/** The best read per album, from the rows of `plateReadsOf`. */
export function bestReadPlates(rows: (PlateRead & { albumId: string })[]): Map<string, ReadPlate> {
  const byAlbum = new Map<string, PlateRead[]>();
  for (const r of rows) byAlbum.set(r.albumId, [...(byAlbum.get(r.albumId) ?? []), r]);
  const best = new Map<string, ReadPlate>();
  for (const [albumId, reads] of byAlbum) best.set(albumId, bestOf(reads)!);
  return best;
}
