/** The studio's state for a vehicle's Photos tab: the look, its cost, applying it, polling while images are made. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { Photo, StudioOptions, StudioPhoto, StudioRequest } from '../../api/types';
import { useAction } from '../../lib/use-action';
import { usePoll } from '../../lib/use-poll';
import { useResource } from '../../lib/use-resource';
import { plural } from '../../lib/format';
import { studioUnderWay } from '../albums/use-album-photos';

const POLL_MS = 2000;

/** The panel's look; `positionY` null: the car stands on the backdrop's own floor line (the API's default). */
export type Look = Omit<StudioOptions, 'positionY'> & { positionY: number | null };

/** One click must already look good: the indoor showroom, the car centred, a contact shadow. */
export const DEFAULT_LOOK: Look = {
  backdrop: 'showroom_indoor',
  scale: 1,
  positionX: 0.5,
  positionY: null,
  autoCentre: true,
  shadow: true,
  reflection: false,
  plate: 'keep',
};

/** The body sent: the floor line is left to the API unless the dealer moved the car up or down. */
export function studioRequest({ positionY, ...look }: Look): StudioRequest {
  return positionY === null ? look : { ...look, positionY };
}

type AlbumPhotos = { photos: StudioPhoto[]; replace: (photo: Photo) => void; refresh: (all?: boolean) => Promise<void> };

/**
 * The studio of a vehicle's photos: the look being chosen, what it costs against the balance
 * (asked before anything starts), applying it to one photo or to all, and the photos list polled
 * every 2 s while any studio image is queued or being made (and not once none is).
 */
export function useStudio(albumId: string, { photos, replace, refresh }: AlbumPhotos) {
  const [look, setLookState] = useState<Look>(DEFAULT_LOOK);
  const chosen = useRef(false);
  const setLook: typeof setLookState = (change) => {
    chosen.current = true;
    setLookState(change);
  };
  // Back on the page after a run, the panel shows the look the vehicle got (on the backdrop's own
  // floor line: whether the height was moved is not kept), so "Apply to all" does not undo it.
  const last = photos.find((p) => p.studio?.options)?.studio?.options;
  useEffect(() => {
    if (!last || chosen.current) return;
    chosen.current = true;
    setLookState({ ...last, positionY: null });
  }, [last]);
  const readyCount = photos.filter((p) => p.status === 'ready').length;
  const underWay = photos.some(studioUnderWay);

  // The balance moves when work is reserved and when a failure is refunded: ask again then.
  const cost = useResource(async () => (readyCount ? api.studio.estimate(readyCount) : null), [readyCount, underWay]);

  const poll = useCallback(() => void refresh().catch(() => undefined), [refresh]);
  usePoll(underWay, poll, POLL_MS);

  const { busy, error, notice, run } = useAction<'photo' | 'all'>(cost.reload);

  const applyToPhoto = (photoId: string) =>
    run('photo', async () => {
      const { photo } = await api.studio.applyToPhoto(photoId, studioRequest(look));
      replace(photo);
      return 'This photo is on its way to the studio.';
    });
  const applyToAll = () =>
    run('all', async () => {
      const { queued, credits } = await api.studio.applyToAlbum(albumId, studioRequest(look));
      await refresh(true);
      const what = queued === 1 ? '1 photo is' : `${queued} photos are`;
      return `${what} on the way to the studio (${plural(credits, 'credit')} reserved).`;
    });

  /** A 400's messages by field, shown under their controls. */
  const fieldErrors = error?.status === 400 ? error.fields : {};
  // A run's notice is news while it is under way; the photos tell the rest.
  return { look, setLook, cost, busy, error, fieldErrors, notice: underWay ? notice : null, underWay, readyCount, applyToPhoto, applyToAll };
}

export type Studio = ReturnType<typeof useStudio>;
