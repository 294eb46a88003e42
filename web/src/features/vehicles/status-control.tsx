/** The vehicle page header's status buttons: Publish, Mark as sold (with what it sold for), back to draft. */
import { BadgeCheck, ExternalLink, Undo2 } from 'lucide-react';
import { useState } from 'react';
import { api, type ApiError } from '../../api/client';
import type { Vehicle, VehicleStatus } from '../../api/types';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { Field, FormError } from '../../components/field';
import { useSubmit } from '../../lib/use-submit';
import { STATUSES, withStatus } from './vehicle-record';

type Props = { albumId: string; slug: string; vehicle: Vehicle; onSaved: (vehicle: Vehicle) => void };

export function StatusControl({ albumId, slug, vehicle, onSaved }: Props) {
  const [selling, setSelling] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = async (status: VehicleStatus) => {
    setBusy(true);
    setError(null);
    try {
      onSaved((await api.vehicles.save(albumId, withStatus(vehicle, status))).vehicle);
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  const status = STATUSES[vehicle.status];
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span data-testid="vehicle-status" className={`rounded-full px-2.5 py-1 text-xs font-medium ${status.badge}`}>{status.label}</span>
      {vehicle.status === 'draft' && <Button busy={busy} icon={<BadgeCheck className="size-4" aria-hidden />} onClick={() => change('published')}>Publish</Button>}
      {vehicle.status === 'published' && (
        <>
          <Button onClick={() => setSelling(true)}>Mark as sold</Button>
          <Button variant="ghost" busy={busy} icon={<Undo2 className="size-4" aria-hidden />} onClick={() => change('draft')}>Unpublish</Button>
        </>
      )}
      {vehicle.status === 'sold' && <Button variant="ghost" busy={busy} icon={<Undo2 className="size-4" aria-hidden />} onClick={() => change('published')}>Back on sale</Button>}
      {vehicle.status !== 'draft' && (
        <a className="inline-flex items-center gap-1 font-medium text-brand-700 underline" href={`/v/${slug}`} target="_blank" rel="noreferrer">
          Public page <ExternalLink className="size-4" aria-hidden />
        </a>
      )}
      {error && <p role="alert" className="w-full text-red-700">{error}</p>}
      <Dialog open={selling} onClose={() => setSelling(false)} title="Mark as sold">
        <SoldForm albumId={albumId} vehicle={vehicle} onCancel={() => setSelling(false)} onSaved={(v) => { setSelling(false); onSaved(v); }} />
      </Dialog>
    </div>
  );
}

/** What it sold for and when: the workspace's own sales feed the next estimates. */
function SoldForm({ albumId, vehicle, onCancel, onSaved }: Omit<Props, 'slug'> & { onCancel: () => void }) {
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const price = String(form.get('price')).replace(',', '.');
    const sold = { soldPriceCents: price ? Math.round(Number(price) * 100) : Number.NaN, soldAt: String(form.get('date')) };
    onSaved((await api.vehicles.save(albumId, withStatus(vehicle, 'sold', sold))).vehicle);
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <FormError error={error && !error.fields.soldPriceCents && !error.fields.soldAt ? error.message : null} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Sold for (€)" name="price" inputMode="decimal" required defaultValue={vehicle.askingPriceCents == null ? '' : vehicle.askingPriceCents / 100} error={error?.fields.soldPriceCents} />
        <Field label="Sold on" name="date" type="date" required defaultValue={new Date().toISOString().slice(0, 10)} error={error?.fields.soldAt} />
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
        <Button type="submit" busy={busy}>Mark as sold</Button>
      </div>
    </form>
  );
}
