/** The studio's options panel: placement, effects, plate, the cost before anything starts, and the two ways to apply. */
import { RotateCcw, Sparkles } from 'lucide-react';
import { Link } from 'react-router';
import type { StudioPhoto } from '../../api/types';
import { Button } from '../../components/button';
import { PaidWorkError } from '../../components/paid-work-error';
import { plural } from '../../lib/format';
import { studioUnderWay } from '../albums/use-album-photos';
import { Choice, Slider, Toggle } from './studio-controls';
import { DEFAULT_LOOK, type Look, type Studio } from './use-studio';

/** Where the height slider sits while the car stands on the backdrop's own floor line (which only the API knows). */
const FLOOR_SHOWN = 0.8;
const PLATES = [
  { value: 'keep', label: 'Keep' },
  { value: 'blur', label: 'Blur' },
  { value: 'logo', label: 'Dealer logo' },
] as const;
const percent = (v: number) => `${Math.round(v * 100)} %`;

/** The look's controls and the apply buttons; `photo` is the one "Apply to this photo" means. */
export function StudioPanel({ studio, photo }: { studio: Studio; photo: StudioPhoto | null }) {
  const { look, setLook, busy, error, fieldErrors: fields, notice, underWay, readyCount } = studio;
  const set = (change: Partial<Look>) => setLook((l) => ({ ...l, ...change }));
  const photoReady = photo?.status === 'ready' && !studioUnderWay(photo);
  return (
    <section aria-label="Studio options" className="space-y-5 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 lg:sticky lg:top-4">
      <fieldset className="space-y-2">
        <legend className="flex w-full items-center justify-between text-sm font-medium text-slate-700">
          Placement
          <button type="button" className="inline-flex items-center gap-1 text-xs font-normal text-slate-600 underline hover:text-slate-900" onClick={() => set({ scale: DEFAULT_LOOK.scale, positionX: DEFAULT_LOOK.positionX, positionY: DEFAULT_LOOK.positionY })}>
            <RotateCcw className="size-3" aria-hidden /> Reset
          </button>
        </legend>
        <Toggle label="Auto-centre the car" hint="Finds the car in the photo and centres it" checked={look.autoCentre} onChange={(autoCentre) => set({ autoCentre })} error={fields.autoCentre} />
        <Slider label="Size" min={0.5} max={2} step={0.05} value={look.scale} onChange={(scale) => set({ scale })} shown={`${look.scale.toFixed(2)}×`} error={fields.scale} />
        <Slider label="Left – right" min={0} max={1} step={0.01} value={look.positionX} onChange={(positionX) => set({ positionX })} shown={percent(look.positionX)} error={fields.positionX} />
        <Slider
          label="Height"
          min={0}
          max={1}
          step={0.01}
          value={look.positionY ?? FLOOR_SHOWN}
          onChange={(positionY) => set({ positionY })}
          shown={look.positionY === null ? 'On the floor line' : percent(look.positionY)}
          error={fields.positionY}
        />
      </fieldset>

      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">Effects</legend>
        <Toggle label="Shadow" hint="A contact shadow under the body and tyres" checked={look.shadow} onChange={(shadow) => set({ shadow })} error={fields.shadow} />
        <Toggle label="Floor reflection" hint="A fading mirror image, for glossy floors" checked={look.reflection} onChange={(reflection) => set({ reflection })} error={fields.reflection} />
      </fieldset>

      <Choice legend="Number plate" name="plate" options={[...PLATES]} value={look.plate} onChange={(plate) => set({ plate })} error={fields.plate} />

      <CostLine studio={studio} />
      <div className="flex flex-col gap-2">
        <Button icon={<Sparkles className="size-4" aria-hidden />} busy={busy === 'photo'} disabled={!photoReady || busy !== null} onClick={() => photo && studio.applyToPhoto(photo.id)}>
          Apply to this photo
        </Button>
        <Button variant="secondary" busy={busy === 'all'} disabled={readyCount === 0 || underWay || busy !== null} onClick={studio.applyToAll}>
          Apply to all {readyCount > 1 ? `${readyCount} ` : ''}photos
        </Button>
        {underWay && <p className="text-xs text-slate-500">The studio is at work: apply again once it is done.</p>}
      </div>
      {error && <PaidWorkError error={error} />}
      <p aria-live="polite" className="text-sm text-emerald-700">{notice}</p>
    </section>
  );
}

/** The price before anything starts: one photo, all of them, and the balance they come out of. */
function CostLine({ studio }: { studio: Studio }) {
  const { cost, readyCount } = studio;
  if (readyCount === 0) return <p className="text-sm text-slate-500">The studio opens once a photo is processed.</p>;
  const estimate = cost.data;
  if (!estimate) return <p className="text-sm text-slate-500" aria-busy>{cost.error ? 'The cost could not be worked out.' : 'Working out the cost…'}</p>;
  const each = Math.round(estimate.credits / estimate.count);
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2 text-sm" data-testid="studio-cost">
      <p>
        <span className="font-medium">{plural(each, 'credit')}</span> a photo
        {estimate.count > 1 && <> · all {estimate.count} photos: <span className="font-medium">{plural(estimate.credits, 'credit')}</span></>}
      </p>
      <p className="text-slate-600">Your balance: {plural(estimate.balance, 'credit')}</p>
      {!estimate.enough && (
        <p className="mt-1 text-amber-800">
          {plural(estimate.missing, 'more credit')} needed to apply to all photos. <Link to="/billing" className="font-medium underline">Buy credits</Link>
        </p>
      )}
    </div>
  );
}
