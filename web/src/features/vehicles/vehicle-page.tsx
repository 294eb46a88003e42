/**
 * One vehicle (an album of a vehicles workspace): its name, plate and status control over four
 * tabs — Photos, Details (the record and its estimate), Listing, Leads — and its plate review.
 */
import { ArrowLeft } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link, Navigate, NavLink, Route, Routes, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Vehicle } from '../../api/types';
import { Spinner } from '../../components/spinner';
import { tabClass } from '../../components/tab-class';
import { useResource } from '../../lib/use-resource';
import { ReviewQueue } from '../review/review-queue';
import { DetailsTab } from './details-tab';
import { LeadsTab } from './leads-tab';
import { ListingTab } from './listing-tab';
import { PhotosTab } from './photos-tab';
import { StatusControl } from './status-control';
import { vehicleName } from './vehicle-record';

const TABS = [
  { path: 'photos', name: 'Photos' },
  { path: 'details', name: 'Details' },
  { path: 'listing', name: 'Listing' },
  { path: 'leads', name: 'Leads' },
] as const;
const DEFAULT_TITLE = 'New vehicle';

export function VehiclePage() {
  const { id = '' } = useParams();
  const album = useResource(() => api.albums.get(id), [id]);
  // Loaded again as the Photos tab's photos get read: the plate read from them shows in the header and Details.
  const record = useResource(() => api.vehicles.get(id), [id]);
  const [vehicle, setVehicle] = useState<Vehicle | null>(null);
  useEffect(() => setVehicle(record.data?.vehicle ?? null), [record.data]);

  const error = album.error ?? record.error;
  if (!album.data || !vehicle) return error ? <p role="alert" className="text-red-700">{error.message}</p> : <Spinner label="Loading the vehicle…" />;
  const { title, slug } = album.data.album;

  // An album named after its vehicle follows the record's make and model; a title the dealer chose stays.
  const onSaved = (saved: Vehicle) => {
    const name = vehicleName(saved);
    if (name && name !== title && (title === DEFAULT_TITLE || title === vehicleName(vehicle))) void api.albums.update(id, { title: name }).then(album.reload);
    setVehicle(saved);
  };
  return (
    <>
      <Link to="/albums" className="mb-3 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden /> Vehicles
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{vehicleName(vehicle) || title}</h1>
          {vehicle.plate && <p className="mt-1 font-mono text-sm tracking-wider text-slate-600">{vehicle.plate}</p>}
        </div>
        <StatusControl albumId={id} slug={slug} vehicle={vehicle} onSaved={onSaved} />
      </div>
      <nav aria-label="Vehicle" className="mt-4 flex gap-2 overflow-x-auto border-b border-slate-200">
        {TABS.map((t) => <NavLink key={t.path} to={`/albums/${id}/${t.path}`} className={tabClass}>{t.name}</NavLink>)}
      </nav>
      <div className="mt-6">
        <Routes>
          <Route index element={<Navigate to="photos" replace />} />
          <Route path="photos" element={<PhotosTab albumId={id} onPlatesRead={record.reload} />} />
          <Route path="details" element={<DetailsTab albumId={id} vehicle={vehicle} onSaved={onSaved} />} />
          <Route path="listing" element={<ListingTab albumId={id} />} />
          <Route path="leads" element={<LeadsTab albumId={id} />} />
          <Route path="review" element={<ReviewQueue albumId={id} />} />
          <Route path="*" element={<Navigate to="photos" replace />} />
        </Routes>
      </div>
    </>
  );
}
