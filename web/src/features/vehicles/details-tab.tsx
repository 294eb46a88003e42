/**
 * The vehicle's record as a form (every field, the plate read from the photos marked with its
 * confidence), saved whole with the API's field errors shown on each field, and its explained estimate.
 */
import { ScanLine } from 'lucide-react';
import { type ChangeEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, type ApiError } from '../../api/client';
import type { Vehicle } from '../../api/types';
import { Button } from '../../components/button';
import { Field, FormError, SelectField } from '../../components/field';
import { EquipmentChips } from './equipment-chips';
import { EstimatePanel } from './estimate-panel';
import { bodyOf, CONDITIONS, type Draft, draftOf, FUELS, GEARBOX_LABELS, STATUSES } from './vehicle-record';

type Props = { albumId: string; vehicle: Vehicle; onSaved: (vehicle: Vehicle) => void };
type TextField = Exclude<keyof Draft, 'equipment' | 'status'>;
type Options = Record<string, string>;

export function DetailsTab({ albumId, vehicle, onSaved }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(vehicle));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  // The header's status buttons save the record too: follow them without losing edits in progress.
  useEffect(() => {
    const current = draftOf(vehicle);
    setDraft((d) => ({ ...d, status: current.status, soldPriceCents: current.soldPriceCents, soldAt: current.soldAt }));
  }, [vehicle]);

  const readPlate = vehicle.plateSource === 'read' ? vehicle.plate : null;
  const dirty = JSON.stringify(bodyOf(draft, readPlate)) !== JSON.stringify(bodyOf(draftOf(vehicle), readPlate));
  const save = async (next = draft) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const { vehicle: record } = await api.vehicles.save(albumId, bodyOf(next, readPlate));
      setDraft(draftOf(record));
      onSaved(record);
      setSaved(true);
      return null;
    } catch (err) {
      setError(err as ApiError);
      return err as ApiError;
    } finally {
      setBusy(false);
    }
  };
  const fields = error?.fields ?? {};
  const set = (field: keyof Draft) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setDraft((d) => ({ ...d, [field]: e.target.value }));
  const text = (field: TextField, label: string, extra: Record<string, unknown> = {}) => (
    <Field label={label} name={field} value={draft[field]} onChange={set(field)} error={fields[field]} {...extra} />
  );
  const number = (field: TextField, label: string, extra: Record<string, unknown> = {}) => text(field, label, { type: 'number', inputMode: 'numeric', ...extra });
  const price = (field: TextField, label: string) => text(field, label, { inputMode: 'decimal', placeholder: '0' });
  const select = (field: keyof Draft, label: string, options: Options, empty: string | null = 'Not given') => (
    <SelectField label={label} name={field} value={draft[field] as string} onChange={set(field)} error={fields[field]}>
      {empty !== null && <option value="">{empty}</option>}
      {Object.entries(options).map(([value, name]) => <option key={value} value={value}>{name}</option>)}
    </SelectField>
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_26rem]">
      <form className="space-y-6 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200" onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <FormError error={error && Object.keys(fields).length === 0 ? error.message : error ? 'Some fields need a look: see below.' : null} />
        <Section title="Identity">
          <div>
            {text('plate', 'Plate', { placeholder: 'AB-123-CD', autoCapitalize: 'characters' })}
            {readPlate && draft.plate.toUpperCase() === readPlate && (
              <p className="mt-1 inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs text-amber-900 ring-1 ring-amber-200" data-testid="plate-read">
                <ScanLine className="size-3.5" aria-hidden /> Read from the photos
                {vehicle.plateConfidence != null && ` · ${Math.round(vehicle.plateConfidence * 100)}% sure`}
                {' · '}<Link to={`/albums/${albumId}/review`} className="underline">check</Link>
              </p>
            )}
          </div>
          {text('make', 'Make')}
          {text('model', 'Model')}
          {text('version', 'Version', { placeholder: '1.2 PureTech 100 Allure' })}
          {number('year', 'Year')}
          {text('firstRegistration', 'First registration', { type: 'date' })}
        </Section>
        <Section title="Technical">
          {number('mileageKm', 'Mileage (km)')}
          {select('fuel', 'Fuel', FUELS)}
          {select('gearbox', 'Gearbox', GEARBOX_LABELS)}
          {number('powerHp', 'Power (hp)')}
          {text('colour', 'Colour')}
          {number('doors', 'Doors')}
          {number('seats', 'Seats')}
          {select('condition', 'Condition', CONDITIONS)}
        </Section>
        <EquipmentChips items={draft.equipment} onChange={(equipment) => setDraft((d) => ({ ...d, equipment }))} error={fields.equipment} />
        <Section title="Price and status">
          {price('newPriceCents', 'New price (€)')}
          {price('askingPriceCents', 'Asking price (€)')}
          {select('status', 'Status', Object.fromEntries(Object.entries(STATUSES).map(([k, s]) => [k, s.label])), null)}
          {draft.status === 'sold' && (
            <>
              {price('soldPriceCents', 'Sold for (€)')}
              {text('soldAt', 'Sold on', { type: 'date' })}
            </>
          )}
        </Section>
        <div className="flex items-center justify-end gap-3">
          {saved && !dirty && <p role="status" className="text-sm text-emerald-700">Saved</p>}
          <Button type="submit" busy={busy} disabled={!dirty}>Save</Button>
        </div>
      </form>
      <div>
        <EstimatePanel
          estimate={async () => {
            const failed = dirty ? await save() : null;
            if (failed) throw failed;
            return (await api.vehicles.estimate(albumId)).estimate;
          }}
          onUse={(cents) => void save({ ...draft, askingPriceCents: String(cents / 100) })}
        />
      </div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset>
      <legend className="mb-3 font-semibold">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}
