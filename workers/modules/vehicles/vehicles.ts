/** A vehicle's record: in a vehicles workspace an album is a vehicle, and this is what is known of it. */
import { and, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import { type Album, vehicles, workspaces } from '../../db/schema/index';
import type { VehicleBody } from '../../shared/schemas/vehicles';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { auditInsert, type Actor } from '../../core/audit';
import { getAlbum } from '../albums/albums';
import { bestReadPlate, dealerPlate, type ReadPlate } from './plates';

/** Vehicle records exist only in vehicles workspaces: any other kind is a 409 (it never will have them). */
export async function requireVehiclesWorkspace(db: Db, workspaceId: string): Promise<void> {
  const workspace = await db.select({ kind: workspaces.kind }).from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  if (workspace?.kind !== 'vehicles') {
    throw new AppError('WRONG_WORKSPACE_KIND', `Vehicle records exist in vehicles workspaces; this album belongs to a ${workspace?.kind ?? 'unknown'} workspace`);
  }
}

/**
 * The album as a vehicle: another workspace's album is missing (404) like everywhere, an album
 * of an events, real-estate or brand workspace has no vehicle record (409, it never will).
 */
export async function vehicleAlbum(db: Db, workspaceId: string, albumId: string): Promise<Album> {
  const album = await getAlbum(db, workspaceId, albumId);
  await requireVehiclesWorkspace(db, workspaceId);
  return album;
}

/** What an album without a saved record shows: nothing known yet, a draft. */
export const EMPTY_VEHICLE = {
  plate: null, plateFormat: null, make: null, model: null, version: null, year: null, firstRegistration: null, mileageKm: null,
  fuel: null, gearbox: null, powerHp: null, colour: null, doors: null, seats: null, condition: null, equipment: [] as string[],
  newPriceCents: null, askingPriceCents: null, status: 'draft' as const, soldPriceCents: null, soldAt: null, updatedAt: null,
};

/**
 * The record's own columns: what the API shows of a saved row (not its keys or creation time, nor
 * the listing, which has its own route and is not replaced by a PUT of the record).
 */
const {
  albumId: _album, workspaceId: _workspace, createdAt: _created,
  listingTitle: _title, listingText: _text, listingLang: _lang, publishedAt: _published,
  ...recordColumns
} = getTableColumns(vehicles);

/** The saved record of an album (already checked to be this workspace's vehicle), or undefined. */
export const savedVehicle = (db: Db, albumId: string) => db.select(recordColumns).from(vehicles).where(eq(vehicles.albumId, albumId)).get();

/** The saved listing (written by its own route) and when the vehicle was last published. */
const publicationColumns = { title: vehicles.listingTitle, text: vehicles.listingText, lang: vehicles.listingLang, publishedAt: vehicles.publishedAt, status: vehicles.status };
const publication = (db: Db, albumId: string) => db.select(publicationColumns).from(vehicles).where(eq(vehicles.albumId, albumId)).get();

type Saved = NonNullable<Awaited<ReturnType<typeof savedVehicle>>> | typeof EMPTY_VEHICLE;

/** The plate a record shows: the dealer's, else the best read from the photos. */
export function shownPlate(saved: Pick<Saved, 'plate' | 'plateFormat'>, read: ReadPlate | null | undefined) {
  if (saved.plate) return { plate: saved.plate, plateFormat: saved.plateFormat, plateSource: 'dealer' as const, plateConfidence: null };
  if (read) return { plate: read.plate, plateFormat: read.plateFormat, plateSource: 'read' as const, plateConfidence: read.confidence };
  return { plate: null, plateFormat: null, plateSource: null, plateConfidence: null };
}

type Publication = Awaited<ReturnType<typeof publication>>;

/** The record as the API shows it: the dealer's plate, else the best read from the photos; the listing once saved. */
function publicVehicle(albumId: string, saved: Saved, read: ReadPlate | null, published: Publication) {
  const listing = published?.title && published.text && published.lang ? { title: published.title, text: published.text, lang: published.lang } : null;
  return {
    albumId, ...saved, ...shownPlate(saved, read), updatedAt: saved.updatedAt?.toISOString() ?? null,
    listing, publishedAt: published?.publishedAt?.toISOString() ?? null,
  };
}

export async function getVehicle(db: Db, workspaceId: string, albumId: string) {
  await vehicleAlbum(db, workspaceId, albumId);
  const [row, read] = await Promise.all([
    db.select({ saved: recordColumns, published: publicationColumns }).from(vehicles).where(eq(vehicles.albumId, albumId)).get(),
    bestReadPlate(db, albumId),
  ]);
  return publicVehicle(albumId, row?.saved ?? EMPTY_VEHICLE, read, row?.published);
}

/** The fields a body gives: one left out is cleared (PUT replaces), never left as `undefined`. */
const given = <T extends object>(body: T) => Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };

/**
 * Replaces the record (never the listing). A typed plate is the dealer's and no reading replaces
 * it; typing back the plate the photos show (a form saved unchanged) keeps it a read, so a better
 * read still follows. Becoming `published` dates the publication (the feed's order).
 */
export async function putVehicle(db: Db, actor: Actor, albumId: string, body: VehicleBody) {
  await vehicleAlbum(db, actor.workspaceId, albumId);
  const [read, before] = await Promise.all([bestReadPlate(db, albumId), publication(db, albumId)]);
  const typed = body.plate ? dealerPlate(body.plate) : null;
  const plate = typed && typed.plate !== read?.plate ? typed : { plate: null, plateFormat: null };
  const now = new Date();
  const record = { ...EMPTY_VEHICLE, ...given(body), ...plate, updatedAt: now };
  const becomesPublished = record.status === 'published' && before?.status !== 'published';
  const publishedAt = becomesPublished ? now : (before?.publishedAt ?? null);
  await db.batch([
    db
      .insert(vehicles)
      .values({ albumId, workspaceId: actor.workspaceId, ...record, publishedAt })
      .onConflictDoUpdate({ target: vehicles.albumId, set: { ...record, publishedAt } }),
    auditInsert(db, { ...actor, action: 'vehicle.updated', targetType: 'album', targetId: albumId, data: { status: record.status, plateSource: plate.plate ? 'dealer' : 'read' } }),
  ]);
  return publicVehicle(albumId, record, read, { title: null, text: null, lang: null, status: record.status, ...before, publishedAt });
}

/** The workspace's sold vehicles of the same make and model (any spelling case), this one excepted. */
export async function soldComparables(db: Db, workspaceId: string, albumId: string, make: string, model: string) {
  const rows = await db
    .select()
    .from(vehicles)
    .where(
      and(
        eq(vehicles.workspaceId, workspaceId),
        eq(vehicles.status, 'sold'),
        ne(vehicles.albumId, albumId),
        sql`lower(${vehicles.make}) = lower(${make})`,
        sql`lower(${vehicles.model}) = lower(${model})`,
      ),
    );
  return rows.flatMap((r) => (r.soldPriceCents != null && r.soldAt ? [{ ...r, soldPriceCents: r.soldPriceCents, soldAt: r.soldAt }] : []));
}
