/** A property's record as a form, saved whole, with the API's field errors shown on each field. */
import { type ChangeEvent, useState } from 'react';
import { api, type ApiError } from '../../api/client';
import type { Property } from '../../api/types';
import { Button } from '../../components/button';
import { Field, FormError, SelectField } from '../../components/field';
import { bodyOf, type Draft, draftOf, PROPERTY_TYPE_LABELS } from './property-words';

type Props = { albumId: string; property: Property; onSaved: (property: Property) => void };

export function RecordForm({ albumId, property, onSaved }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(property));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const dirty = JSON.stringify(bodyOf(draft)) !== JSON.stringify(bodyOf(draftOf(property)));

  const save = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const { property: record } = await api.properties.save(albumId, bodyOf(draft));
      setDraft(draftOf(record));
      onSaved(record);
      setSaved(true);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const fields = error?.fields ?? {};
  const set = (field: keyof Draft) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setDraft((d) => ({ ...d, [field]: e.target.value }));
  const text = (field: keyof Draft, label: string, extra: Record<string, unknown> = {}) => (
    <Field label={label} name={field} value={draft[field]} onChange={set(field)} error={fields[field]} {...extra} />
  );
  const number = (field: keyof Draft, label: string) => text(field, label, { inputMode: 'decimal' });

  return (
    <form className="max-w-3xl space-y-6 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200" onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
      <FormError error={error && Object.keys(fields).length === 0 ? error.message : error ? 'Some fields need a look: see below.' : null} />
      <div className="grid gap-4 sm:grid-cols-2">
        {text('address', 'Address', { className: 'sm:col-span-2', placeholder: '12 rue des Lilas, 69003 Lyon' })}
        <SelectField label="Type" name="propertyType" value={draft.propertyType} onChange={set('propertyType')} error={fields.propertyType}>
          <option value="">Not given</option>
          {Object.entries(PROPERTY_TYPE_LABELS).map(([value, name]) => <option key={value} value={value}>{name}</option>)}
        </SelectField>
        {number('surfaceM2', 'Surface (m²)')}
        {number('rooms', 'Rooms')}
        {number('bedrooms', 'Bedrooms')}
        {text('priceCents', 'Price (€)', { inputMode: 'decimal', placeholder: '0' })}
        {text('reference', 'Listing reference', { placeholder: 'MAND-2026-041' })}
      </div>
      <div className="flex items-center justify-end gap-3">
        {saved && !dirty && <p role="status" className="text-sm text-emerald-700">Saved</p>}
        <Button type="submit" busy={busy} disabled={!dirty}>Save</Button>
      </div>
    </form>
  );
}
