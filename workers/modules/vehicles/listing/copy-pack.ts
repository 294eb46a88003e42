/**
 * The copy pack: what a dealer pastes into a classifieds form by hand, as one ZIP — the listing
 * (`annonce.txt`: title, text, price, key specs) and the vehicle's photos, numbered in gallery
 * order, each its studio image when there is a sound one, else its 1600 px web variant. Streamed
 * with client-zip like the order downloads: one R2 object open at a time.
 */
import { downloadZip } from 'client-zip';
import { and, asc, eq } from 'drizzle-orm';
import { photos, vehicles } from '../../../db/schema/index';
import type { ListingLang } from '../../../shared/enums';
import { photoKeys } from '../../../shared/r2-keys';
import type { Db } from '../../../core/db/client';
import { EMPTY_VEHICLE, vehicleAlbum } from '../vehicles';
import { euros, type ListingFacts, listingFacts, vehicleName } from './facts';
import { specLines, templateListing } from './template';

const FILE: Record<ListingLang, { text: string; price: string; specs: string }> = {
  fr: { text: 'annonce.txt', price: 'Prix', specs: 'Fiche' },
  en: { text: 'listing.txt', price: 'Price', specs: 'Summary' },
};

/** The text file: the listing as saved (else the template's French one), then the fields ad forms ask for. */
export function copyPackText(facts: ListingFacts, listing: { title: string; text: string; lang: ListingLang }): string {
  const words = FILE[listing.lang];
  const colon = listing.lang === 'fr' ? ' :' : ':';
  const summary = [
    vehicleName(facts) && `- ${vehicleName(facts)}`,
    ...specLines(facts, listing.lang),
    facts.askingPriceCents != null && `- ${words.price}${colon} ${euros(facts.askingPriceCents, listing.lang)}`,
  ].filter(Boolean);
  return [listing.title, '', listing.text, '', '----', `${words.specs}${colon}`, ...summary, ''].join('\n');
}

/** The pack of one of the workspace's vehicles, as a streamed ZIP response body and its file name. */
export async function copyPack(db: Db, bucket: R2Bucket, workspaceId: string, albumId: string) {
  const album = await vehicleAlbum(db, workspaceId, albumId);
  const [row, list] = await Promise.all([
    db.select().from(vehicles).where(eq(vehicles.albumId, albumId)).get(),
    db
      .select({ id: photos.id, studio: photos.studio, studioStatus: photos.studioStatus, uploadedAt: photos.uploadedAt })
      .from(photos)
      .where(and(eq(photos.albumId, albumId), eq(photos.status, 'ready')))
      .orderBy(asc(photos.sortAt), asc(photos.id)),
  ]);
  const facts = listingFacts(row ?? EMPTY_VEHICLE);
  const listing =
    row?.listingTitle && row.listingText && row.listingLang
      ? { title: row.listingTitle, text: row.listingText, lang: row.listingLang }
      : { ...templateListing(facts, 'fr', 'professional'), lang: 'fr' as const };
  async function* entries() {
    yield { name: FILE[listing.lang].text, input: copyPackText(facts, listing), lastModified: new Date() };
    let n = 0;
    for (const photo of list) {
      const studio = photo.studioStatus === 'done' && photo.studio && !photo.studio.doubtful;
      const object = await bucket.get(studio ? photoKeys(photo.id).studio : photoKeys(photo.id).web);
      if (!object) continue;
      n += 1;
      yield { name: `photo-${String(n).padStart(2, '0')}.webp`, input: object.body, size: object.size, lastModified: photo.uploadedAt ?? new Date() };
    }
  }
  return { body: downloadZip(entries()).body, fileName: `${album.slug}-${FILE[listing.lang].text.replace('.txt', '')}.zip` };
}
