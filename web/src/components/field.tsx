import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';

const control =
  'block w-full rounded-lg border-0 bg-white px-3 py-2 text-slate-900 ring-1 ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-500 aria-invalid:ring-red-500 min-h-10';

type FieldProps = { label: string; error?: string; hint?: ReactNode };
type ControlProps = { id: string; className: string; 'aria-invalid'?: boolean; 'aria-describedby': string };

/** Label, control and note, wired together by ids and aria attributes; `control` renders the input itself. */
function Labelled({ label, error, hint, className, control: render }: FieldProps & { className: string; control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      {render({ id, className: control, 'aria-invalid': Boolean(error) || undefined, 'aria-describedby': `${id}-note` })}
      <FieldNote id={`${id}-note`} error={error} hint={hint} />
    </div>
  );
}

/** A labelled input with its hint and error wired to aria attributes. */
export function Field({ label, error, hint, className = '', ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return <Labelled label={label} error={error} hint={hint} className={className} control={(wiring) => <input {...wiring} {...input} />} />;
}

export function SelectField({ label, error, hint, className = '', children, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Labelled
      label={label}
      error={error}
      hint={hint}
      className={className}
      control={(wiring) => (
        <select {...wiring} {...select}>
          {children}
        </select>
      )}
    />
  );
}

/** A labelled multi-line text box. */
export function TextareaField({ label, error, hint, className = '', ...textarea }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Labelled label={label} error={error} hint={hint} className={className} control={(wiring) => <textarea {...wiring} rows={4} {...textarea} />} />;
}

function FieldNote({ id, error, hint }: { id: string; error?: string; hint?: ReactNode }) {
  if (error) return <p id={id} className="mt-1 text-sm text-red-600">{error}</p>;
  if (hint) return <p id={id} className="mt-1 text-sm text-slate-500">{hint}</p>;
  return null;
}

/** A form-level error (not tied to one field). */
export function FormError({ error }: { error?: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">
      {error}
    </p>
  );
}
