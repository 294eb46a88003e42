import { Heart } from 'lucide-react';

type Props = { active: boolean; onToggle: () => void; small?: boolean; className?: string };

/** The heart toggle, on thumbnails and in the lightbox. Its name says what a press will do. */
export function FavouriteButton({ active, onToggle, small, className = '' }: Props) {
  return (
    <button
      type="button"
      aria-pressed={active}
      aria-label={active ? 'Remove from favourites' : 'Add to favourites'}
      title={active ? 'Remove from favourites' : 'Add to favourites'}
      onClick={onToggle}
      className={`grid place-items-center ${small ? 'size-9' : 'size-11'} rounded-full bg-slate-900/55 text-white backdrop-blur-sm transition hover:bg-slate-900/75 ${className}`}
    >
      <Heart className={`${small ? 'size-[18px]' : 'size-5'} ${active ? 'fill-rose-500 text-rose-500' : ''}`} aria-hidden />
    </button>
  );
}
