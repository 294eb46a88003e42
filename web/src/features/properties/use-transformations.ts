/** A property's transformations, kept live while any is under way, with a notice for each lot that finishes. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { Transformation } from '../../api/types';
import { usePoll } from '../../lib/use-poll';
import { useResource } from '../../lib/use-resource';
import { underWay } from './property-words';

const POLL_MS = 2000;

/** Transformations seen finishing in one look: the in-app notice says which are ready and which failed (refunded). */
export type Finished = { key: number; done: Transformation[]; failed: Transformation[] };

/**
 * `GET /v1/albums/:id/transformations`, polled every 2 s while any is queued or running (and not
 * once none is). `onFinished` runs when some finish: the balance moves on a refund, the photos'
 * versions change.
 */
export function useTransformations(albumId: string, onFinished?: () => void) {
  const list = useResource(() => api.transformations.ofAlbum(albumId), [albumId]);
  const rows = list.data?.transformations;
  const working = Boolean(rows?.some(underWay));
  // What was under way at the last look (and what was just asked for): a finish is news only for these.
  const watched = useRef(new Set<string>());
  const [finished, setFinished] = useState<Finished[]>([]);

  useEffect(() => {
    if (!rows) return;
    const now = rows.filter((t) => watched.current.has(t.id) && !underWay(t));
    // An id asked for but not in this answer yet (an older poll's) stays watched.
    const listed = new Set(rows.map((t) => t.id));
    watched.current = new Set([...rows.filter(underWay).map((t) => t.id), ...[...watched.current].filter((id) => !listed.has(id))]);
    if (now.length === 0) return;
    setFinished((shown) => [...shown, { key: Date.now(), done: now.filter((t) => t.status === 'done'), failed: now.filter((t) => t.status === 'failed') }]);
    onFinished?.();
  }, [rows, onFinished]);

  const { reload } = list;
  usePoll(working, reload, POLL_MS);

  /** Just asked for: watched from now on, and shown at once. */
  const track = useCallback((made: Transformation[]) => {
    for (const t of made) watched.current.add(t.id);
    reload();
  }, [reload]);
  const dismiss = (key: number) => setFinished((shown) => shown.filter((f) => f.key !== key));
  return { transformations: rows ?? [], loading: list.loading && !rows, error: list.error, working, finished, track, dismiss };
}

export type LiveTransformations = ReturnType<typeof useTransformations>;

/** The run under way: every transformation of the batches that still have one queued or running, and how many of them are finished. */
export function progressOf(rows: Transformation[]) {
  const open = new Set(rows.filter(underWay).map((t) => t.batchId));
  const batch = rows.filter((t) => open.has(t.batchId));
  return { total: batch.length, finished: batch.filter((t) => !underWay(t)).length };
}
