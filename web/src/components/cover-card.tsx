import { ImageOff } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { apiUrl } from '../api/client';

type Props = { to: string; coverUrl: string | null; badge?: ReactNode; children: ReactNode };

/** A list's card that opens an item (a vehicle, a property): its cover photo with a badge over it, its facts under it. */
export function CoverCard({ to, coverUrl, badge, children }: Props) {
  return (
    <Link to={to} className="block overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200 transition hover:shadow-md hover:ring-brand-500">
      <div className="relative aspect-[3/2] bg-slate-100">
        {coverUrl ? (
          <img src={apiUrl(coverUrl)} alt="" loading="lazy" className="size-full object-cover" />
        ) : (
          <div className="grid size-full place-items-center text-slate-400"><ImageOff className="size-8" aria-label="No photo yet" /></div>
        )}
        {badge}
      </div>
      <div className="p-4">{children}</div>
    </Link>
  );
}
