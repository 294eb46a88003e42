/**
 * One property (an album of a real-estate workspace): its address, reference and price over three
 * tabs — Photos (by room, with their transformations), Details (the record), Settings (the album's).
 */
import { ArrowLeft, ExternalLink } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link, Navigate, NavLink, Route, Routes, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Property } from '../../api/types';
import { Spinner } from '../../components/spinner';
import { tabClass } from '../../components/tab-class';
import { formatEuros } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { AlbumSettings } from '../albums/album-settings';
import { PhotosTab } from './photos-tab';
import { sizeLine } from './property-words';
import { RecordForm } from './record-form';

const TABS = [
  { path: 'photos', name: 'Photos' },
  { path: 'details', name: 'Details' },
  { path: 'settings', name: 'Settings' },
] as const;
const DEFAULT_TITLE = 'New property';

export function PropertyPage() {
  const { id = '' } = useParams();
  const album = useResource(() => api.albums.get(id), [id]);
  const record = useResource(() => api.properties.get(id), [id]);
  const [property, setProperty] = useState<Property | null>(null);
  useEffect(() => setProperty(record.data?.property ?? null), [record.data]);

  const error = album.error ?? record.error;
  if (!album.data || !property) return error ? <p role="alert" className="text-red-700">{error.message}</p> : <Spinner label="Loading the property…" />;
  const info = album.data.album;

  // An album named after its address follows the record's address; a title the agent chose stays.
  const onSaved = (saved: Property) => {
    if (saved.address && saved.address !== info.title && (info.title === DEFAULT_TITLE || info.title === property.address)) {
      void api.albums.update(id, { title: saved.address }).then(album.reload);
    }
    setProperty(saved);
  };
  return (
    <>
      <Link to="/albums" className="mb-3 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden /> Properties
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{property.address ?? info.title}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {[property.reference, sizeLine(property), property.priceCents != null && formatEuros(property.priceCents)].filter(Boolean).join(' · ')}
          </p>
        </div>
        {info.visibility !== 'private' && (
          <a className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 underline" href={`/e/${info.slug}`} target="_blank" rel="noreferrer">
            Open public gallery <ExternalLink className="size-4" aria-hidden />
          </a>
        )}
      </div>
      <nav aria-label="Property" className="mt-4 flex gap-2 overflow-x-auto border-b border-slate-200">
        {TABS.map((t) => <NavLink key={t.path} to={`/albums/${id}/${t.path}`} className={tabClass}>{t.name}</NavLink>)}
      </nav>
      <div className="mt-6">
        <Routes>
          <Route index element={<Navigate to="photos" replace />} />
          <Route path="photos" element={<PhotosTab albumId={id} />} />
          <Route path="details" element={<RecordForm albumId={id} property={property} onSaved={onSaved} />} />
          <Route path="settings" element={<AlbumSettings album={info} photos={[]} onSaved={album.reload} />} />
          <Route path="*" element={<Navigate to="photos" replace />} />
        </Routes>
      </div>
    </>
  );
}
