import { Camera, CloudOff, Heart, ImageOff, SearchX } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { Spinner } from '../../components/spinner';
import type { Runner } from './use-gallery-photos';

/** A whole-page message, for when there is no album to show. */
export function PageMessage({ children }: { children: ReactNode }) {
  return <main className="mx-auto grid min-h-dvh max-w-lg place-items-center px-4 py-10">{children}</main>;
}

export function PageLoading() {
  return (
    <PageMessage>
      <Spinner label="Loading the gallery…" className="size-6" />
    </PageMessage>
  );
}

export function GalleryNotFound() {
  return (
    <PageMessage>
      <EmptyState icon={ImageOff} title="This gallery doesn't exist or isn't public">
        Check the link you were given, or ask the photographer for a new one.
      </EmptyState>
    </PageMessage>
  );
}

/** A network or server failure, with the one useful action. */
export function LoadError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <div role="alert">
      <EmptyState icon={CloudOff} title="The photos could not be loaded" action={<Button onClick={onRetry}>Try again</Button>}>
        {error.message || 'Check your connection and try again.'}
      </EmptyState>
    </div>
  );
}

export function NoPhotosYet() {
  return (
    <EmptyState icon={Camera} title="No photos yet">
      The photographer hasn't published any photos here yet. Come back soon — new photos keep arriving during the event.
    </EmptyState>
  );
}

export function NoFavourites() {
  return (
    <EmptyState icon={Heart} title="No favourites yet">
      Tap the heart on a photo to keep it here. Favourites are saved in this browser only.
    </EmptyState>
  );
}

/** Nothing found: says whether the runner is unknown or just not photographed yet. */
export function NoResults({ query, runners, onClear }: { query: string; runners: Runner[]; onClear: () => void }) {
  const isBib = /^\d+$/.test(query);
  const who = isBib ? `bib ${query}` : runners.length === 1 ? `${runners[0].name} (bib ${runners[0].bib})` : `“${query}”`;
  const title = !isBib && runners.length === 0 ? `No runner named “${query}” on the start list` : `No photos for ${who} yet`;
  return (
    <EmptyState icon={SearchX} title={title} action={<Button variant="secondary" onClick={onClear}>Show all photos</Button>}>
      {!isBib && runners.length === 0
        ? 'Check the spelling, or search by bib number instead.'
        : 'New photos keep arriving during the event — check back later.'}
    </EmptyState>
  );
}
