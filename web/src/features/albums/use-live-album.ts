import { useEffect } from 'react';
import { api } from '../../api/client';
import type { PhotoCounts } from '../../api/types';
import { usePoll } from '../../lib/use-poll';
import { useResource } from '../../lib/use-resource';
import { useUploader } from '../upload/use-uploader';
import { useAlbumPhotos } from './use-album-photos';

const POLL_MS = 2000;
const busy = (counts: PhotoCounts | undefined) => Boolean(counts && (counts.uploaded ?? 0) + (counts.processing ?? 0) + (counts.reading ?? 0) > 0);

/**
 * An album with its uploader and its photos, kept live: the album (its counts by status) is polled
 * while uploads run or the pipeline still has work, and the photos follow the counts.
 * Used by the album screen and a vehicle's Photos tab.
 */
export function useLiveAlbum(albumId: string) {
  const album = useResource(() => api.albums.get(albumId), [albumId]);
  const { uppy, summary } = useUploader(albumId);
  const counts = album.data?.photoCounts;
  const photos = useAlbumPhotos(albumId, counts);

  const working = summary.active || busy(counts);
  const { reload } = album;
  usePoll(working, reload, POLL_MS);
  // biome-ignore lint/correctness/useExhaustiveDependencies: one more look once uploads settle
  useEffect(() => reload(), [summary.done, summary.active]);

  return { album, uppy, summary, counts, ...photos };
}
