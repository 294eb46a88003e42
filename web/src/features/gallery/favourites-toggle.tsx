import { Heart } from 'lucide-react';

/** Shows only the favourites, or everything again. */
export function FavouritesToggle({ count, pressed, onToggle }: { count: number; pressed: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onToggle}
      className={`inline-flex min-h-12 items-center justify-center gap-1.5 shrink-0 rounded-xl px-3 text-sm font-medium ring-1 transition sm:px-4 ${
        pressed ? 'bg-rose-50 text-rose-800 ring-rose-300' : 'bg-white text-slate-800 ring-slate-300 hover:bg-slate-50'
      }`}
    >
      <Heart className={`size-5 ${pressed || count ? 'fill-rose-500 text-rose-500' : 'text-slate-500'}`} aria-hidden />
      {/* Phones show the heart and the count; the name stays "Favourites (n)" for everyone. */}
      <span className="sr-only sm:not-sr-only">Favourites</span> ({count})
    </button>
  );
}
