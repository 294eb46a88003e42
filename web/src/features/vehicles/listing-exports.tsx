/**
 * Getting a listing out: the copy pack of this vehicle (text + photos, to paste into a classifieds
 * form by hand) and the workspace's export feeds, which classifieds sites import with an API key.
 */
import { Download, FileArchive } from 'lucide-react';
import { useState } from 'react';
import { API_ORIGIN, api, type ApiError } from '../../api/client';
import { Button } from '../../components/button';
import { FormError } from '../../components/field';
import { saveFile } from '../../lib/save-file';

const feedUrl = (format: 'xml' | 'csv') => `${API_ORIGIN || window.location.origin}/v1/vehicles/feed.${format}`;

export function ListingExports({ albumId, published }: { albumId: string; published: boolean }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (what: string, load: () => Promise<Blob>, name: string) => {
    setBusy(what);
    setError(null);
    try {
      saveFile(await load(), name);
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <aside className="space-y-6">
      <section aria-labelledby="copy-pack-heading" className="rounded-2xl bg-white p-4 ring-1 ring-slate-200">
        <h2 id="copy-pack-heading" className="font-semibold">Copy pack</h2>
        <p className="mt-1 text-sm text-slate-600">The saved listing and every photo of this vehicle (studio versions when ready), numbered, in one ZIP.</p>
        <Button className="mt-3 w-full" variant="secondary" busy={busy === 'pack'} disabled={busy !== null} icon={<FileArchive className="size-4" aria-hidden />}
          onClick={() => download('pack', () => api.listing.copyPack(albumId), 'copy-pack.zip')}>
          Download copy pack
        </Button>
      </section>
      <section aria-labelledby="feeds-heading" className="rounded-2xl bg-white p-4 ring-1 ring-slate-200">
        <h2 id="feeds-heading" className="font-semibold">Export feeds</h2>
        <p className="mt-1 text-sm text-slate-600">
          Every published vehicle with its studio photos. {published ? 'This vehicle is in them.' : 'This vehicle joins them once its status is Published.'}
        </p>
        <p className="mt-2 text-sm text-slate-600">Give a classifieds site these addresses with an API key holding <code>vehicles:read</code> (API keys page).</p>
        {(['xml', 'csv'] as const).map((format) => (
          <div key={format} className="mt-3">
            <input readOnly aria-label={`${format.toUpperCase()} feed address`} value={feedUrl(format)} onFocus={(e) => e.target.select()}
              className="block w-full rounded-lg bg-slate-50 px-2 py-1 font-mono text-xs text-slate-700 ring-1 ring-slate-200" />
            <Button className="mt-1 w-full" variant="ghost" busy={busy === format} disabled={busy !== null} icon={<Download className="size-4" aria-hidden />}
              onClick={() => download(format, () => api.listing.feed(format), `vehicles.${format}`)}>
              Download {format.toUpperCase()}
            </Button>
          </div>
        ))}
      </section>
      <FormError error={error} />
    </aside>
  );
}
