/**
 * A property in an estate agent's words: the labels of the property types, rooms, staging styles
 * and transformations (typed by the Worker's enums, so a new value cannot go unlabelled), and the
 * record between the API and its form.
 */
import type { z } from 'zod';
import { TRANSFORMATIONS } from '../../../../workers/shared/billing/transformations';
import type { propertyBody } from '../../../../workers/shared/schemas/realestate';
import type { Property, PropertyType, RoomType, StagingStyle, Transformation } from '../../api/types';

export const PROPERTY_TYPE_LABELS: Record<PropertyType, string> = {
  apartment: 'Apartment', house: 'House', studio: 'Studio', loft: 'Loft', villa: 'Villa', land: 'Land', commercial: 'Commercial', other: 'Other',
};
export const ROOM_LABELS: Record<RoomType, string> = {
  living_room: 'Living room', kitchen: 'Kitchen', bedroom: 'Bedroom', bathroom: 'Bathroom', dining_room: 'Dining room',
  office: 'Office', hallway: 'Hallway', exterior: 'Exterior', garden: 'Garden', other: 'Other',
};
export const STYLE_LABELS: Record<StagingStyle, string> = {
  modern: 'Modern', scandinavian: 'Scandinavian', industrial: 'Industrial', classic: 'Classic', bohemian: 'Bohemian',
};

/** "Virtual staging (Scandinavian)": a version as the agent knows it. */
export const versionName = (t: Pick<Transformation, 'kind' | 'style'>) => `${TRANSFORMATIONS[t.kind].name}${t.style ? ` (${STYLE_LABELS[t.style]})` : ''}`;
/** The disclosure a labelled version carries on its image, shown with it on screen too. */
export const labelOf = (t: Pick<Transformation, 'kind' | 'labelled'>) => (t.labelled ? (TRANSFORMATIONS[t.kind].label?.en ?? null) : null);
export const underWay = (t: Transformation) => t.status === 'queued' || t.status === 'running';

export type PropertyBody = z.input<typeof propertyBody>;
const TEXTS = ['address', 'reference', 'propertyType'] as const;
const NUMBERS = ['surfaceM2', 'rooms', 'bedrooms'] as const;
/** The form's values, as typed (the price in euros). */
export type Draft = Record<(typeof TEXTS)[number] | (typeof NUMBERS)[number] | 'priceCents', string>;

export function draftOf(p: Property): Draft {
  const draft = { priceCents: p.priceCents == null ? '' : String(p.priceCents / 100) } as Draft;
  for (const f of TEXTS) draft[f] = p[f] ?? '';
  for (const f of NUMBERS) draft[f] = p[f] == null ? '' : String(p[f]);
  return draft;
}

/**
 * The PUT body of a draft (a PUT replaces the record: every field is sent). Empty means cleared;
 * a number field keeps what was typed when it is not a number, so the API's 400 names that field.
 */
export function bodyOf(d: Draft): PropertyBody {
  const body: Record<string, unknown> = {};
  for (const f of TEXTS) body[f] = d[f].trim() || null;
  for (const f of NUMBERS) body[f] = d[f].trim() === '' ? null : Number(d[f].replace(',', '.'));
  body.priceCents = d.priceCents.trim() === '' ? null : Math.round(Number(d.priceCents.replace(/\s/g, '').replace(',', '.')) * 100);
  return body as PropertyBody;
}

/** "3 rooms · 64.5 m²": a property's size in one line (empty when nothing is known). */
export const sizeLine = (p: Property) =>
  [p.propertyType && PROPERTY_TYPE_LABELS[p.propertyType], p.surfaceM2 != null && `${p.surfaceM2.toLocaleString()} m²`, p.rooms != null && `${p.rooms} room${p.rooms === 1 ? '' : 's'}`]
    .filter(Boolean)
    .join(' · ');
