/** The studio's backdrop picker. */
import { Check } from 'lucide-react';
import { api, apiUrl } from '../../api/client';
import { BACKDROP_IDS } from '../../../../workers/shared/enums';
import type { BackdropId } from '../../api/types';
import { Button } from '../../components/button';
import { useResource } from '../../lib/use-resource';

/**
 * The backdrops as a radio group of thumbnails (`GET /v1/backdrops`, public and cached): arrow keys
 * move between them like any radio group, and the chosen one is ringed and ticked.
 */
export function BackdropPicker({ value, onChange, error }: { value: BackdropId; onChange: (id: BackdropId) => void; error?: string }) {
  const list = useResource(() => api.studio.backdrops(), []);
  const backdrops = list.data?.backdrops;
  return (
    <fieldset aria-describedby={error ? 'backdrop-error' : undefined}>
      <legend className="mb-2 text-sm font-medium text-slate-700">Backdrop</legend>
      {list.error && !backdrops ? (
        <div role="alert" className="flex items-center justify-between gap-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          The backdrops could not be loaded. <Button variant="secondary" onClick={list.reload}>Try again</Button>
        </div>
      ) : (
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-busy={!backdrops || undefined}>
          {backdrops
            ? backdrops.map((b) => (
                <label key={b.id} className="group relative cursor-pointer">
                  <input type="radio" name="backdrop" value={b.id} checked={value === b.id} onChange={() => onChange(b.id)} className="peer sr-only" />
                  <img
                    src={apiUrl(b.thumbUrl)}
                    alt=""
                    width={400}
                    height={225}
                    className="aspect-video w-full rounded-lg bg-slate-200 object-cover ring-1 ring-slate-200 transition group-hover:opacity-90 peer-checked:ring-3 peer-checked:ring-brand-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500"
                  />
                  <span className="mt-1 block truncate text-xs font-medium text-slate-700">{b.name}</span>
                  {value === b.id && (
                    <Check className="absolute top-1.5 right-1.5 size-5 rounded-full bg-brand-600 p-0.5 text-white shadow" aria-hidden />
                  )}
                </label>
              ))
            : BACKDROP_IDS.map((id) => <div key={id} className="aspect-video animate-pulse rounded-lg bg-slate-200" />)}
        </div>
      )}
      {error && <p id="backdrop-error" className="mt-1 text-sm text-red-600">{error}</p>}
    </fieldset>
  );
}
