/** A vehicle's listing: written from the record by the configured engine, then saved as the dealer edited it. */
import { vehicles } from '../../../db/schema/index';
import type { ListingBody, ListingRequestBody } from '../../../shared/schemas/listing';
import type { Db } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { auditInsert, type Actor } from '../../../core/audit';
import { EMPTY_VEHICLE, savedVehicle, vehicleAlbum } from '../vehicles';
import { listingFacts } from './facts';
import { type ListingWriter, writeListing } from './writer';

/** A draft listing (not saved): the dealer reads and edits it first. A record without make and model has nothing to sell yet. */
export async function generateListing(db: Db, writer: ListingWriter, workspaceId: string, albumId: string, options: ListingRequestBody) {
  await vehicleAlbum(db, workspaceId, albumId);
  const record = (await savedVehicle(db, albumId)) ?? EMPTY_VEHICLE;
  const missing = (['make', 'model'] as const).filter((field) => !record[field]);
  if (missing.length) throw new AppError('LISTING_NEEDS_DETAILS', `A listing needs the vehicle's ${missing.join(' and ')}: fill in the record first`, { missing });
  return writeListing(writer, listingFacts(record), options.lang, options.tone);
}

/** Saves the listing the dealer publishes; a vehicle without a saved record gets a draft one. */
export async function saveListing(db: Db, actor: Actor, albumId: string, body: ListingBody) {
  await vehicleAlbum(db, actor.workspaceId, albumId);
  const listing = { listingTitle: body.title, listingText: body.text, listingLang: body.lang, updatedAt: new Date() };
  await db.batch([
    db
      .insert(vehicles)
      .values({ albumId, workspaceId: actor.workspaceId, ...listing })
      .onConflictDoUpdate({ target: vehicles.albumId, set: listing }),
    auditInsert(db, { ...actor, action: 'vehicle.listing_saved', targetType: 'album', targetId: albumId, data: { lang: body.lang, length: body.text.length } }),
  ]);
  return { title: body.title, text: body.text, lang: body.lang };
}
