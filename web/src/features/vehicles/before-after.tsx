/** A vehicle photo before and after the studio, with the studio's state under it. */
import type { StudioPhoto } from '../../api/types';
import { BeforeAfter as Compare } from '../../components/before-after';
import { StudioState } from './studio-state';

export function BeforeAfter({ photo }: { photo: StudioPhoto }) {
  const studio = photo.studio ?? null;
  return (
    <Compare photo={photo} afterPath={studio?.url ?? null} afterAlt={`${photo.name} in the studio`} failedText="The studio image could not be loaded.">
      <StudioState studio={studio} />
    </Compare>
  );
}
