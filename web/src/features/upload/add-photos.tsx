import type { Photo } from '../../api/types';
import { countsAreNews, StatusCounts } from '../albums/status-counts';
import type { useLiveAlbum } from '../albums/use-live-album';
import { UploadPanel } from './upload-panel';

/** The "Add photos" block of a vehicle's or a property's Photos tab: the uploader, and the processing counts while they are news. */
export function AddPhotos({ title, albumId, live, photos }: { title: string; albumId: string; live: ReturnType<typeof useLiveAlbum>; photos: Photo[] }) {
  return (
    <section aria-labelledby="add-photos" className="space-y-3">
      <h2 id="add-photos" className="text-lg font-semibold text-slate-900">{title}</h2>
      <UploadPanel albumId={albumId} uppy={live.uppy} summary={live.summary} />
      {countsAreNews(live.counts, live.summary.active) && <StatusCounts counts={live.counts ?? {}} photos={photos} />}
    </section>
  );
}
