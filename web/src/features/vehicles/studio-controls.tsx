/** The studio panel's inputs: native range, checkbox and radio controls (keyboard and screen readers for free), styled. */
import { type ReactNode, useId } from 'react';

type SliderProps = {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  onChange: (value: number) => void;
  /** The value in words, shown next to the label and read out (`aria-valuetext`). */
  shown: string;
  error?: string;
};

/** A labelled range with its value in words. */
export function Slider({ label, min, max, step, value, onChange, shown, error }: SliderProps) {
  const id = useId();
  return (
    <div>
      <div className="flex items-baseline justify-between text-sm">
        <label htmlFor={id} className="font-medium text-slate-700">{label}</label>
        <output htmlFor={id} className="tabular-nums text-slate-600">{shown}</output>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={shown}
        aria-invalid={Boolean(error) || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
        className="mt-1 h-8 w-full cursor-pointer accent-brand-600"
      />
      {error && <p id={`${id}-error`} className="text-sm text-red-600">{error}</p>}
    </div>
  );
}

/** A checkbox drawn as a switch. */
export function Toggle({ label, hint, checked, onChange, error }: { label: string; hint?: string; checked: boolean; onChange: (on: boolean) => void; error?: string }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="flex cursor-pointer items-start gap-3 py-1">
        <input id={id} type="checkbox" role="switch" checked={checked} aria-checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} className="peer sr-only" />
        <span
          aria-hidden
          className="relative mt-0.5 h-6 w-10 shrink-0 rounded-full bg-slate-300 transition peer-checked:bg-brand-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500 after:absolute after:top-0.5 after:left-0.5 after:size-5 after:rounded-full after:bg-white after:shadow after:transition peer-checked:after:translate-x-4"
        />
        <span className="text-sm">
          <span className="font-medium text-slate-800">{label}</span>
          {hint && <span className="block text-slate-500">{hint}</span>}
        </span>
      </label>
      {error && <p className="text-sm text-red-600">{error}</p>}
    </div>
  );
}

/** One choice out of a few, as a row of buttons-looking radios. */
export function Choice<T extends string>({ legend, name, options, value, onChange, error }: {
  legend: ReactNode;
  name: string;
  options: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  error?: string;
}) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      <div className="flex rounded-lg bg-slate-100 p-1">
        {options.map((o) => (
          <label key={o.value} className="flex-1 cursor-pointer">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} className="peer sr-only" />
            <span className="block rounded-md px-2 py-1.5 text-center text-sm text-slate-700 transition peer-checked:bg-white peer-checked:font-medium peer-checked:text-slate-900 peer-checked:shadow-sm peer-focus-visible:outline-2 peer-focus-visible:outline-brand-500">
              {o.label}
            </span>
          </label>
        ))}
      </div>
      {error && <p className="mt-1 text-sm text-red-600">{error}</p>}
    </fieldset>
  );
}
