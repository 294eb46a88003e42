import { useCallback, useState } from 'react';
import type { PublicAlbum } from '../../api/types';
import { Spinner } from '../../components/spinner';
import { FavouritesToggle } from './favourites-toggle';
import { LoadError, NoFavourites, NoPhotosYet, NoResults } from './gallery-states';
import { JustifiedGrid } from './justified-grid';
import { Lightbox } from './lightbox';
import { LoadMore } from './load-more';
import { ResultsSummary } from './results-summary';
import { RunnerChips } from './runner-chips';
import { SearchBox } from './search-box';
import { useFavourites } from './use-favourites';
import { useGalleryPhotos } from './use-gallery-photos';
import { useGalleryUrl } from './use-gallery-url';
import { useOpenPhoto } from './use-open-photo';
import { CheckoutDialog } from './shop/checkout-dialog';
import { BuyPhotoButtons, ShopBar } from './shop/shop-bar';
import { type CartItem, useShop } from './shop/use-shop';

/** The browsing part of the gallery: search, favourites filter, the grid and the lightbox. */
export function GalleryView({ album }: { album: PublicAlbum }) {
  const url = useGalleryUrl();
  const results = useGalleryPhotos(album.slug, url.query);
  const favourites = useFavourites(album.slug);
  const [favouritesOnly, setFavouritesOnly] = useState(false);
  const shop = useShop(album.slug);
  const [cartOpen, setCartOpen] = useState(false);
  const cancelled = new URLSearchParams(window.location.search).get('checkout') === 'cancelled';
  const list = favouritesOnly ? favourites.photos : results.photos;
  const { index, focusRequest } = useOpenPhoto({
    photoId: url.photoId,
    list,
    paged: !favouritesOnly,
    results,
    showPhoto: url.showPhoto,
    closePhoto: url.closePhoto,
  });

  const labelFor = useCallback((i: number) => `Photo ${i + 1} of ${album.title}`, [album.title]);
  const { showPhoto, setQuery } = url;
  const open = useCallback((id: string) => showPhoto(id, 'open'), [showPhoto]);
  const search = useCallback(
    (q: string) => {
      // Searching means looking through the whole album again.
      setFavouritesOnly(false);
      setQuery(q);
    },
    [setQuery],
  );
  const describe = (item: CartItem) =>
    item.bib ? `bib ${item.bib}` : item.photoId ? photoName(item.photoId) : `all ${album.photoCount} photos`;
  const photoName = (id: string) => {
    const i = list.findIndex((p) => p.id === id);
    return i >= 0 ? labelFor(i) : 'one photo';
  };
  const paged = !favouritesOnly;
  const total = paged && !url.query ? Math.max(album.photoCount, list.length) : list.length;

  return (
    <main className="mx-auto max-w-7xl px-2 pt-4 pb-10 sm:px-4">
      <div className="flex items-end gap-2 px-2 sm:gap-3 sm:px-0">
        <div className="min-w-0 flex-1 sm:max-w-md">
          <SearchBox query={url.query} onSearch={search} />
        </div>
        <FavouritesToggle count={favourites.photos.length} pressed={favouritesOnly} onToggle={() => setFavouritesOnly((v) => !v)} />
      </div>
      <div className="px-2 sm:px-0">
        {paged && url.query && <RunnerChips runners={results.runners} onPick={search} />}
        {cancelled && <p role="status" className="mt-3 rounded-lg bg-slate-100 px-3 py-2 text-sm">Payment cancelled: nothing was charged, your cart is kept.</p>}
        <ShopBar shop={shop} query={url.query} found={!results.initial && results.photos.length > 0} onOpenCart={() => setCartOpen(true)} describe={describe} />
        <ResultsSummary favouritesOnly={favouritesOnly} query={url.query} count={list.length} more={paged && results.hasMore} busy={paged && results.initial} />
      </div>

      <section aria-label={favouritesOnly ? 'Favourite photos' : 'Photos'} className="mt-3">
        {paged && results.initial && results.loading ? (
          <div className="grid min-h-60 place-items-center">
            <Spinner label="Loading photos…" className="size-6" />
          </div>
        ) : paged && results.initial && results.error ? (
          <LoadError error={results.error} onRetry={results.retry} />
        ) : list.length === 0 ? (
          favouritesOnly ? <NoFavourites /> : url.query ? <NoResults query={url.query} runners={results.runners} onClear={() => search('')} /> : <NoPhotosYet />
        ) : (
          <JustifiedGrid
            photos={list}
            labelFor={labelFor}
            isFavourite={favourites.has}
            onOpen={open}
            onToggleFavourite={favourites.toggle}
            focusRequest={focusRequest}
          />
        )}
        {paged && !results.initial && list.length > 0 && (
          <LoadMore
            hasMore={results.hasMore}
            loading={results.loading}
            error={results.error}
            count={list.length}
            onLoadMore={results.loadMore}
            onRetry={results.retry}
          />
        )}
      </section>

      {index >= 0 && (
        <Lightbox
          photos={list}
          index={index}
          total={paged && results.hasMore && url.query ? `${list.length}+` : total.toLocaleString()}
          labelFor={labelFor}
          hasMore={paged && results.hasMore}
          loadingMore={paged && results.loading}
          onNeedMore={results.loadMore}
          onNavigate={(i) => showPhoto(list[i].id, 'move')}
          onClose={url.closePhoto}
          isFavourite={favourites.has}
          onToggleFavourite={favourites.toggle}
          actions={(photo) => <BuyPhotoButtons shop={shop} photoId={photo.id} />}
        />
      )}
      <CheckoutDialog open={cartOpen} onClose={() => setCartOpen(false)} slug={album.slug} search={url.query} shop={shop} describe={describe} />
    </main>
  );
}
