/** A photo before and after some work on it: the new image over the photo as taken, split by a handle to drag (or arrow keys). */
import { type PointerEvent, type ReactNode, useRef, useState } from 'react';
import { apiUrl } from '../api/client';
import type { Photo } from '../api/types';
import { useAuthedImage } from '../lib/use-authed-image';
import { PhotoImage } from './photo-image';

const START = 50;
const clamp = (v: number) => Math.min(100, Math.max(0, Math.round(v)));

type Props = {
  photo: Photo;
  /** The new image's private path (fetched with the session), null while there is none. */
  afterPath: string | null;
  /** The new image's alt text, and what the failed load says. */
  afterAlt: string;
  failedText: string;
  /** The after side's corner tag ("After", or what the image is labelled with). */
  afterTag?: string;
  /** Under the image: the state of the work. */
  children?: ReactNode;
};

/** The box takes the new image's shape once it is there; without one, the photo alone. */
export function BeforeAfter({ photo, afterPath, afterAlt, failedText, afterTag = 'After', children }: Props) {
  const after = useAuthedImage(afterPath);
  const [split, setSplit] = useState(START);
  const [afterRatio, setAfterRatio] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const [focused, setFocused] = useState(false);
  const web = photo.variants?.web;
  // The box takes the new image's shape once there is one (the photo as taken is cropped to it).
  const ratio = (after.src && afterRatio) || (web?.width && web.height ? `${web.width} / ${web.height}` : '3 / 2');

  const follow = (e: PointerEvent) => {
    const rect = box.current?.getBoundingClientRect();
    if (rect?.width) setSplit(clamp(((e.clientX - rect.left) / rect.width) * 100));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!after.src) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    follow(e);
  };

  return (
    <figure className="space-y-2">
      {/* Dragging is the pointer's way; the slider inside is the keyboard's and the screen reader's. */}
      <div
        ref={box}
        onPointerDown={onPointerDown}
        onPointerMove={(e) => dragging.current && follow(e)}
        onPointerUp={() => { dragging.current = false; }}
        onPointerCancel={() => { dragging.current = false; }}
        className={`relative overflow-hidden rounded-xl bg-slate-800 select-none ${after.src ? 'cursor-ew-resize touch-pan-y' : ''}`}
        style={{ aspectRatio: ratio }}
      >
        {after.src && (
          <img
            src={after.src}
            alt={afterAlt}
            draggable={false}
            onLoad={(e) => setAfterRatio(`${e.currentTarget.naturalWidth} / ${e.currentTarget.naturalHeight}`)}
            className="absolute inset-0 size-full object-contain"
          />
        )}
        {web && (
          <PhotoImage
            placeholder={photo.placeholder}
            src={apiUrl(web.url)}
            alt={after.src ? `${photo.name} as taken` : photo.name}
            loading="eager"
            draggable={false}
            className="absolute inset-0 size-full object-cover"
            style={after.src ? { clipPath: `inset(0 ${100 - split}% 0 0)` } : undefined}
          />
        )}
        {after.src && (
          <>
            <input
              type="range"
              min={0}
              max={100}
              step={1}
              value={split}
              onChange={(e) => setSplit(clamp(Number(e.currentTarget.value)))}
              onFocus={() => setFocused(true)}
              onBlur={() => setFocused(false)}
              aria-label="Before and after: share of the photo shown as taken"
              aria-valuetext={`${split} % before, ${100 - split} % after`}
              className="sr-only"
            />
            <Corner side="left">Before</Corner>
            <Corner side="right">{afterTag}</Corner>
            <div aria-hidden className="pointer-events-none absolute inset-y-0 w-0.5 -translate-x-1/2 bg-white shadow" style={{ left: `${split}%` }}>
              <span className={`absolute top-1/2 left-1/2 grid size-10 -translate-x-1/2 -translate-y-1/2 place-items-center rounded-full bg-white text-slate-700 shadow-lg ring-brand-500 ${focused ? 'ring-3' : ''}`}>
                ⟷
              </span>
            </div>
          </>
        )}
        {after.failed && <p className="absolute inset-x-0 bottom-0 bg-red-700/90 px-3 py-1 text-sm text-white">{failedText}</p>}
      </div>
      {children && <figcaption>{children}</figcaption>}
    </figure>
  );
}

function Corner({ side, children }: { side: 'left' | 'right'; children: string }) {
  return (
    <span aria-hidden className={`pointer-events-none absolute top-2 rounded bg-black/55 px-2 py-0.5 text-xs font-medium text-white ${side === 'left' ? 'left-2' : 'right-2'}`}>
      {children}
    </span>
  );
}
