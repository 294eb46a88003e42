/**
 * A vehicles workspace's home: its stock as a list of vehicles (photo, plate, make/model/year,
 * price, status), newest first, filtered by status, with "Add a vehicle".
 */
import { Car, Plus } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { VehicleStatus, VehicleSummary } from '../../api/types';
import { Button } from '../../components/button';
import { CoverCard } from '../../components/cover-card';
import { Dialog } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { Field, FormError } from '../../components/field';
import { Spinner } from '../../components/spinner';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';
import { formatEuros } from '../../lib/format';
import { STATUSES, vehicleName } from './vehicle-record';

const FILTERS: { status: VehicleStatus | undefined; label: string }[] = [
  { status: undefined, label: 'All' },
  { status: 'draft', label: 'Drafts' },
  { status: 'published', label: 'Published' },
  { status: 'sold', label: 'Sold' },
];

/** The vehicle list, the first screen of a vehicles workspace. */
export function VehiclesPage() {
  const [status, setStatus] = useState<VehicleStatus | undefined>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [vehicles, setVehicles] = useState<VehicleSummary[]>([]);
  const [more, setMore] = useState<string | null>(null);
  const page = useResource(async () => {
    const result = await api.stock.list({ status, cursor });
    setVehicles((list) => (cursor ? [...list, ...result.vehicles] : result.vehicles));
    setMore(result.nextCursor);
    return result;
  }, [status, cursor]);
  const [adding, setAdding] = useState(false);
  const filter = (next: VehicleStatus | undefined) => {
    setCursor(null);
    setStatus(next);
  };

  const addButton = (
    <Button onClick={() => setAdding(true)} icon={<Plus className="size-4" aria-hidden />}>Add a vehicle</Button>
  );
  const nothingAtAll = !status && vehicles.length === 0 && !page.loading && !page.error;
  return (
    <>
      <div className="mb-4 flex items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Vehicles</h1>
        {!nothingAtAll && addButton}
      </div>
      {!nothingAtAll && (
        <fieldset className="mb-4 flex flex-wrap gap-2">
          <legend className="sr-only">Show</legend>
          {FILTERS.map((f) => (
            <button
              key={f.label}
              type="button"
              aria-pressed={status === f.status}
              onClick={() => filter(f.status)}
              className={`rounded-full px-3 py-1 text-sm font-medium ring-1 ${status === f.status ? 'bg-brand-600 text-white ring-brand-600' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'}`}
            >
              {f.label}
            </button>
          ))}
        </fieldset>
      )}
      {page.error && <p role="alert" className="text-red-700">{page.error.message}</p>}
      {nothingAtAll ? (
        <EmptyState icon={Car} title="No vehicles yet" action={addButton}>
          Add a vehicle, drop its photos in: the plate is read from them, and the details, price estimate and listing follow.
        </EmptyState>
      ) : page.loading && vehicles.length === 0 ? (
        <Spinner label="Loading vehicles…" />
      ) : vehicles.length === 0 ? (
        <p className="py-10 text-center text-sm text-slate-500">No {STATUSES[status!].label.toLowerCase()} vehicles.</p>
      ) : (
        <ul aria-label="Vehicles" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {vehicles.map((v) => (
            <li key={v.albumId}><VehicleCard vehicle={v} /></li>
          ))}
        </ul>
      )}
      {more && (
        <div className="mt-6 text-center">
          <Button variant="secondary" busy={page.loading} onClick={() => setCursor(more)}>Load more vehicles</Button>
        </div>
      )}
      <Dialog open={adding} onClose={() => setAdding(false)} title="Add a vehicle">
        <AddVehicleForm onCancel={() => setAdding(false)} />
      </Dialog>
    </>
  );
}

function VehicleCard({ vehicle: v }: { vehicle: VehicleSummary }) {
  const status = STATUSES[v.status];
  return (
    <CoverCard
      to={`/albums/${v.albumId}`}
      coverUrl={v.coverThumbUrl}
      badge={<span className={`absolute top-2 left-2 rounded-full px-2 py-0.5 text-xs font-medium ${status.badge}`}>{status.label}</span>}
    >
      <div className="flex items-start justify-between gap-2">
        <h2 className="font-semibold text-slate-900">{vehicleName(v) || v.title}</h2>
        <span className="shrink-0 font-semibold text-slate-900">{v.askingPriceCents == null ? '' : formatEuros(v.askingPriceCents)}</span>
      </div>
      <p className="mt-1 flex items-center justify-between gap-2 text-sm text-slate-600">
        <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs tracking-wider">{v.plate ?? 'No plate yet'}</span>
        <span>{v.photoCount} photo{v.photoCount === 1 ? '' : 's'}</span>
      </p>
    </CoverCard>
  );
}

/** A vehicle is an album: named from its make and model when given, saved with them, then opened on its photos. */
function AddVehicleForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const make = String(form.get('make')).trim() || null;
    const model = String(form.get('model')).trim() || null;
    const { album } = await api.albums.create({ title: vehicleName({ make, model }) || 'New vehicle', visibility: 'private' });
    if (make || model) await api.vehicles.save(album.id, { make, model });
    navigate(`/albums/${album.id}/photos`);
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <FormError error={error?.message} />
      <p className="text-sm text-slate-600">Both can wait: the details tab holds the whole record.</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Make" name="make" placeholder="Peugeot" error={error?.fields.make} />
        <Field label="Model" name="model" placeholder="208" error={error?.fields.model} />
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
        <Button type="submit" busy={busy}>Add vehicle</Button>
      </div>
    </form>
  );
}
