import { Download, FileArchive } from 'lucide-react';
import { useParams, useSearchParams } from 'react-router';
import { api, apiUrl } from '../../api/client';
import { Spinner } from '../../components/spinner';
import { formatDate, plural } from '../../lib/format';
import { useResource } from '../../lib/use-resource';

const link = 'inline-flex min-h-10 items-center gap-2 rounded-lg px-4 py-2 text-sm font-medium';
const primary = `${link} bg-brand-600 text-white hover:bg-brand-700`;
const secondary = `${link} bg-white ring-1 ring-slate-300`;

/** A paid order's downloads (the emailed link): the whole order as a ZIP in either size, or photo by photo, each with its preview. */
export function DownloadsPage() {
  const { orderId = '' } = useParams();
  const [params] = useSearchParams();
  const downloads = useResource(() => api.shop.downloads(orderId, { expires: params.get('expires') ?? '', sig: params.get('sig') ?? '' }), [orderId]);
  const data = downloads.data;
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-bold">Your photos</h1>
      {downloads.error ? (
        <p role="alert" className="mt-4 text-red-700">{downloads.error.message}</p>
      ) : !data ? (
        <Spinner label="Loading your order…" />
      ) : (
        <>
          <p className="mt-2 text-slate-600">
            {plural(data.order.photoCount, 'photo')} · this link works until {formatDate(data.order.expiresAt)}
          </p>
          <div className="mt-5 flex flex-wrap gap-2">
            {/* The manifest lists a URL per size the order includes: originals come first when bought. */}
            {data.zip.original && (
              <a className={primary} href={apiUrl(data.zip.original)}>
                <FileArchive className="size-4" aria-hidden /> Download all (originals, ZIP)
              </a>
            )}
            {data.zip.web && (
              <a className={data.zip.original ? secondary : primary} href={apiUrl(data.zip.web)}>
                <FileArchive className="size-4" aria-hidden /> Download all (1600 px, ZIP)
              </a>
            )}
          </div>
          <ul className="mt-6 divide-y divide-slate-200 rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
            {data.photos.map((p) => {
              const href = p.original ?? p.web;
              return (
                <li key={p.id} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
                  <img
                    src={apiUrl(p.thumb.url)}
                    alt={`Preview of ${p.name}`}
                    width={p.thumb.width ?? undefined}
                    height={p.thumb.height ?? undefined}
                    loading="lazy"
                    className="size-16 shrink-0 rounded-md bg-slate-100 object-cover"
                  />
                  <span className="min-w-0 flex-1 truncate">{p.name}</span>
                  {href ? (
                    <a className="inline-flex items-center gap-1 text-brand-700 underline" href={apiUrl(href)} aria-label={`Download ${p.name}`}>
                      <Download className="size-4" aria-hidden /> Download
                    </a>
                  ) : (
                    <span className="text-slate-500">Not in this order</span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </main>
  );
}
