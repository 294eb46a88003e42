import { CarFront, CloudOff, Store } from 'lucide-react';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import type { PublicVehicle } from '../../api/types';
import { Button, buttonClass } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { Spinner } from '../../components/spinner';
import { useResource } from '../../lib/use-resource';
import { ContactForm } from './contact-form';
import { type Copy, copyFor } from './copy';
import { PhotoCarousel } from './photo-carousel';
import { EquipmentList, VehicleSpecs } from './vehicle-specs';

/**
 * The public vehicle page at `/v/:slug`, a classified ad: photos, price, key facts, equipment, the
 * dealer's text and a contact form that becomes a lead. Phone first: one column, the form last;
 * from `lg` up the price and the form stay beside the photos.
 */
export default function VehiclePublicPage() {
  const { slug = '' } = useParams();
  const { data, error, reload } = useResource(() => api.publicVehicles.get(slug), [slug]);
  const vehicle = data?.vehicle;
  const copy = copyFor(vehicle?.listing?.lang);
  usePageLanguage(vehicle?.title, copy);

  if (error) {
    if (error instanceof ApiError && error.status === 404) {
      return (
        <Centred>
          <EmptyState icon={CarFront} title={copy.notFound}>{copy.notFoundBody}</EmptyState>
        </Centred>
      );
    }
    return (
      <Centred>
        <div role="alert">
          <EmptyState icon={CloudOff} title={copy.loadError} action={<Button onClick={reload}>{copy.retry}</Button>}>{error.message}</EmptyState>
        </div>
      </Centred>
    );
  }
  if (!vehicle) return <Centred><Spinner label={copy.loading} className="size-6" /></Centred>;
  return (
    <div className="min-h-dvh bg-slate-50">
      <main className="mx-auto grid max-w-6xl gap-6 px-4 py-4 sm:py-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          <PhotoCarousel photos={vehicle.photos} title={vehicle.title} copy={copy} />
          <Heading vehicle={vehicle} copy={copy} className="lg:hidden" toForm />
          <VehicleSpecs vehicle={vehicle} copy={copy} />
          <EquipmentList equipment={vehicle.equipment} copy={copy} />
          {vehicle.listing?.text && (
            <section aria-labelledby="description-title">
              <h2 id="description-title" className="text-lg font-semibold">{copy.description}</h2>
              <p className="mt-3 whitespace-pre-line text-slate-700">{vehicle.listing.text}</p>
            </section>
          )}
        </div>
        <aside className="space-y-4 lg:sticky lg:top-6 lg:self-start">
          <Heading vehicle={vehicle} copy={copy} className="hidden lg:block" />
          <p className="flex items-center gap-2 text-sm text-slate-600">
            <Store className="size-4" aria-hidden /> {copy.soldBy} <strong className="font-semibold text-slate-900">{vehicle.dealer.name}</strong>
          </p>
          {vehicle.status === 'sold' ? (
            <p className="rounded-2xl bg-slate-100 p-5 text-slate-700 ring-1 ring-slate-200">{copy.contact.soldNote}</p>
          ) : (
            <ContactForm slug={vehicle.slug} dealer={vehicle.dealer.name} copy={copy} />
          )}
        </aside>
      </main>
    </div>
  );
}

/**
 * Title, price and the sold badge: under the photos on a phone (with a button down to the form,
 * which comes last there), atop the side column on a large screen.
 */
function Heading({ vehicle, copy, className, toForm }: { vehicle: PublicVehicle; copy: Copy; className: string; toForm?: boolean }) {
  const price = vehicle.askingPriceCents
    ? new Intl.NumberFormat(copy.locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(vehicle.askingPriceCents / 100)
    : copy.priceOnRequest;
  // Rendered twice for the two layouts; the copy not displayed is hidden from assistive technology too.
  return (
    <div className={className}>
      {vehicle.status === 'sold' && <span className="mb-2 inline-block rounded-full bg-red-600 px-3 py-0.5 text-sm font-semibold text-white">{copy.sold}</span>}
      <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{vehicle.title}</h1>
      <p className={`mt-2 text-3xl font-extrabold ${vehicle.status === 'sold' ? 'text-slate-400 line-through' : 'text-brand-700'}`}>{price}</p>
      {toForm && vehicle.status !== 'sold' && <a href="#contact-title" className={buttonClass('primary', 'mt-4 w-full')}>{copy.contact.title}</a>}
    </div>
  );
}

function Centred({ children }: { children: React.ReactNode }) {
  return <main className="mx-auto grid min-h-dvh max-w-lg place-items-center px-4 py-10">{children}</main>;
}

/** The tab's title and the document's language follow the ad's. */
function usePageLanguage(title: string | undefined, copy: Copy) {
  useEffect(() => {
    const previous = { title: document.title, lang: document.documentElement.lang };
    document.documentElement.lang = copy.locale.slice(0, 2);
    if (title) document.title = title;
    return () => {
      document.title = previous.title;
      document.documentElement.lang = previous.lang;
    };
  }, [title, copy]);
}
