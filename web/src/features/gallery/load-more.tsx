import { useEffect, useRef } from 'react';
import { Button } from '../../components/button';
import { Spinner } from '../../components/spinner';
import { plural } from '../../lib/format';

type Props = { hasMore: boolean; loading: boolean; error: Error | null; count: number; onLoadMore: () => void; onRetry: () => void };

/**
 * The end of the grid: an invisible sentinel loads the next page well before the visitor gets
 * there, and a plain button does the same where IntersectionObserver is missing or blocked.
 */
export function LoadMore({ hasMore, loading, error, count, onLoadMore, onRetry }: Props) {
  const sentinel = useRef<HTMLDivElement>(null);

  // Re-observed after every page: a fresh observer reports at once if the sentinel is still on
  // screen (a tall screen, a short page), so loading goes on until the screen is full.
  // biome-ignore lint/correctness/useExhaustiveDependencies: count is the "a page arrived" signal
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasMore || loading || error || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => entry.isIntersecting && onLoadMore(), { rootMargin: '1200px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, loading, error, count, onLoadMore]);

  return (
    <div className="flex min-h-20 flex-col items-center justify-center gap-3 py-6 text-center">
      <div ref={sentinel} aria-hidden className="h-px w-full" />
      {error ? (
        <div role="alert" className="flex flex-col items-center gap-2 text-sm text-red-700">
          <p>{error.message || 'The next photos could not be loaded.'}</p>
          <Button variant="secondary" onClick={onRetry}>
            Try again
          </Button>
        </div>
      ) : loading ? (
        <Spinner label="Loading more photos…" className="size-5" />
      ) : hasMore ? (
        <Button variant="secondary" onClick={onLoadMore}>
          Load more photos
        </Button>
      ) : (
        count > 0 && <p className="text-sm text-slate-600">End of the gallery · {plural(count, 'photo')}</p>
      )}
    </div>
  );
}
