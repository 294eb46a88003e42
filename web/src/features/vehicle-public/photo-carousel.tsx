import { Car, ChevronLeft, ChevronRight } from 'lucide-react';
import { type KeyboardEvent, useState } from 'react';
import { apiUrl } from '../../api/client';
import type { PublicVehiclePhoto } from '../../api/types';
import { PhotoImage } from '../../components/photo-image';
import { useSwipe } from '../gallery/lightbox-hooks';
import type { Copy } from './copy';

const arrow = 'absolute top-1/2 grid size-11 -translate-y-1/2 place-items-center rounded-full bg-white/90 text-slate-900 shadow ring-1 ring-black/10 hover:bg-white disabled:hidden';

/**
 * The ad's photos: one large image (a swipe, the round buttons, or the arrow keys on any of the
 * carousel's buttons move it) over a strip of thumbnails. The large image keeps a 3:2 frame so the page does not jump between photos.
 */
export function PhotoCarousel({ photos, title, copy }: { photos: PublicVehiclePhoto[]; title: string; copy: Copy }) {
  const [index, setIndex] = useState(0);
  const go = (to: number) => setIndex(Math.max(0, Math.min(photos.length - 1, to)));
  const swipe = useSwipe({ onLeft: () => go(index + 1), onRight: () => go(index - 1) });
  const photo = photos[index];
  if (!photo) {
    return (
      <div className="grid aspect-[3/2] place-items-center rounded-2xl bg-slate-100 text-slate-500">
        <div className="text-center">
          <Car className="mx-auto size-12" aria-hidden />
          <p className="mt-2 text-sm">{copy.noPhotos}</p>
        </div>
      </div>
    );
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight') go(index + 1);
    else if (e.key === 'ArrowLeft') go(index - 1);
    else return;
    e.preventDefault();
  };
  const label = copy.photo(index + 1, photos.length);
  return (
    <section aria-roledescription="carousel" aria-label={title}>
      <div className="relative overflow-hidden rounded-2xl bg-slate-900" {...swipe}>
        <PhotoImage
          key={photo.id}
          src={apiUrl(photo.url)}
          placeholder={photo.placeholder}
          alt={`${title} — ${label}`}
          loading={index === 0 ? 'eager' : 'lazy'}
          width={photo.width ?? undefined}
          height={photo.height ?? undefined}
          className="aspect-[3/2] w-full object-contain"
        />
        <button type="button" className={`${arrow} left-2`} onClick={() => go(index - 1)} onKeyDown={onKeyDown} disabled={index === 0} aria-label={copy.previous}>
          <ChevronLeft className="size-6" aria-hidden />
        </button>
        <button type="button" className={`${arrow} right-2`} onClick={() => go(index + 1)} onKeyDown={onKeyDown} disabled={index === photos.length - 1} aria-label={copy.next}>
          <ChevronRight className="size-6" aria-hidden />
        </button>
        <p className="absolute right-2 bottom-2 rounded-full bg-black/60 px-2.5 py-0.5 text-xs font-medium text-white" aria-live="polite">
          {index + 1} / {photos.length}
        </p>
      </div>
      {photos.length > 1 && (
        <ul className="mt-2 flex gap-2 overflow-x-auto pb-1">
          {photos.map((p, i) => (
            <li key={p.id} className="shrink-0">
              <button
                type="button"
                onClick={() => setIndex(i)}
                onKeyDown={onKeyDown}
                aria-label={copy.photo(i + 1, photos.length)}
                aria-current={i === index || undefined}
                className={`block overflow-hidden rounded-lg ring-2 ${i === index ? 'ring-brand-600' : 'ring-transparent opacity-80 hover:opacity-100'}`}
              >
                <PhotoImage src={apiUrl(p.thumbUrl)} placeholder={p.placeholder} alt="" className="h-16 w-24 object-cover sm:h-20 sm:w-30" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
