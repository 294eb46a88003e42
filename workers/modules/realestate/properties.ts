/** A property's record: in a real-estate workspace an album is a property, and this is what is known of it. */
import { and, count, desc, eq, inArray, type SQLWrapper } from 'drizzle-orm';
import { albums, properties, transformations, workspaces, type Album } from '../../db/schema/index';
import type { PropertyBody } from '../../shared/schemas/realestate';
import type { Db } from '../../core/db/client';
import { type Cursor, keysetAfter, pageOf } from '../../core/db/cursor';
import { AppError } from '../../core/errors';
import { auditInsert, type Actor } from '../../core/audit';
import { getAlbum } from '../albums/albums';
import { variantUrl } from '../albums/gallery';
import { variantGrant } from '../albums/variant-grants';
import { coversOf } from '../vehicles/vehicle-list';

/** Properties and transformations exist only in real-estate workspaces: any other kind is a 409 (it never will have them). */
export async function requireRealestateWorkspace(db: Db, workspaceId: string): Promise<void> {
  const workspace = await db.select({ kind: workspaces.kind }).from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  if (workspace?.kind !== 'realestate') {
    throw new AppError('WRONG_WORKSPACE_KIND', `Properties exist in real-estate workspaces; this belongs to a ${workspace?.kind ?? 'unknown'} workspace`);
  }
}

/** The album as a property: another workspace's album is missing (404), another kind's is a 409. */
export async function propertyAlbum(db: Db, workspaceId: string, albumId: string): Promise<Album> {
  const album = await getAlbum(db, workspaceId, albumId);
  await requireRealestateWorkspace(db, workspaceId);
  return album;
}

const EMPTY = { address: null, propertyType: null, surfaceM2: null, rooms: null, bedrooms: null, priceCents: null, reference: null, updatedAt: null };
const recordColumns = {
  address: properties.address, propertyType: properties.propertyType, surfaceM2: properties.surfaceM2, rooms: properties.rooms,
  bedrooms: properties.bedrooms, priceCents: properties.priceCents, reference: properties.reference, updatedAt: properties.updatedAt,
};

/** The record of a property (all null until first saved). */
export async function getProperty(db: Db, workspaceId: string, albumId: string) {
  await propertyAlbum(db, workspaceId, albumId);
  const saved = await db.select(recordColumns).from(properties).where(eq(properties.albumId, albumId)).get();
  return { albumId, ...(saved ?? EMPTY) };
}

/** Replaces the record as a whole (a field left out is cleared), audited in the same batch. */
export async function putProperty(db: Db, actor: Actor, albumId: string, body: PropertyBody) {
  await propertyAlbum(db, actor.workspaceId, albumId);
  const record = {
    address: body.address ?? null, propertyType: body.propertyType ?? null, surfaceM2: body.surfaceM2 ?? null, rooms: body.rooms ?? null,
    bedrooms: body.bedrooms ?? null, priceCents: body.priceCents ?? null, reference: body.reference ?? null, updatedAt: new Date(),
  };
  await db.batch([
    db.insert(properties).values({ albumId, workspaceId: actor.workspaceId, ...record }).onConflictDoUpdate({ target: properties.albumId, set: record }),
    auditInsert(db, { ...actor, action: 'property.updated', targetType: 'album', targetId: albumId, data: {} }),
  ]);
  return { albumId, ...record };
}

/** Each listed album's transformations by status (done, and under way). */
const transformationCounts = (db: Db, albumIds: SQLWrapper) =>
  db
    .select({ albumId: transformations.albumId, status: transformations.status, n: count() })
    .from(transformations)
    .where(inArray(transformations.albumId, albumIds))
    .groupBy(transformations.albumId, transformations.status);

/** One page of the workspace's properties, newest first: three queries in one batch whatever the page's length. */
export async function listProperties(db: Db, signingSecret: string, workspaceId: string, page: { cursor: Cursor | null; limit: number }) {
  await requireRealestateWorkspace(db, workspaceId);
  const albumRows = db
    .select({ id: albums.id, title: albums.title, slug: albums.slug, createdAt: albums.createdAt, ...recordColumns })
    .from(albums)
    .leftJoin(properties, eq(properties.albumId, albums.id))
    .where(and(eq(albums.workspaceId, workspaceId), keysetAfter(page.cursor, albums.createdAt, albums.id, 'desc')))
    .orderBy(desc(albums.createdAt), desc(albums.id))
    .limit(page.limit + 1);
  const listed = albumRows.as('listed');
  const ids = db.select({ id: listed.id }).from(listed);
  const [rows, covers, counts] = await db.batch([albumRows, coversOf(db, ids), transformationCounts(db, ids)]);
  const { items, nextCursor } = pageOf(rows, page.limit, (a) => a.createdAt);
  const coverOf = new Map(covers.map((c) => [c.albumId, c]));
  const tally = (albumId: string, statuses: string[]) => counts.filter((c) => c.albumId === albumId && statuses.includes(c.status)).reduce((s, c) => s + c.n, 0);
  const list = await Promise.all(
    items.map(async ({ id, title, slug, createdAt: _created, ...record }) => {
      const cover = coverOf.get(id);
      return {
        albumId: id, title, slug, property: { albumId: id, ...record },
        photoCount: cover?.total ?? 0,
        coverThumbUrl: cover ? variantUrl(cover, 'thumb', await variantGrant(signingSecret, id)) : null,
        transformations: { done: tally(id, ['done']), underWay: tally(id, ['queued', 'running']) },
      };
    }),
  );
  return { properties: list, nextCursor };
}
