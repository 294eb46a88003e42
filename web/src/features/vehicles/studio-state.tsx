/** What a photo's studio image is doing, in a dealer's words: its status, the failure's note, a doubtful cutout's warning. */
import { CircleAlert, TriangleAlert } from 'lucide-react';
import type { PhotoStudio, StudioPhoto } from '../../api/types';
import { ProgressBar } from '../../components/progress-bar';
import { Spinner } from '../../components/spinner';
import { studioUnderWay } from '../albums/use-album-photos';

/** A short status for a tile's label. */
export function studioWords(studio: PhotoStudio | null | undefined): string {
  if (!studio) return 'no studio image yet';
  if (studio.status === 'queued') return 'waiting for the studio';
  if (studio.status === 'running') return 'in the studio';
  if (studio.status === 'failed') return 'the studio failed';
  return studio.doubtful ? 'studio image ready, check the cutout' : 'studio image ready';
}

/** Under the before/after: progress, the failure's note, or the doubtful warning with its reasons. */
export function StudioState({ studio }: { studio: PhotoStudio | null }) {
  if (!studio) return <p className="text-sm text-slate-500">No studio image yet: pick a backdrop and apply it.</p>;
  if (studio.status === 'queued' || studio.status === 'running') {
    return <Spinner label={studio.status === 'queued' ? 'Waiting for the studio…' : 'Placing the car on the backdrop…'} />;
  }
  if (studio.status === 'failed') {
    return (
      <p role="alert" className="flex items-start gap-2 text-sm text-red-700">
        <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden /> {studio.note ?? 'The studio image could not be made; its credits were refunded.'}
      </p>
    );
  }
  if (!studio.doubtful) return <p className="text-sm text-emerald-700">Studio image ready. Drag the handle to compare.</p>;
  return (
    <div className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
      <p className="flex items-center gap-2 font-medium">
        <TriangleAlert className="size-4 shrink-0" aria-hidden /> Check the cutout before publishing
      </p>
      {studio.reasons.length > 0 && (
        <ul className="mt-1 list-inside list-disc">
          {studio.reasons.map((r) => <li key={r}>{r}</li>)}
        </ul>
      )}
      <p className="mt-1 text-amber-800">Until it is redone, this image stays off the public page and the feeds.</p>
    </div>
  );
}

/** The whole vehicle's studio run: how many images are done while any is still being made. */
export function StudioProgress({ photos }: { photos: StudioPhoto[] }) {
  const asked = photos.filter((p) => p.studio);
  const waiting = asked.filter(studioUnderWay).length;
  if (waiting === 0) return null;
  const done = asked.length - waiting;
  return (
    <div className="space-y-1">
      <ProgressBar value={done / asked.length} label="Studio progress" />
      <p className="text-sm text-slate-600" aria-live="polite">Studio: {done} of {asked.length} photos done</p>
    </div>
  );
}
