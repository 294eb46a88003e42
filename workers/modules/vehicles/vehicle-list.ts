/**
 * The dealer's stock: a vehicles workspace's albums as a list of vehicles, newest first, each with
 * its record summary, photo count and cover. One page is three queries in one batch (albums with
 * their records, plate reads, covers) whatever its length: never a query per vehicle.
 */
import { and, desc, eq, inArray, sql, type SQLWrapper } from 'drizzle-orm';
import { albums, photos, vehicles, type VehicleStatus } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { type Cursor, keysetAfter, pageOf } from '../../core/db/cursor';
import { variantUrl } from '../albums/gallery';
import { variantGrant } from '../albums/variant-grants';
import { bestReadPlates, plateReadsOf } from './plates';
import { requireVehiclesWorkspace, shownPlate } from './vehicles';

export type VehiclePage = { cursor: Cursor | null; limit: number; status?: VehicleStatus };

/** An album without a saved record is a draft: filtering on drafts must find it too. */
const statusOf = sql<VehicleStatus>`coalesce(${vehicles.status}, 'draft')`;

/** Each album's ready photos: the first in upload order is the cover, and how many there are (also the real-estate property list). */
export function coversOf(db: Db, albumIds: SQLWrapper) {
  const ranked = db.$with('ranked').as(
    db
      .select({
        albumId: photos.albumId,
        id: photos.id,
        variantsVersion: photos.variantsVersion,
        rank: sql<number>`row_number() over (partition by ${photos.albumId} order by ${photos.createdAt}, ${photos.id})`.as('rank'),
        total: sql<number>`count(*) over (partition by ${photos.albumId})`.as('total'),
      })
      .from(photos)
      .where(and(inArray(photos.albumId, albumIds), eq(photos.status, 'ready'))),
  );
  return db.with(ranked).select().from(ranked).where(eq(ranked.rank, 1));
}

/** The page's albums with their records (`limit + 1` rows: the extra one says there is more). */
function albumsPage(db: Db, workspaceId: string, page: VehiclePage) {
  const statusFilter = page.status ? eq(statusOf, page.status) : undefined;
  return db
    .select({
      id: albums.id, title: albums.title, slug: albums.slug, createdAt: albums.createdAt,
      plate: vehicles.plate, plateFormat: vehicles.plateFormat, make: vehicles.make, model: vehicles.model, year: vehicles.year,
      askingPriceCents: vehicles.askingPriceCents, status: statusOf.as('status'),
    })
    .from(albums)
    .leftJoin(vehicles, eq(vehicles.albumId, albums.id))
    .where(and(eq(albums.workspaceId, workspaceId), statusFilter, keysetAfter(page.cursor, albums.createdAt, albums.id, 'desc')))
    .orderBy(desc(albums.createdAt), desc(albums.id))
    .limit(page.limit + 1);
}

/** One page of the workspace's vehicles; `signingSecret` signs the grants of the cover URLs. */
export async function listVehicles(db: Db, signingSecret: string, workspaceId: string, page: VehiclePage) {
  await requireVehiclesWorkspace(db, workspaceId);
  const albumRows = albumsPage(db, workspaceId, page);
  // The page's ids as a subquery: 500 ids bound one by one would pass D1's 100 parameters.
  const listed = albumRows.as('listed');
  const ids = db.select({ id: listed.id }).from(listed);
  const [rows, reads, covers] = await db.batch([albumRows, plateReadsOf(db, ids), coversOf(db, ids)]);
  const { items, nextCursor } = pageOf(rows, page.limit, (a) => a.createdAt);
  const plates = bestReadPlates(reads);
  const coverOf = new Map(covers.map((c) => [c.albumId, c]));
  const list = await Promise.all(
    items.map(async (a) => {
      const cover = coverOf.get(a.id);
      return {
        albumId: a.id, title: a.title, slug: a.slug, plate: shownPlate(a, plates.get(a.id)).plate,
        make: a.make, model: a.model, year: a.year, askingPriceCents: a.askingPriceCents, status: a.status,
        photoCount: cover?.total ?? 0,
        coverThumbUrl: cover ? variantUrl(cover, 'thumb', await variantGrant(signingSecret, a.id)) : null,
      };
    }),
  );
  return { vehicles: list, nextCursor };
}
