/**
 * The template engine: a classifieds ad written from the record alone, in French or English and
 * in three tones. Every sentence is built only from fields that are known, so a missing field is
 * left out, never printed as "null". The default engine locally, and the fallback of the AI one.
 */
import type { ListingLang } from '../../../shared/enums';
import { LISTING_TITLE_MAX, type ListingTone } from '../../../shared/schemas/listing';
import { CONDITION_LABELS, euros, FUEL_LABELS, GEARBOX_LABELS, grouped, type ListingFacts, registrationDate, vehicleName, yearOf } from './facts';

type Words = {
  vehicle: string;
  open: Record<ListingTone, (name: string, year: number | null) => string>;
  close: Record<ListingTone, string>;
  specs: string;
  equipment: string;
  strengths: string;
  price: string;
  condition: Record<NonNullable<ListingFacts['condition']>, string>;
  spec: { year: string; registration: string; mileage: string; fuel: string; gearbox: string; power: string; colour: string; doorsSeats: (doors: number | null, seats: number | null) => string; condition: string };
  strength: { recent: string; lowMileage: (perYear: number | null) => string; automatic: string; electric: string; hybrid: string; equipped: (n: number) => string };
};

const FR: Words = {
  vehicle: 'Véhicule',
  open: {
    professional: (name, year) => `Nous vous proposons cette ${name}${year ? ` de ${year}` : ''}.`,
    friendly: (name, year) => `Envie de changer de voiture ? Découvrez cette ${name}${year ? ` de ${year}` : ''} !`,
    premium: (name, year) => `Découvrez cette ${name}${year ? ` de ${year}` : ''}, un exemplaire sélectionné avec soin.`,
  },
  close: {
    professional: 'Véhicule visible sur rendez-vous. Contactez-nous pour tout renseignement ou pour organiser un essai.',
    friendly: "Venez la voir et l'essayer, on vous attend ! Une question ? Écrivez-nous.",
    premium: 'Présentation personnalisée et essai sur rendez-vous. Contactez-nous pour la découvrir.',
  },
  specs: 'Caractéristiques',
  equipment: 'Équipements',
  strengths: 'Points forts',
  price: 'Prix',
  condition: {
    excellent: 'Véhicule en excellent état, intérieur comme extérieur.',
    good: 'Véhicule en bon état général.',
    fair: "Véhicule en état correct, avec les traces d'usage normales pour son âge.",
    poor: 'Véhicule à rafraîchir, prix en conséquence.',
  },
  spec: {
    year: 'Année', registration: '1re mise en circulation', mileage: 'Kilométrage', fuel: 'Énergie', gearbox: 'Boîte de vitesses', power: 'Puissance',
    colour: 'Couleur', condition: 'État',
    doorsSeats: (doors, seats) => [doors && `${doors} portes`, seats && `${seats} places`].filter(Boolean).join(', '),
  },
  strength: {
    recent: 'véhicule récent',
    lowMileage: (perYear) => (perYear ? `faible kilométrage (environ ${grouped(perYear, 'fr')} km par an)` : 'faible kilométrage'),
    automatic: 'le confort de la boîte automatique',
    electric: '100 % électrique (zéro émission à l’usage)',
    hybrid: 'motorisation hybride économe',
    equipped: (n) => `bien équipée (${n} équipements)`,
  },
};

const EN: Words = {
  vehicle: 'Vehicle',
  open: {
    professional: (name, year) => `We are offering this ${year ? `${year} ` : ''}${name}.`,
    friendly: (name, year) => `Looking for your next car? Meet this ${year ? `${year} ` : ''}${name}!`,
    premium: (name, year) => `Discover this ${year ? `${year} ` : ''}${name}, a carefully selected example.`,
  },
  close: {
    professional: 'Viewing by appointment. Contact us for any information or to book a test drive.',
    friendly: 'Come and see it, take it for a drive, and ask us anything!',
    premium: 'Private viewing and test drive by appointment. Contact us for a personal presentation.',
  },
  specs: 'Specifications',
  equipment: 'Equipment',
  strengths: 'Highlights',
  price: 'Price',
  condition: {
    excellent: 'In excellent condition inside and out.',
    good: 'In good overall condition.',
    fair: 'In fair condition, with the usual signs of use for its age.',
    poor: 'Needs some work, priced accordingly.',
  },
  spec: {
    year: 'Year', registration: 'First registered', mileage: 'Mileage', fuel: 'Fuel', gearbox: 'Gearbox', power: 'Power', colour: 'Colour', condition: 'Condition',
    doorsSeats: (doors, seats) => [doors && `${doors} doors`, seats && `${seats} seats`].filter(Boolean).join(', '),
  },
  strength: {
    recent: 'a recent car',
    lowMileage: (perYear) => (perYear ? `low mileage (about ${grouped(perYear, 'en')} km a year)` : 'low mileage'),
    automatic: 'the comfort of an automatic gearbox',
    electric: 'fully electric (zero tailpipe emissions)',
    hybrid: 'an economical hybrid engine',
    equipped: (n) => `well equipped (${n} features)`,
  },
};

const WORDS: Record<ListingLang, Words> = { fr: FR, en: EN };

/** What a buyer would underline, from the facts alone (age, mileage per year, gearbox, energy, equipment). */
function strengths(f: ListingFacts, w: Words, today: Date): string[] {
  const year = yearOf(f);
  const age = year ? Math.max(0, today.getUTCFullYear() - year) : null;
  const perYear = f.mileageKm != null && age ? Math.round(f.mileageKm / age / 100) * 100 : null;
  const list: string[] = [];
  if (age != null && age <= 2) list.push(w.strength.recent);
  if (f.mileageKm != null && (f.mileageKm < 20_000 || (perYear != null && perYear < 10_000))) list.push(w.strength.lowMileage(age && age > 1 ? perYear : null));
  if (f.gearbox === 'automatic') list.push(w.strength.automatic);
  if (f.fuel === 'electric') list.push(w.strength.electric);
  if (f.fuel === 'hybrid' || f.fuel === 'plugin_hybrid') list.push(w.strength.hybrid);
  if (f.equipment.length >= 5) list.push(w.strength.equipped(f.equipment.length));
  return list;
}

/** `- Kilométrage : 42 000 km`...: the known specs as list lines (the ad's block, the copy pack's summary). */
export function specLines(f: ListingFacts, lang: ListingLang): string[] {
  const s = WORDS[lang].spec;
  const doorsSeats = s.doorsSeats(f.doors, f.seats);
  return [
    yearOf(f) != null && `${s.year} : ${yearOf(f)}`,
    f.firstRegistration && `${s.registration} : ${registrationDate(f.firstRegistration)}`,
    f.mileageKm != null && `${s.mileage} : ${grouped(f.mileageKm, lang)} km`,
    f.fuel && `${s.fuel} : ${FUEL_LABELS[lang][f.fuel]}`,
    f.gearbox && `${s.gearbox} : ${GEARBOX_LABELS[lang][f.gearbox]}`,
    f.powerHp != null && `${s.power} : ${f.powerHp} ${lang === 'fr' ? 'ch' : 'hp'}`,
    f.colour && `${s.colour} : ${f.colour}`,
    doorsSeats,
    f.condition && `${s.condition} : ${CONDITION_LABELS[lang][f.condition]}`,
  ]
    .filter((line): line is string => Boolean(line))
    // English puts no space before a colon.
    .map((line) => `- ${lang === 'en' ? line.replace(' : ', ': ') : line}`);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `Peugeot 208 1.2 PureTech 100 Allure - 2021 - 42 000 km`, cut at a word to fit the classifieds' limit. */
export function listingTitle(f: ListingFacts, lang: ListingLang): string {
  const year = yearOf(f);
  const tail = [year, f.mileageKm != null && `${grouped(f.mileageKm, lang)} km`].filter(Boolean).map((p) => ` - ${p}`).join('');
  let name = vehicleName(f) || WORDS[lang].vehicle;
  while (name.length + tail.length > LISTING_TITLE_MAX && name.includes(' ')) name = name.slice(0, name.lastIndexOf(' '));
  return `${name}${tail}`.slice(0, LISTING_TITLE_MAX);
}

/** The whole ad: an opening, the specs, the equipment, the highlights, the condition, the price, a closing. */
export function templateListing(f: ListingFacts, lang: ListingLang, tone: ListingTone, today = new Date()): { title: string; text: string } {
  const w = WORDS[lang];
  const colon = lang === 'fr' ? ' :' : ':';
  const highlights = strengths(f, w, today);
  const specs = specLines(f, lang);
  const blocks = [
    w.open[tone](vehicleName(f) || w.vehicle.toLowerCase(), yearOf(f)),
    specs.length ? [`${w.specs}${colon}`, ...specs].join('\n') : null,
    f.equipment.length ? [`${w.equipment}${colon}`, ...f.equipment.map((e) => `- ${e}`)].join('\n') : null,
    highlights.length ? `${w.strengths}${colon} ${highlights.join(', ')}.` : null,
    f.condition ? w.condition[f.condition] : null,
    f.askingPriceCents != null ? `${w.price}${colon} ${euros(f.askingPriceCents, lang)}` : null,
    w.close[tone],
  ];
  return { title: listingTitle(f, lang), text: capitalise(blocks.filter(Boolean).join('\n\n')) };
}
