import { type TouchEvent, useEffect, useRef } from 'react';
import { apiUrl } from '../../api/client';
import type { PublicPhoto } from '../../api/types';

/** A swipe is a mostly horizontal move of at least this many pixels. */
const SWIPE_MIN_PX = 50;

/** Touch handlers that turn a horizontal swipe into next (swipe left) or previous (swipe right). */
export function useSwipe({ onLeft, onRight }: { onLeft: () => void; onRight: () => void }) {
  const start = useRef<{ x: number; y: number } | null>(null);
  return {
    onTouchStart: (e: TouchEvent) => {
      // Two fingers are a pinch, not a swipe.
      start.current = e.touches.length === 1 ? { x: e.touches[0].clientX, y: e.touches[0].clientY } : null;
    },
    onTouchEnd: (e: TouchEvent) => {
      const from = start.current;
      start.current = null;
      const touch = e.changedTouches[0];
      if (!from || !touch) return;
      const dx = touch.clientX - from.x;
      const dy = touch.clientY - from.y;
      if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < Math.abs(dy) * 1.5) return;
      if (dx < 0) onLeft();
      else onRight();
    },
  };
}

/**
 * Warms the browser cache with the photos either side (two ahead: people mostly go forward), so
 * the next one is there when the finger lifts.
 */
export function usePrefetch(photos: PublicPhoto[], index: number) {
  // A string, so the effect runs when the neighbours change, not when a new page arrives.
  const urls = [index - 1, index + 1, index + 2].map((i) => photos[i]?.web.url).filter(Boolean).join(' ');
  useEffect(() => {
    for (const url of urls.split(' ').filter(Boolean)) {
      // A started download lands in the HTTP cache even once the Image is garbage.
      const image = new Image();
      image.decoding = 'async';
      image.src = apiUrl(url);
    }
  }, [urls]);
}
