/**
 * What to do to the photos: the transformation (each with its cost), the staging style, the room;
 * the cost for the selected photos and for all of them against the balance, before anything starts.
 */
import { Sparkles } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { TRANSFORMATIONS } from '../../../../workers/shared/billing/transformations';
import { STAGING_STYLES, TRANSFORMATION_KINDS } from '../../../../workers/shared/enums';
import { api } from '../../api/client';
import type { Photo, RoomType, StagingStyle, Transformation, TransformationKind } from '../../api/types';
import { Button } from '../../components/button';
import { SelectField } from '../../components/field';
import { PaidWorkError } from '../../components/paid-work-error';
import { plural } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { ROOM_LABELS, STYLE_LABELS } from './property-words';

type Props = {
  albumId: string;
  /** The photos that can be transformed (processed). */
  photos: Photo[];
  selected: string[];
  /** The workspace's credit balance (undefined while it loads). */
  balance: number | undefined;
  /** Called with what was queued (and after a failure too: the balance is asked again). */
  onStarted: (made: Transformation[]) => void;
  onSettled: () => void;
};

export function TransformationPicker({ albumId, photos, selected, balance, onStarted, onSettled }: Props) {
  const [kind, setKind] = useState<TransformationKind>('enhance');
  const [style, setStyle] = useState<StagingStyle>('modern');
  const [room, setRoom] = useState<RoomType | ''>('');
  const { busy, error, notice, run } = useAction<'selected' | 'all'>(onSettled);
  const entry = TRANSFORMATIONS[kind];
  const chosen = photos.filter((p) => selected.includes(p.id));

  const apply = (what: 'selected' | 'all', targets: Photo[]) =>
    run(what, async () => {
      const options = { kind, ...(entry.needsStyle && { style }), ...(room && { roomType: room }) };
      if (targets.length === 1) {
        const { transformation } = await api.transformations.applyToPhoto(targets[0]!.id, options);
        onStarted([transformation]);
        return `${entry.name} of ${targets[0]!.name} is on its way (${plural(transformation.credits, 'credit')} reserved).`;
      }
      const made = await api.transformations.applyToAlbum(albumId, { items: targets.map((p) => ({ photoId: p.id, ...options })) });
      onStarted(made.transformations);
      return `${entry.name} of ${targets.length} photos is on its way (${plural(made.credits, 'credit')} reserved).`;
    });

  return (
    <section aria-labelledby="picker-title" className="space-y-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 lg:sticky lg:top-20">
      <h2 id="picker-title" className="text-lg font-semibold">Transform photos</h2>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">Transformation</legend>
        {TRANSFORMATION_KINDS.map((k) => (
          <label key={k} className="flex cursor-pointer gap-3 rounded-lg p-2 ring-1 ring-slate-200 has-checked:bg-brand-50 has-checked:ring-brand-500">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="mt-1" />
            <span className="text-sm">
              <span className="flex justify-between gap-2 font-medium">{TRANSFORMATIONS[k].name} <span className="shrink-0 text-slate-600">{plural(TRANSFORMATIONS[k].credits, 'credit')}</span></span>
              <span className="block text-slate-600">{TRANSFORMATIONS[k].description}</span>
              {TRANSFORMATIONS[k].label && <span className="mt-0.5 block text-xs text-amber-800">Labelled “{TRANSFORMATIONS[k].label!.en}” on the photo</span>}
            </span>
          </label>
        ))}
      </fieldset>
      {entry.needsStyle && (
        <SelectField label="Style" name="style" value={style} onChange={(e) => setStyle(e.target.value as StagingStyle)} hint="Every room staged in one style looks like one home.">
          {STAGING_STYLES.map((s) => <option key={s} value={s}>{STYLE_LABELS[s]}</option>)}
        </SelectField>
      )}
      <SelectField label="Room" name="roomType" value={room} onChange={(e) => setRoom(e.target.value as RoomType | '')}>
        <option value="">Each photo's own room</option>
        {Object.entries(ROOM_LABELS).map(([value, name]) => <option key={value} value={value}>{name}</option>)}
      </SelectField>
      <CostLine each={entry.credits} selected={chosen.length} all={photos.length} balance={balance} />
      <div className="flex flex-col gap-2">
        <Button icon={<Sparkles className="size-4" aria-hidden />} busy={busy === 'selected'} disabled={chosen.length === 0 || busy !== null} onClick={() => apply('selected', chosen)}>
          {chosen.length === 0 ? 'Select photos to transform' : `Apply to ${plural(chosen.length, 'selected photo')}`}
        </Button>
        <Button variant="secondary" busy={busy === 'all'} disabled={photos.length === 0 || busy !== null} onClick={() => apply('all', photos)}>
          Apply to all {photos.length > 1 ? `${photos.length} ` : ''}photos
        </Button>
      </div>
      {error && <PaidWorkError error={error} />}
      <p aria-live="polite" className="text-sm text-emerald-700">{notice}</p>
    </section>
  );
}

/** The price before anything starts: a photo, the selection, all of them, and the balance they come out of. */
function CostLine({ each, selected, all, balance }: { each: number; selected: number; all: number; balance: number | undefined }) {
  if (all === 0) return <p className="text-sm text-slate-500">Transformations open once a photo is processed.</p>;
  // What is missing for the selection, else for all photos: said before the click, not only by the 402.
  const missing = balance === undefined ? 0 : Math.max(0, each * (selected || all) - balance);
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2 text-sm" data-testid="transform-cost">
      <p><span className="font-medium">{plural(each, 'credit')}</span> a photo</p>
      {selected > 0 && <p>Selected ({selected}): <span className="font-medium">{plural(each * selected, 'credit')}</span></p>}
      {all > 1 && <p>All {all} photos: <span className="font-medium">{plural(each * all, 'credit')}</span></p>}
      <p className="text-slate-600">Your balance: {balance === undefined ? '…' : plural(balance, 'credit')}</p>
      {missing > 0 && (
        <p className="mt-1 text-amber-800">
          {plural(missing, 'more credit')} needed for {selected ? 'the selected photos' : 'all photos'}. <Link to="/billing" className="font-medium underline">Buy credits</Link>
        </p>
      )}
    </div>
  );
}
