import { CircleCheck, Mail } from 'lucide-react';
import { useState } from 'react';
import { LEAD_LIMITS } from '../../../../workers/shared/constants';
import { ApiError, api } from '../../api/client';
import { Button } from '../../components/button';
import { Field, FormError, TextareaField } from '../../components/field';
import type { Copy } from './copy';

type Fields = { name: string; email: string; phone: string; message: string };
type Errors = Partial<Record<keyof Fields, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ().-]{4,}$/;

/** The same rules as the Worker's (workers/shared/schemas/leads.ts), in the page's language. */
function check(f: Fields, copy: Copy['contact']): Errors {
  const errors: Errors = {};
  if (!f.name.trim()) errors.name = copy.errors.name;
  if (!EMAIL.test(f.email.trim())) errors.email = copy.errors.email;
  if (f.phone.trim() && !PHONE.test(f.phone.trim())) errors.phone = copy.errors.phone;
  if (!f.message.trim()) errors.message = copy.errors.message;
  for (const key of ['name', 'email', 'phone', 'message'] as const) {
    if (!errors[key] && f[key].trim().length > LEAD_LIMITS[key]) errors[key] = copy.errors.tooLong(LEAD_LIMITS[key]);
  }
  return errors;
}

/** What the API refused, in the page's words: a field it names gets that field's message. */
function refusal(err: unknown, copy: Copy['contact']): { fields: Errors; form: string | null } {
  if (!(err instanceof ApiError)) return { fields: {}, form: copy.errors.network };
  if (err.code === 'RATE_LIMITED') return { fields: {}, form: copy.errors.rateLimited };
  if (err.code === 'VEHICLE_SOLD') return { fields: {}, form: copy.soldNote };
  const named = Object.keys(err.fields).filter((k): k is keyof Fields => ['name', 'email', 'phone', 'message'].includes(k));
  if (named.length) return { fields: Object.fromEntries(named.map((k) => [k, copy.errors[k]])), form: null };
  return { fields: {}, form: err.status === 0 ? copy.errors.network : err.message };
}

/**
 * The visitor's message to the dealer. `website` is a honeypot: hidden from people (and from
 * screen readers and the tab order), so only a bot fills it; the Worker then keeps nothing.
 */
export function ContactForm({ slug, dealer, copy: all }: { slug: string; dealer: string; copy: Copy }) {
  const copy = all.contact;
  const [fields, setFields] = useState<Fields>({ name: '', email: '', phone: '', message: copy.defaultMessage });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const set = (key: keyof Fields) => (e: { target: { value: string } }) => {
    setFields((f) => ({ ...f, [key]: e.target.value }));
    if (errors[key]) setErrors((x) => ({ ...x, [key]: undefined }));
  };

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const found = check(fields, copy);
    setErrors(found);
    setFormError(null);
    const first = Object.keys(found)[0];
    if (first) {
      e.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const website = String(new FormData(e.currentTarget).get('website') ?? '');
      await api.publicVehicles.contact(slug, { ...fields, phone: fields.phone.trim() || undefined, ...(website ? { website } : {}) });
      setSent(true);
    } catch (err) {
      const { fields: named, form } = refusal(err, copy);
      setErrors(named);
      setFormError(form);
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <div role="status" className="rounded-2xl bg-emerald-50 p-5 text-emerald-900 ring-1 ring-emerald-200">
        <p className="flex items-center gap-2 font-semibold">
          <CircleCheck className="size-5" aria-hidden /> {copy.sent}
        </p>
        <p className="mt-1 text-sm">{copy.sentBody(dealer)}</p>
        <Button variant="secondary" className="mt-4" onClick={() => { setSent(false); setFields((f) => ({ ...f, message: copy.defaultMessage })); }}>
          {copy.another}
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="contact-title" className="space-y-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="contact-title" className="flex items-center gap-2 text-lg font-semibold">
        <Mail className="size-5 text-brand-600" aria-hidden /> {copy.title}
      </h2>
      <Field label={copy.name} name="name" autoComplete="name" value={fields.name} onChange={set('name')} error={errors.name} maxLength={LEAD_LIMITS.name} required />
      <Field label={copy.email} name="email" type="email" autoComplete="email" value={fields.email} onChange={set('email')} error={errors.email} maxLength={LEAD_LIMITS.email} required />
      <Field label={copy.phone} name="phone" type="tel" autoComplete="tel" value={fields.phone} onChange={set('phone')} error={errors.phone} maxLength={LEAD_LIMITS.phone} />
      <TextareaField label={copy.message} name="message" value={fields.message} onChange={set('message')} error={errors.message} maxLength={LEAD_LIMITS.message} required />
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label>
          Website
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
      <FormError error={formError} />
      <Button type="submit" busy={busy} className="w-full">{copy.send}</Button>
      <p className="text-xs text-slate-500">{copy.privacy}</p>
    </form>
  );
}
