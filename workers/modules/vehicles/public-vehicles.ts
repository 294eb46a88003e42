/**
 * The public vehicle page (`/v/:slug`): what a visitor sees of a listed vehicle. A draft, a missing
 * slug and an album of another kind of workspace are the same 404, so nothing about unlisted
 * vehicles leaks. Never the plate (a dealer who blurs it in the studio images does not want it
 * printed beside them), never ids other than the photos'.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { albums, photos, vehicles, workspaces, type Photo, type Vehicle } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { variantUrl } from '../albums/gallery';
import { LISTED_STATUSES } from './listed';
import { studioUrls } from './studio/urls';

/** A page shows at most this many photos (the studio's one-look-for-all makes ~10–30 usual). */
const MAX_PHOTOS = 60;

/** What a vehicle is called where it is listed: the dealer's listing title, else make, model and version, else the album's title. */
export function vehicleTitle(vehicle: Pick<Vehicle, 'listingTitle' | 'make' | 'model' | 'version'> | null, albumTitle: string) {
  const named = [vehicle?.make, vehicle?.model, vehicle?.version].filter(Boolean).join(' ');
  return vehicle?.listingTitle || named || albumTitle;
}

/** The listed vehicle at `slug` with its album and dealer, or the one 404. */
export async function listedVehicle(db: Db, slug: string) {
  const row = await db
    .select({ album: albums, vehicle: vehicles, dealer: workspaces.name })
    .from(albums)
    .innerJoin(vehicles, eq(vehicles.albumId, albums.id))
    .innerJoin(workspaces, eq(workspaces.id, albums.workspaceId))
    .where(and(eq(albums.slug, slug), eq(workspaces.kind, 'vehicles'), inArray(vehicles.status, LISTED_STATUSES)))
    .get();
  if (!row) throw new AppError('NOT_FOUND', 'No such vehicle, or it is not published');
  return row;
}

/** A photo as the page shows it: the studio image when it is done and not doubtful, else the web variant. */
function pagePhoto(p: Photo) {
  const studio = p.studioStatus === 'done' && p.studio && !p.studio.doubtful ? p.studio : null;
  if (studio) {
    const urls = studioUrls(p.id, p.studioVersion);
    return { id: p.id, url: urls.web, thumbUrl: urls.thumb, width: studio.width, height: studio.height, placeholder: null, studio: true };
  }
  return { id: p.id, url: variantUrl(p, 'web'), thumbUrl: variantUrl(p, 'thumb'), width: p.webWidth, height: p.webHeight, placeholder: p.placeholder, studio: false };
}

export async function publicVehicle(db: Db, slug: string) {
  const { album, vehicle: v, dealer } = await listedVehicle(db, slug);
  const rows = await db
    .select()
    .from(photos)
    .where(and(eq(photos.albumId, album.id), eq(photos.status, 'ready')))
    .orderBy(asc(photos.sortAt), asc(photos.id))
    .limit(MAX_PHOTOS);
  return {
    slug: album.slug,
    title: vehicleTitle(v, album.title),
    ...{ make: v.make, model: v.model, version: v.version, year: v.year, firstRegistration: v.firstRegistration, mileageKm: v.mileageKm },
    ...{ fuel: v.fuel, gearbox: v.gearbox, powerHp: v.powerHp, colour: v.colour, doors: v.doors, seats: v.seats, condition: v.condition },
    equipment: v.equipment,
    askingPriceCents: v.askingPriceCents,
    status: v.status as (typeof LISTED_STATUSES)[number],
    listing: v.listingTitle || v.listingText ? { title: v.listingTitle, text: v.listingText, lang: v.listingLang ?? 'fr' } : null,
    photos: rows.map(pagePhoto),
    dealer: { name: dealer },
  };
}
