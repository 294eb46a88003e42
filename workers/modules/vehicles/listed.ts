/**
 * A vehicle is listed (on its public page, in the feed) while its record is `published` or `sold`:
 * a sold car stays visible, marked sold. Its photos are then public even though the album itself
 * is private (vehicles albums are), which is what the gallery's variant route asks here.
 */
import { inArray, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { vehicles } from '../../db/schema/index';

export const LISTED_STATUSES = ['published', 'sold'] as const;

/** SQL: the album of `albumId` is a listed vehicle. */
export const isListedVehicle = (albumId: SQLiteColumn) =>
  sql`exists (select 1 from ${vehicles} where ${vehicles.albumId} = ${albumId} and ${inArray(vehicles.status, LISTED_STATUSES)})`;
