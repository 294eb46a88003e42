/**
 * New prices of popular models in France, the estimate's base when the dealer gives none.
 *
 * Source: the makers' French consumer price lists ("tarifs constructeurs") for model year 2024,
 * entry trim with its most common engine, rounded to 500 €. Approximate on purpose: the estimate
 * only needs the order of magnitude, says where the base came from, and a new price typed on the
 * record always wins. Refresh from the makers' current lists when they move.
 */
export const CATALOGUE_SOURCE = "makers' French price lists 2024, entry trim, approximate, rounded to 500 €";

type Entry = { make: string; model: string; newPriceCents: number };

const euros = (amount: number) => amount * 100;

export const CATALOGUE: readonly Entry[] = [
  { make: 'Peugeot', model: '208', newPriceCents: euros(19_500) },
  { make: 'Peugeot', model: '2008', newPriceCents: euros(26_000) },
  { make: 'Peugeot', model: '308', newPriceCents: euros(30_500) },
  { make: 'Peugeot', model: '3008', newPriceCents: euros(34_000) },
  { make: 'Renault', model: 'Clio', newPriceCents: euros(18_500) },
  { make: 'Renault', model: 'Captur', newPriceCents: euros(24_000) },
  { make: 'Renault', model: 'Megane', newPriceCents: euros(28_000) },
  { make: 'Renault', model: 'Austral', newPriceCents: euros(34_000) },
  { make: 'Dacia', model: 'Sandero', newPriceCents: euros(12_500) },
  { make: 'Dacia', model: 'Duster', newPriceCents: euros(19_000) },
  { make: 'Dacia', model: 'Jogger', newPriceCents: euros(17_000) },
  { make: 'Citroen', model: 'C3', newPriceCents: euros(16_000) },
  { make: 'Citroen', model: 'C4', newPriceCents: euros(25_000) },
  { make: 'Toyota', model: 'Yaris', newPriceCents: euros(22_500) },
  { make: 'Toyota', model: 'Yaris Cross', newPriceCents: euros(27_500) },
  { make: 'Volkswagen', model: 'Polo', newPriceCents: euros(21_000) },
  { make: 'Volkswagen', model: 'Golf', newPriceCents: euros(31_000) },
  { make: 'Volkswagen', model: 'T-Roc', newPriceCents: euros(31_000) },
  { make: 'Tesla', model: 'Model 3', newPriceCents: euros(42_000) },
  { make: 'Tesla', model: 'Model Y', newPriceCents: euros(45_000) },
  { make: 'Fiat', model: '500', newPriceCents: euros(17_500) },
];

/** Lower case, accents and punctuation gone: "Citroën", "citroen" and "CITROEN" are one make. */
export const modelKey = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * The catalogue entry of a make and model. The record's model may carry a generation or trim
 * after the name ("Clio V", "208 GT Line"); the longest matching name wins ("Yaris Cross" over "Yaris").
 */
export function catalogueEntry(make: string, model: string): Entry | null {
  const m = modelKey(model);
  const matches = CATALOGUE.filter((e) => modelKey(e.make) === modelKey(make) && (m === modelKey(e.model) || m.startsWith(`${modelKey(e.model)} `)));
  return matches.sort((a, b) => b.model.length - a.model.length)[0] ?? null;
}
