/**
 * A property photo's versions, in its dialog: the original against a transformation (before/after),
 * every version with its state, which one the public gallery shows ("Use this version", "Back to
 * original"), and both files to download. A labelled version says so here as on its image.
 */
import { Download, Undo2 } from 'lucide-react';
import { useState } from 'react';
import { api, type ApiError } from '../../api/client';
import type { Photo, Transformation } from '../../api/types';
import { BeforeAfter } from '../../components/before-after';
import { Button } from '../../components/button';
import { FormError } from '../../components/field';
import { formatDateTime } from '../../lib/format';
import { saveFile } from '../../lib/save-file';
import { useAction } from '../../lib/use-action';
import { labelOf, underWay, versionName } from './property-words';

type Props = { photo: Photo; versions: Transformation[]; onChanged: (photo: Photo) => void };

const baseName = (name: string) => name.replace(/\.[^.]+$/, '');

export function PhotoVersions({ photo, versions, onChanged }: Props) {
  const done = versions.filter((t) => t.status === 'done');
  // Until the agent picks one: the version the gallery shows, else the newest done (one finishing while the dialog is open comes in).
  const [picked, setCompareId] = useState<string | null>(null);
  const compareId = picked ?? photo.shownTransformationId ?? done[0]?.id ?? null;
  const compare = done.find((t) => t.id === compareId) ?? null;
  const label = compare && labelOf(compare);
  const { busy, error, run } = useAction<'use' | 'original' | 'download'>();
  const shown = versions.find((t) => t.id === photo.shownTransformationId);

  const show = (what: 'use' | 'original', id: string | null) =>
    run(what, async () => {
      onChanged((await api.transformations.show(photo.id, id)).photo);
      return '';
    });
  const download = (load: () => Promise<Blob>, name: string) =>
    run('download', async () => {
      saveFile(await load(), name);
      return '';
    });

  return (
    <div className="space-y-4">
      {/* At most 60 % of the window's height (for a 3:2 photo), so the versions and buttons stay in sight. */}
      <div className="mx-auto" style={{ maxWidth: 'min(100%, 90vh)' }}>
        <BeforeAfter
          photo={photo}
          afterPath={compare?.urls?.web ?? null}
          afterAlt={compare ? `${photo.name}: ${versionName(compare)}` : ''}
          afterTag={label ?? 'After'}
          failedText="This version could not be loaded."
        >
          {label && (
            <p className="text-sm text-amber-900" data-testid="version-label">
              Labelled “{label}” on the image: a listing photo that adds or removes something must say so (MLS disclosure rules, French rules on misleading advertising).
            </p>
          )}
        </BeforeAfter>
      </div>
      <p className="text-sm text-slate-700" data-testid="shown-version">The public gallery shows {shown ? versionName(shown) : 'the original'}.</p>

      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">Versions</legend>
        <ul className="space-y-1 text-sm">
          {versions.map((t) => (
            <li key={t.id} className="flex items-center gap-2">
              <input type="radio" name="version" id={`v-${t.id}`} disabled={t.status !== 'done'} checked={compareId === t.id} onChange={() => setCompareId(t.id)} />
              <label htmlFor={`v-${t.id}`} className="flex-1">
                {versionName(t)}{labelOf(t) ? ` · “${labelOf(t)}”` : ''}
                <span className="text-slate-500"> · {underWay(t) ? 'in progress…' : t.status === 'failed' ? `failed (${t.reason ?? 'no reason given'}), credits refunded` : formatDateTime(t.finishedAt ?? t.createdAt)}</span>
                {t.id === photo.shownTransformationId && <span className="ml-1 rounded bg-emerald-100 px-1.5 text-xs text-emerald-800">in the gallery</span>}
              </label>
            </li>
          ))}
        </ul>
        {versions.length === 0 && <p className="text-sm text-slate-500">No transformation yet: select the photo and pick one.</p>}
      </fieldset>

      <FormError error={(error as ApiError | null)?.message} />
      <div className="flex flex-wrap gap-2">
        {compare && compare.id !== photo.shownTransformationId && <Button busy={busy === 'use'} onClick={() => show('use', compare.id)}>Use this version</Button>}
        {photo.shownTransformationId && (
          <Button variant="secondary" busy={busy === 'original'} icon={<Undo2 className="size-4" aria-hidden />} onClick={() => show('original', null)}>Back to original</Button>
        )}
        <Button variant="secondary" icon={<Download className="size-4" aria-hidden />} disabled={busy === 'download'} onClick={() => download(() => api.photos.original(photo.id), photo.name)}>
          Download original
        </Button>
        {compare?.urls && (
          <Button variant="secondary" icon={<Download className="size-4" aria-hidden />} disabled={busy === 'download'}
            onClick={() => download(() => api.privateFile(`${compare.urls!.web}?download=1`), `${baseName(photo.name)}-${compare.kind}.webp`)}>
            Download this version
          </Button>
        )}
      </div>
    </div>
  );
}
