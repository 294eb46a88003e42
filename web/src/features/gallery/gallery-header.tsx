import { Calendar, Images, MapPin } from 'lucide-react';
import type { PublicAlbum } from '../../api/types';
import { formatDate, plural } from '../../lib/format';
import { ShareActions } from './share-actions';

/** The album's name and facts, with the ways to pass the gallery on. */
export function GalleryHeader({ album }: { album: PublicAlbum }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-col gap-3 px-4 py-4 sm:flex-row sm:items-end sm:justify-between sm:py-6">
        <div className="min-w-0">
          <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">Vitrine · Event photos</p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight text-balance sm:text-3xl">{album.title}</h1>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
            {album.date && (
              <li className="inline-flex items-center gap-1.5">
                <Calendar className="size-4" aria-hidden />
                <time dateTime={album.date}>{formatDate(album.date)}</time>
              </li>
            )}
            {album.location && (
              <li className="inline-flex items-center gap-1.5">
                <MapPin className="size-4" aria-hidden />
                {album.location}
              </li>
            )}
            <li className="inline-flex items-center gap-1.5">
              <Images className="size-4" aria-hidden />
              {plural(album.photoCount, 'photo')}
            </li>
          </ul>
        </div>
        <ShareActions slug={album.slug} title={album.title} />
      </div>
    </header>
  );
}
