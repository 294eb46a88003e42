/**
 * The vehicle record between the API and the form: labels in the dealer's words, the form's text
 * values, and the whole-record body a PUT needs (a PUT replaces the record, so every screen that
 * changes one field — the status buttons too — sends them all).
 */
import type { z } from 'zod';
import type { vehicleBody } from '../../../../workers/shared/schemas/vehicles';
import type { EstimateFactor, Gearbox, Vehicle, VehicleCondition, VehicleFuel, VehicleStatus } from '../../api/types';

export type VehicleBody = z.input<typeof vehicleBody>;

export const FUELS: Record<VehicleFuel, string> = { petrol: 'Petrol', diesel: 'Diesel', hybrid: 'Hybrid', plugin_hybrid: 'Plug-in hybrid', electric: 'Electric', lpg: 'LPG' };
export const GEARBOX_LABELS: Record<Gearbox, string> = { manual: 'Manual', automatic: 'Automatic' };
export const CONDITIONS: Record<VehicleCondition, string> = { excellent: 'Excellent', good: 'Good', fair: 'Fair', poor: 'Poor' };
export const STATUSES: Record<VehicleStatus, { label: string; badge: string }> = {
  draft: { label: 'Draft', badge: 'bg-slate-100 text-slate-700' },
  published: { label: 'Published', badge: 'bg-emerald-100 text-emerald-800' },
  sold: { label: 'Sold', badge: 'bg-brand-100 text-brand-700' },
};
export const FACTORS: Record<EstimateFactor['name'], string> = {
  base_value: 'Base value', age: 'Age', mileage: 'Mileage', gearbox: 'Gearbox', condition: 'Condition', market: 'Your own sales',
};

/** Every field's label, keyed like the API's field paths (what a 400 or a 422 names). */
export const FIELD_LABELS: Record<string, string> = {
  plate: 'Plate', make: 'Make', model: 'Model', version: 'Version', year: 'Year', firstRegistration: 'First registration',
  mileageKm: 'Mileage', fuel: 'Fuel', gearbox: 'Gearbox', powerHp: 'Power', colour: 'Colour', doors: 'Doors', seats: 'Seats',
  condition: 'Condition', equipment: 'Equipment', newPriceCents: 'New price', askingPriceCents: 'Asking price', status: 'Status',
  soldPriceCents: 'Sold price', soldAt: 'Sold on',
};

const TEXTS = ['plate', 'make', 'model', 'version', 'firstRegistration', 'fuel', 'gearbox', 'colour', 'condition', 'soldAt'] as const;
const NUMBERS = ['year', 'mileageKm', 'powerHp', 'doors', 'seats'] as const;
const PRICES = ['newPriceCents', 'askingPriceCents', 'soldPriceCents'] as const;
type FormField = (typeof TEXTS)[number] | (typeof NUMBERS)[number] | (typeof PRICES)[number];

/** The form's values: text as typed (prices in euros), the equipment list, the status. */
export type Draft = Record<FormField, string> & { equipment: string[]; status: VehicleStatus };

const euros = (cents: number | null) => (cents == null ? '' : String(cents / 100));

export function draftOf(v: Vehicle): Draft {
  const draft = { equipment: v.equipment, status: v.status } as Draft;
  for (const f of TEXTS) draft[f] = v[f] ?? '';
  for (const f of NUMBERS) draft[f] = v[f] == null ? '' : String(v[f]);
  for (const f of PRICES) draft[f] = euros(v[f]);
  return draft;
}

/**
 * The PUT body of a draft. Empty means cleared; a number field keeps what was typed when it is
 * not a number, so the API's 400 names it instead of the field silently emptying. The plate the
 * photos show, sent back unchanged, stays a read (a better read still replaces it).
 */
export function bodyOf(d: Draft, readPlate: string | null): VehicleBody {
  const body: Record<string, unknown> = { equipment: d.equipment, status: d.status };
  for (const f of TEXTS) body[f] = d[f].trim() || null;
  for (const f of NUMBERS) body[f] = d[f].trim() === '' ? null : Number(d[f]);
  for (const f of PRICES) body[f] = d[f].trim() === '' ? null : Math.round(Number(d[f].replace(',', '.')) * 100);
  if (body.plate && readPlate && String(body.plate).toUpperCase() === readPlate) body.plate = null;
  if (d.status !== 'sold') Object.assign(body, { soldPriceCents: null, soldAt: null });
  return body as VehicleBody;
}

/** The record as it is, with a new status: what the page header's Publish / Mark as sold send. */
export const withStatus = (v: Vehicle, status: VehicleStatus, sold?: { soldPriceCents: number; soldAt: string }): VehicleBody => ({
  ...bodyOf({ ...draftOf(v), status }, v.plateSource === 'read' ? v.plate : null),
  ...sold,
});

/** "Peugeot 208 (2021)": how a vehicle is named on its card and as a new album's title. */
export const vehicleName = (v: { make: string | null; model: string | null; year?: number | null }) =>
  [v.make, v.model].filter(Boolean).join(' ') + (v.make || v.model ? (v.year ? ` (${v.year})` : '') : '');
