import { ArrowLeft, ExternalLink } from 'lucide-react';
import { Link, NavLink, Route, Routes, useParams } from 'react-router';
import type { TagKind, WorkspaceKind } from '../../../../workers/shared/enums';
import { Spinner } from '../../components/spinner';
import { tabClass } from '../../components/tab-class';
import { ReviewQueue } from '../review/review-queue';
import { useWorkspaceKind } from '../shell/pro-shell';
import { UploadPanel } from '../upload/upload-panel';
import { AlbumSettings } from './album-settings';
import { VISIBILITY } from './albums-page';
import { PhotoGrid } from './photo-grid';
import { StatusCounts } from './status-counts';
import { useLiveAlbum } from './use-live-album';

/** Workspaces whose photos get read (bibs, plates) have a review queue. */
const REVIEW_TABS: Record<WorkspaceKind, string | null> = { events: 'Review bibs', vehicles: 'Review plates', realestate: null, brand: null };
/** What is read on a workspace's photos, shown on the album's tiles and edited in the photo dialog. */
const TAG_KINDS: Record<WorkspaceKind, TagKind | null> = { events: 'bib', vehicles: 'plate', realestate: null, brand: null };


/** One album: its photos with live processing status and the uploader, its review queue, its settings. */
export function AlbumPage() {
  const { id = '' } = useParams();
  const kind = useWorkspaceKind();
  const reviewTab = REVIEW_TABS[kind];
  const { album, uppy, summary, counts, photos, loading, forget, retag } = useLiveAlbum(id);

  if (!album.data) {
    return album.error ? <p role="alert" className="text-red-700">{album.error.message}</p> : <Spinner label="Loading album…" />;
  }
  const { album: info } = album.data;
  const visibility = VISIBILITY[info.visibility];
  return (
    <>
      <Link to="/albums" className="mb-3 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden /> Albums
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{info.title}</h1>
        <div className="flex items-center gap-3 text-sm">
          <span className="inline-flex items-center gap-1 text-slate-600" title={visibility.hint}>
            <visibility.icon className="size-4" aria-hidden /> {visibility.label}
          </span>
          {info.visibility !== 'private' && (
            <a className="inline-flex items-center gap-1 font-medium text-brand-700 underline" href={`/e/${info.slug}`} target="_blank" rel="noreferrer">
              Open public gallery <ExternalLink className="size-4" aria-hidden />
            </a>
          )}
        </div>
      </div>
      <nav aria-label="Album" className="mt-4 flex gap-2 border-b border-slate-200">
        <NavLink end to={`/albums/${id}`} className={tabClass}>Photos</NavLink>
        {reviewTab && <NavLink to={`/albums/${id}/review`} className={tabClass}>{reviewTab}</NavLink>}
        <NavLink to={`/albums/${id}/settings`} className={tabClass}>Settings</NavLink>
      </nav>
      <div className="mt-6">
        <Routes>
          <Route
            index
            element={
              <div className="space-y-6">
                <UploadPanel albumId={id} uppy={uppy} summary={summary} />
                <StatusCounts counts={counts ?? {}} photos={photos} />
                <PhotoGrid photos={photos} loading={loading} tagKind={TAG_KINDS[kind]} onDeleted={forget} onRetagged={retag} />
              </div>
            }
          />
          <Route path="review" element={<ReviewQueue albumId={id} />} />
          <Route path="settings" element={<AlbumSettings album={info} photos={photos} onSaved={album.reload} />} />
        </Routes>
      </div>
    </>
  );
}
