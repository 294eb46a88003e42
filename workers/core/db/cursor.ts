import { and, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { fromBase64Url, toBase64Url } from '../../shared/encoding';
import { AppError } from '../errors';

/** Opaque keyset cursor: the sort key and id of the last row of a page. */
export type Cursor = { at: number; id: string };

export function encodeCursor(cursor: Cursor): string {
  return toBase64Url(new TextEncoder().encode(`${cursor.at}.${cursor.id}`));
}

/** null for garbage, so a tampered cursor is a 400, not a 500. */
export function decodeCursor(text: string): Cursor | null {
  const bytes = fromBase64Url(text);
  const match = bytes && /^(\d{1,15})\.([a-z]{3}_[a-z2-7]{26})$/.exec(new TextDecoder().decode(bytes));
  return match ? { at: Number(match[1]), id: match[2]! } : null;
}

/** The cursor of a `?cursor=` query parameter; a tampered one is a 400. */
export function cursorParam(text: string | undefined): Cursor | null {
  if (!text) return null;
  const cursor = decodeCursor(text);
  if (!cursor) throw new AppError('VALIDATION_ERROR', 'The cursor is invalid; start again without it');
  return cursor;
}

/**
 * One page from `limit + 1` rows fetched in keyset order: the extra row only says there is
 * more, and the last row kept becomes the next cursor.
 */
export function pageOf<Row extends { id: string }>(rows: Row[], limit: number, sortKey: (row: Row) => Date) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ at: sortKey(last).getTime(), id: last.id }) : null;
  return { items, nextCursor };
}

/**
 * The rows after `cursor` in (sort key, id) order — ascending, or descending for newest-first
 * lists. Undefined (no condition) on the first page.
 */
export function keysetAfter(cursor: Cursor | null, sortKey: SQLiteColumn, id: SQLiteColumn, order: 'asc' | 'desc' = 'asc'): SQL | undefined {
  if (!cursor) return undefined;
  const beyond = order === 'asc' ? gt : lt;
  const at = new Date(cursor.at);
  return or(beyond(sortKey, at), and(eq(sortKey, at), beyond(id, cursor.id)));
}
