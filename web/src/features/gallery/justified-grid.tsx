import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PublicPhoto } from '../../api/types';
import { aspectRatio, justifiedLayout, targetRowHeight } from './justified-layout';
import { PhotoTile } from './photo-tile';
import { useElementSize } from './use-element-size';

const GAP = 4;

type Props = {
  photos: PublicPhoto[];
  labelFor: (index: number) => string;
  isFavourite: (id: string) => boolean;
  onOpen: (id: string) => void;
  onToggleFavourite: (photo: PublicPhoto) => void;
  /** Set (with a new `seq`) to bring a photo's thumbnail back into view and focus it. */
  focusRequest: { id: string; seq: number } | null;
};

/**
 * The justified grid, virtualized by row against the window's scroll: 5,000 photos stay a few
 * dozen elements in the DOM, and the page keeps its native scrolling (and its scroll bar).
 */
export function JustifiedGrid({ photos, labelFor, isFavourite, onOpen, onToggleFavourite, focusRequest }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const width = Math.floor(useElementSize(ref).width);
  const layout = useMemo(
    () =>
      justifiedLayout(
        photos.map((p) => aspectRatio(p.thumb.width ?? p.width, p.thumb.height ?? p.height)),
        { width, targetHeight: targetRowHeight(width), gap: GAP },
      ),
    [photos, width],
  );
  const scrollMargin = useOffsetTop(ref);
  // A new key function on every layout makes the virtualizer re-read the row heights: a width
  // change or a new page can re-flow every row without changing how many there are.
  const rowKey = useCallback((index: number) => layout.rows[index]?.key ?? index, [layout]);
  const virtualizer = useWindowVirtualizer({
    count: width ? layout.rows.length : 0,
    estimateSize: (index) => layout.rows[index].height,
    gap: GAP,
    getItemKey: rowKey,
    overscan: 4,
    scrollMargin,
  });

  useFocusRequest(focusRequest, photos, layout.rows, (row) => virtualizer.scrollToIndex(row, { align: 'center' }));

  return (
    <div ref={ref} className="relative w-full" style={{ height: layout.height }}>
      {virtualizer.getVirtualItems().map((item) => {
        const row = layout.rows[item.index];
        return (
          <div
            key={item.key}
            className="absolute inset-x-0 top-0 flex"
            style={{ height: row.height, gap: GAP, transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            {row.tiles.map((tile) => {
              const photo = photos[tile.index];
              return (
                <PhotoTile
                  key={photo.id}
                  photo={photo}
                  label={labelFor(tile.index)}
                  width={tile.width}
                  height={tile.height}
                  favourite={isFavourite(photo.id)}
                  onOpen={onOpen}
                  onToggleFavourite={onToggleFavourite}
                />
              );
            })}
          </div>
        );
      })}
    </div>
  );
}

/** Where the grid starts on the page, which the window virtualizer needs to place its rows. */
function useOffsetTop(ref: RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0);
  // Every render: the header above can grow (runner chips, a wrapped title) without a resize here.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const next = Math.round(element.getBoundingClientRect().top + window.scrollY);
    if (next !== top) setTop(next);
  });
  return top;
}

/** Scrolls the requested photo's row into view if it is virtualized away, then focuses its button. */
function useFocusRequest(
  request: Props['focusRequest'],
  photos: PublicPhoto[],
  rows: { tiles: { index: number }[] }[],
  scrollToRow: (row: number) => void,
) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new request should move focus
  useEffect(() => {
    if (!request) return;
    const selector = `[data-photo-id="${CSS.escape(request.id)}"]`;
    const focus = () => document.querySelector<HTMLElement>(selector)?.focus({ preventScroll: false });
    if (document.querySelector(selector)) return focus();
    const index = photos.findIndex((p) => p.id === request.id);
    const row = rows.findIndex((r) => r.tiles.some((t) => t.index === index));
    if (row < 0) return;
    scrollToRow(row);
    // The row renders after the scroll event reaches the virtualizer: wait two frames.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(focus);
    });
    return () => cancelAnimationFrame(frame);
  }, [request?.seq]);
}
