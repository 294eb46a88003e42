import { ChevronLeft, ChevronRight, X } from 'lucide-react';
import { type ReactNode, useEffect, useRef } from 'react';
import type { PublicPhoto } from '../../api/types';
import { Spinner } from '../../components/spinner';
import { FavouriteButton } from './favourite-button';
import { LightboxImage } from './lightbox-image';
import { usePrefetch, useSwipe } from './lightbox-hooks';

type Props = {
  photos: PublicPhoto[];
  index: number;
  /** "120", or "100+" while more pages remain. */
  total: string;
  labelFor: (index: number) => string;
  hasMore: boolean;
  loadingMore: boolean;
  onNeedMore: () => void;
  onNavigate: (index: number) => void;
  onClose: () => void;
  isFavourite: (id: string) => boolean;
  onToggleFavourite: (photo: PublicPhoto) => void;
  /** What can be done with the photo besides looking (buying it). */
  actions?: (photo: PublicPhoto) => ReactNode;
};

/** How close to the end of the loaded photos the next page is asked for. */
const LOAD_AHEAD = 3;

/**
 * The full-screen photo viewer on a native modal <dialog> (focus trap, inert page behind, top
 * layer). Arrow keys and swipes move through the photos; Escape, the back button or Close leave.
 */
export function Lightbox(props: Props) {
  const { photos, index, total, labelFor, hasMore, loadingMore, onNeedMore, onNavigate } = props;
  // Escape can reach us twice (cancel, then Chrome's own close): closing twice would go back twice.
  const closed = useRef(false);
  const onClose = () => {
    if (closed.current) return;
    closed.current = true;
    props.onClose();
  };
  const ref = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const photo = photos[index];
  const label = labelFor(index);
  const canPrevious = index > 0;
  const canNext = index < photos.length - 1;
  // Where the visitor is heading: a navigation renders later than a second key press can land,
  // and two quick presses of → must move two photos, not one.
  const heading = useRef(index);
  useEffect(() => {
    heading.current = index;
    closed.current = false;
  }, [index]);
  const go = (step: number) => {
    const target = heading.current + step;
    if (target < 0 || target >= photos.length) return;
    heading.current = target;
    onNavigate(target);
  };
  const previous = () => go(-1);
  const next = () => go(1);
  const swipe = useSwipe({ onLeft: next, onRight: previous });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal() focuses the first button (the heart): Close is the safer first stop.
    closeButton.current?.focus();
    // The page behind must not scroll under a finger that swipes the photo; the gutter stays so
    // the grid behind does not re-flow when the scroll bar goes.
    const { style } = document.documentElement;
    const saved = { overflow: style.overflow, scrollbarGutter: style.scrollbarGutter };
    style.scrollbarGutter = 'stable';
    style.overflow = 'hidden';
    return () => {
      Object.assign(style, saved);
    };
  }, []);

  useEffect(() => {
    if (hasMore && !loadingMore && index >= photos.length - LOAD_AHEAD) onNeedMore();
  }, [index, photos.length, hasMore, loadingMore, onNeedMore]);

  usePrefetch(photos, index);

  return (
    <dialog
      ref={ref}
      aria-label={label}
      onCancel={(e) => {
        // Escape: closing goes through the page's state (and the URL), not the dialog's own.
        e.preventDefault();
        onClose();
      }}
      // Only a close the page did not ask for (Chrome closes anyway on a repeated Escape).
      onClose={onClose}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') previous();
        else if (e.key === 'ArrowRight') next();
      }}
      className="fixed inset-0 m-0 flex h-dvh max-h-none w-screen max-w-none flex-col bg-slate-950 p-0 text-white backdrop:bg-slate-950"
    >
      {/* On a phone the actions (buy buttons) take a row of their own under the counter and the
          time: beside them they squeezed the time out of sight. */}
      <div className="flex flex-wrap items-center gap-2 px-3 py-2 sm:flex-nowrap sm:px-4">
        <p className="flex min-w-0 flex-1 gap-3 whitespace-nowrap text-sm tabular-nums">
          <span aria-live="polite" className="text-slate-200">{`${index + 1} / ${total}`}</span>
          {photo.takenAt && (
            <time dateTime={photo.takenAt} className="text-slate-400">
              {formatTime(photo.takenAt)}
            </time>
          )}
        </p>
        {props.actions && <div className="order-last flex basis-full flex-wrap gap-2 empty:hidden sm:order-none sm:basis-auto">{props.actions(photo)}</div>}
        <FavouriteButton active={props.isFavourite(photo.id)} onToggle={() => props.onToggleFavourite(photo)} className="bg-white/10" />
        <button type="button" aria-label="Close" title="Close (Esc)" ref={closeButton} onClick={onClose} className={iconButton}>
          <X className="size-6" aria-hidden />
        </button>
      </div>
      <div className="relative min-h-0 flex-1 touch-pan-y select-none" {...swipe}>
        <LightboxImage key={photo.id} photo={photo} alt={label} />
        {/* aria-disabled rather than disabled: a focused button that turns disabled drops the focus. */}
        <button type="button" aria-label="Previous photo" title="Previous (←)" aria-disabled={!canPrevious} onClick={previous} className={`${sideButton} left-4 sm:left-2`}>
          <ChevronLeft className="size-7" aria-hidden />
        </button>
        <button type="button" aria-label="Next photo" title="Next (→)" aria-disabled={!canNext} onClick={next} className={`${sideButton} right-4 sm:right-2`}>
          {!canNext && loadingMore ? <Spinner className="size-6" /> : <ChevronRight className="size-7" aria-hidden />}
        </button>
      </div>
    </dialog>
  );
}

const iconButton = 'grid size-11 shrink-0 place-items-center rounded-full bg-white/10 text-white hover:bg-white/20';
// Below the photo on phones (thumbs reach them, the photo stays whole), beside it on larger screens.
const sideButton =
  'absolute bottom-4 grid size-12 place-items-center sm:top-1/2 sm:bottom-auto sm:-translate-y-1/2 rounded-full bg-white/10 text-white backdrop-blur-sm hover:bg-white/20 sm:bg-slate-900/60 sm:hover:bg-slate-900/80 aria-disabled:cursor-default aria-disabled:opacity-30';

const formatTime = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
