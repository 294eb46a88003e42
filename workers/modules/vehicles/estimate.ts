/**
 * The explained price estimate of a vehicle: pure arithmetic over its record, so every factor
 * can be shown and checked. All amounts in integer cents (the API's money convention).
 *
 * value = base (new price) + age + mileage + gearbox + condition + market, each factor in euros;
 * age compounds a yearly depreciation on the base, the others are shares of the aged value. The
 * result is a range rounded to 100 €: the inputs do not justify more precision.
 */
import type { Vehicle, VehicleCondition, VehicleFuel } from '../../db/schema/index';
import { CATALOGUE_SOURCE, catalogueEntry } from './catalogue';

export type EstimateInput = Pick<Vehicle, 'make' | 'model' | 'year' | 'firstRegistration' | 'mileageKm' | 'fuel' | 'gearbox' | 'condition' | 'newPriceCents'>;
export type FactorName = 'base_value' | 'age' | 'mileage' | 'gearbox' | 'condition' | 'market';
export type Factor = { name: FactorName; effect: number; explanation: string };
export type Estimate = { low: number; mid: number; high: number; currency: 'eur'; factors: Factor[] };
/** A vehicle the workspace sold, with the price it went for. */
export type Comparable = EstimateInput & { soldPriceCents: number; soldAt: string };

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
/** Depreciation per year of age: the steep first year, then the usual flattening curve. */
const YEARLY_DEPRECIATION = [0.2, 0.12, 0.12, 0.12, 0.12];
const LATER_DEPRECIATION = 0.07;
/** A running car keeps some value however old: the age factor stops at 10% of its new price. */
const FLOOR_SHARE = 0.1;
/** Kilometres a year that count as normal use: diesels are bought to drive far. */
const YEARLY_KM: Record<VehicleFuel, number> = { diesel: 20_000, petrol: 12_000, hybrid: 15_000, plugin_hybrid: 15_000, electric: 15_000, lpg: 15_000 };
const PER_10K_KM = 0.03;
const CONDITION: Record<VehicleCondition, number> = { excellent: 0.05, good: 0, fair: -0.1, poor: -0.25 };
const AUTOMATIC = 0.05;
const MARKET_CAP = 0.3;

const euros = (cents: number) => `€${Math.round(cents / 100).toLocaleString('en-GB')}`;
const percent = (share: number) => `${share > 0 ? '+' : ''}${Math.round(share * 100)}%`;
const toEuro = (cents: number) => Math.round(cents / 100) * 100;
const to100Euros = (cents: number) => Math.round(cents / 10_000) * 10_000;
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/** The record's fields the estimate cannot do without (empty when it can be made). */
export function missingForEstimate(v: EstimateInput): string[] {
  const missing: string[] = [];
  if (v.newPriceCents == null && !(v.make && v.model && catalogueEntry(v.make, v.model))) {
    if (!v.make) missing.push('make');
    if (!v.model) missing.push('model');
    missing.push('newPriceCents');
  }
  if (v.year == null && !v.firstRegistration) missing.push('year');
  if (v.mileageKm == null) missing.push('mileageKm');
  if (!v.fuel) missing.push('fuel');
  if (!v.condition) missing.push('condition');
  return missing;
}

function baseFactor(v: EstimateInput): Factor & { fromCatalogue: boolean } {
  if (v.newPriceCents != null) {
    return { name: 'base_value', effect: toEuro(v.newPriceCents), explanation: `New price entered on the record: ${euros(v.newPriceCents)}`, fromCatalogue: false };
  }
  const entry = catalogueEntry(v.make!, v.model!)!;
  const explanation = `New price of a ${entry.make} ${entry.model} in the Vitrine catalogue: ${euros(entry.newPriceCents)} (source: ${CATALOGUE_SOURCE})`;
  return { name: 'base_value', effect: toEuro(entry.newPriceCents), explanation, fromCatalogue: true };
}

/** Years on the road at `on`: from the first registration, else from mid-way through the model year. */
function ageYears(v: EstimateInput, on: Date): { years: number; from: string } {
  if (v.firstRegistration) return { years: Math.max(0, (on.getTime() - Date.parse(v.firstRegistration)) / YEAR_MS), from: `first registered ${v.firstRegistration}` };
  return { years: Math.max(0, on.getUTCFullYear() - v.year! + 0.5), from: `model year ${v.year}, counted from mid-year` };
}

function retainedShare(years: number): number {
  let kept = 1;
  for (let year = 0; year < years; year++) kept *= (1 - (YEARLY_DEPRECIATION[year] ?? LATER_DEPRECIATION)) ** Math.min(1, years - year);
  return Math.max(kept, FLOOR_SHARE);
}

function ageFactor(base: number, age: { years: number; from: string }): Factor {
  const kept = retainedShare(age.years);
  const explanation = `${age.years.toFixed(1)} years old (${age.from}): keeps ${Math.round(kept * 100)}% of its new price (-20% the first year, -12% a year to 5 years, -7% after, never below 10%)`;
  return { name: 'age', effect: toEuro(base * kept) - base, explanation };
}

function mileageFactor(aged: number, v: EstimateInput, years: number): Factor {
  const perYear = YEARLY_KM[v.fuel!];
  const expected = Math.round(perYear * years);
  const share = clamp(-((v.mileageKm! - expected) / 10_000) * PER_10K_KM, -0.25, 0.1);
  const gap = v.mileageKm! - expected;
  const against = `${v.mileageKm!.toLocaleString('en-GB')} km against ${expected.toLocaleString('en-GB')} km expected (${perYear.toLocaleString('en-GB')} km a year for ${v.fuel})`;
  const rule = gap === 0 ? 'as expected' : `${Math.abs(gap).toLocaleString('en-GB')} km ${gap > 0 ? 'more' : 'fewer'}, ${Math.round(PER_10K_KM * 100)}% per 10,000 km`;
  return { name: 'mileage', effect: toEuro(aged * share), explanation: `${against}: ${rule} (${percent(share)}, capped at -25%/+10%)` };
}

function gearboxFactor(aged: number, v: EstimateInput): Factor {
  if (v.fuel === 'electric') return { name: 'gearbox', effect: 0, explanation: 'Electric cars are all automatic: already in their price' };
  if (!v.gearbox) return { name: 'gearbox', effect: 0, explanation: 'Gearbox not given: no adjustment' };
  if (v.gearbox === 'manual') return { name: 'gearbox', effect: 0, explanation: 'Manual gearbox: the reference' };
  return { name: 'gearbox', effect: toEuro(aged * AUTOMATIC), explanation: `Automatic gearbox, sought after on the used market (${percent(AUTOMATIC)})` };
}

function conditionFactor(aged: number, v: EstimateInput): Factor {
  const share = CONDITION[v.condition!];
  const scale = 'excellent +5%, good 0, fair -10%, poor -25%';
  return { name: 'condition', effect: toEuro(aged * share), explanation: `Condition ${v.condition} (${scale})` };
}

/** The estimate's factors before any market adjustment, and what they add up to. */
function modelValue(v: EstimateInput, on: Date) {
  const base = baseFactor(v);
  const age = ageYears(v, on);
  const ageing = ageFactor(base.effect, age);
  const aged = base.effect + ageing.effect;
  const { fromCatalogue, ...baseValue } = base;
  const factors = [baseValue, ageing, mileageFactor(aged, v, age.years), gearboxFactor(aged, v), conditionFactor(aged, v)];
  return { factors, value: factors.reduce((sum, f) => sum + f.effect, 0), fromCatalogue, years: age.years };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * How the workspace's own sales of the same model compare with what this model predicted for
 * them (each valued on its sale date). Few sales say little: the gap is weighted by n / (n + 2).
 */
function marketFactor(value: number, v: EstimateInput, comparables: Comparable[]): { factor: Factor; sales: number } | null {
  const ratios = comparables.filter((c) => !missingForEstimate(c).length).map((c) => c.soldPriceCents / modelValue(c, new Date(c.soldAt)).value);
  if (!ratios.length) return null;
  const gap = median(ratios) - 1;
  const share = clamp(gap * (ratios.length / (ratios.length + 2)), -MARKET_CAP, MARKET_CAP);
  const sales = `${ratios.length} ${v.make} ${v.model} sold by your workspace`;
  const explanation = `${sales} went for a median ${percent(gap)} against this model's estimate for them; weighted for ${ratios.length} sale(s): ${percent(share)}`;
  return { factor: { name: 'market', effect: toEuro(value * share), explanation }, sales: ratios.length };
}

/** The estimate of a record that has every field `missingForEstimate` asks for, on `today`. */
export function estimateVehicle(v: EstimateInput, comparables: Comparable[], today: Date): Estimate {
  const model = modelValue(v, today);
  const market = marketFactor(model.value, v, comparables);
  const factors = market ? [...model.factors, market.factor] : model.factors;
  const value = factors.reduce((sum, f) => sum + f.effect, 0);
  // Wider when the base is a catalogue average or the car old; narrower when its own sales back it.
  const spread = 0.08 + (model.fromCatalogue ? 0.04 : 0) + (model.years > 8 ? 0.03 : 0) - ((market?.sales ?? 0) >= 3 ? 0.02 : 0);
  return { low: to100Euros(value * (1 - spread)), mid: to100Euros(value), high: to100Euros(value * (1 + spread)), currency: 'eur', factors };
}
