import { type RefObject, useLayoutEffect, useState } from 'react';

type Size = { width: number; height: number };

/** The content box of an element (padding excluded), as the ResizeObserver reports it. */
function contentSize(element: HTMLElement): Size {
  const style = getComputedStyle(element);
  const px = (value: string) => Number.parseFloat(value) || 0;
  return {
    width: element.clientWidth - px(style.paddingLeft) - px(style.paddingRight),
    height: element.clientHeight - px(style.paddingTop) - px(style.paddingBottom),
  };
}

/** The content size of an element, kept up to date (rotation, resize, a scroll bar appearing). */
export function useElementSize(ref: RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Measured once before paint, so the first frame already has its layout.
    setSize(contentSize(element));
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
