/**
 * What a listing may say about a vehicle: the record's facts (never its plate), and how each
 * classifieds field reads in French and English. Both engines write from these, and only these.
 */
import type { Gearbox, ListingLang, VehicleCondition, VehicleFuel } from '../../../shared/enums';

export type ListingFacts = {
  make: string | null;
  model: string | null;
  version: string | null;
  year: number | null;
  /** YYYY-MM-DD */
  firstRegistration: string | null;
  mileageKm: number | null;
  fuel: VehicleFuel | null;
  gearbox: Gearbox | null;
  powerHp: number | null;
  colour: string | null;
  doors: number | null;
  seats: number | null;
  condition: VehicleCondition | null;
  equipment: string[];
  askingPriceCents: number | null;
};

/** The facts of a saved record (or of the empty draft): the same field names, the plate left out. */
export const listingFacts = (record: ListingFacts): ListingFacts => ({
  make: record.make, model: record.model, version: record.version, year: record.year, firstRegistration: record.firstRegistration,
  mileageKm: record.mileageKm, fuel: record.fuel, gearbox: record.gearbox, powerHp: record.powerHp, colour: record.colour,
  doors: record.doors, seats: record.seats, condition: record.condition, equipment: record.equipment, askingPriceCents: record.askingPriceCents,
});

export const FUEL_LABELS: Record<ListingLang, Record<VehicleFuel, string>> = {
  fr: { petrol: 'Essence', diesel: 'Diesel', hybrid: 'Hybride', plugin_hybrid: 'Hybride rechargeable', electric: 'Électrique', lpg: 'GPL' },
  en: { petrol: 'Petrol', diesel: 'Diesel', hybrid: 'Hybrid', plugin_hybrid: 'Plug-in hybrid', electric: 'Electric', lpg: 'LPG' },
};

export const GEARBOX_LABELS: Record<ListingLang, Record<Gearbox, string>> = {
  fr: { manual: 'Manuelle', automatic: 'Automatique' },
  en: { manual: 'Manual', automatic: 'Automatic' },
};

export const CONDITION_LABELS: Record<ListingLang, Record<VehicleCondition, string>> = {
  fr: { excellent: 'excellent', good: 'bon', fair: 'correct', poor: 'à rafraîchir' },
  en: { excellent: 'excellent', good: 'good', fair: 'fair', poor: 'needs work' },
};

/** Thousands grouped with a plain space (French) or a comma (English): what ad forms and buyers read. */
export const grouped = (n: number, lang: ListingLang) =>
  String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? ' ' : ',');

/** Whole euros (an asking price has no cents worth printing): `14 500 €` / `€14,500`. */
export const euros = (cents: number, lang: ListingLang) => (lang === 'fr' ? `${grouped(cents / 100, lang)} €` : `€${grouped(cents / 100, lang)}`);

/** `15/03/2021` in both languages: how a French registration certificate writes the date. */
export const registrationDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The model year, else the year of first registration. */
export const yearOf = (f: ListingFacts) => f.year ?? (f.firstRegistration ? Number(f.firstRegistration.slice(0, 4)) : null);

/** Make, model and version as one name, what is known of them. */
export const vehicleName = (f: ListingFacts) => [f.make, f.model, f.version].filter(Boolean).join(' ');
