/**
 * The export feed classifieds import (LeBonCoin and La Centrale have no public posting API): every
 * published vehicle of a workspace, under the attribute names those feeds use. Photos are the
 * studio images only (done, not doubtful), as absolute public URLs: an unprocessed photo may show
 * the plate and a messy background, and is not served publicly for a private album anyway.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { albums, photos, vehicles } from '../../../db/schema/index';
import type { Db } from '../../../core/db/client';
import { studioUrls } from '../studio/urls';
import { FUEL_LABELS, GEARBOX_LABELS, listingFacts, yearOf } from './facts';
import { templateListing } from './template';

/** The columns of the CSV and the elements of the XML, in this order. */
export const FEED_FIELDS = [
  'id', 'brand', 'model', 'version', 'regdate', 'year', 'mileage', 'fuel', 'gearbox', 'power_din', 'colour', 'doors', 'seats', 'price', 'title', 'text', 'url', 'photos',
] as const;
export type FeedField = (typeof FEED_FIELDS)[number];
/** One vehicle of the feed: text values (absent ones null), and its photos' URLs. */
export type FeedVehicle = { [K in Exclude<FeedField, 'photos'>]: string | null } & { photos: string[] };

const text = (v: number | string | null) => (v == null ? null : String(v));

/** The published vehicles of a workspace, latest published first, as feed entries built on `origin`. */
export async function feedVehicles(db: Db, workspaceId: string, origin: string): Promise<FeedVehicle[]> {
  const published = and(eq(vehicles.workspaceId, workspaceId), eq(vehicles.status, 'published'));
  const [rows, studioPhotos] = await Promise.all([
    db
      .select({ vehicle: vehicles, slug: albums.slug })
      .from(vehicles)
      .innerJoin(albums, eq(albums.id, vehicles.albumId))
      .where(published)
      .orderBy(desc(vehicles.publishedAt), asc(vehicles.albumId)),
    db
      .select({ id: photos.id, albumId: photos.albumId, studio: photos.studio, version: photos.studioVersion })
      .from(photos)
      .innerJoin(vehicles, eq(vehicles.albumId, photos.albumId))
      .where(and(published, eq(photos.status, 'ready'), eq(photos.studioStatus, 'done')))
      .orderBy(asc(photos.sortAt), asc(photos.id)),
  ]);
  const photosOf = new Map<string, string[]>();
  for (const p of studioPhotos) {
    if (!p.studio || p.studio.doubtful) continue;
    photosOf.set(p.albumId, [...(photosOf.get(p.albumId) ?? []), `${origin}${studioUrls(p.id, p.version).web}`]);
  }
  return rows.map(({ vehicle: v, slug }) => {
    // A vehicle published before its listing was written still gets a text: the template's, in French.
    const facts = listingFacts(v);
    const listing = v.listingTitle && v.listingText ? { title: v.listingTitle, text: v.listingText } : templateListing(facts, 'fr', 'professional');
    return {
      id: v.albumId,
      brand: v.make, model: v.model, version: v.version,
      regdate: v.firstRegistration, year: text(yearOf(facts)),
      mileage: text(v.mileageKm),
      fuel: v.fuel && FUEL_LABELS.fr[v.fuel], gearbox: v.gearbox && GEARBOX_LABELS.fr[v.gearbox],
      power_din: text(v.powerHp), colour: v.colour, doors: text(v.doors), seats: text(v.seats),
      price: text(v.askingPriceCents == null ? null : Math.round(v.askingPriceCents / 100)),
      title: listing.title, text: listing.text,
      url: `${origin}/v/${slug}`,
      photos: photosOf.get(v.albumId) ?? [],
    };
  });
}
