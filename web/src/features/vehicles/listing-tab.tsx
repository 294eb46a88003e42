/**
 * The vehicle page's Listing tab: write a listing from the record (language, tone), edit and save
 * it, copy it, and get it out — the copy pack and the workspace's export feeds.
 */
import { Check, ClipboardCopy, Sparkles } from 'lucide-react';
import { type ReactNode, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { Field, FormError, SelectField } from '../../components/field';
import { Spinner } from '../../components/spinner';
import { useAction } from '../../lib/use-action';
import { useResource } from '../../lib/use-resource';
import { LISTING_TEXT_MAX, LISTING_TITLE_MAX, type ListingEngine, type ListingTone } from '../../../../workers/shared/schemas/listing';
import type { ListingLang } from '../../../../workers/shared/enums';
import { ListingExports } from './listing-exports';

const LANGS: Record<ListingLang, string> = { fr: 'French', en: 'English' };
const TONES: Record<ListingTone, string> = { professional: 'Professional', friendly: 'Friendly', premium: 'Premium' };
const ENGINES: Record<ListingEngine, string> = { 'workers-ai': 'Written by Workers AI', template: 'Written from the template' };

type Draft = { title: string; text: string; lang: ListingLang };

export function ListingTab({ albumId }: { albumId: string }) {
  const vehicle = useResource(() => api.vehicles.get(albumId).then((r) => r.vehicle), [albumId]);
  const [draft, setDraft] = useState<Draft>({ title: '', text: '', lang: 'fr' });
  const [tone, setTone] = useState<ListingTone>('professional');
  const [saved, setSaved] = useState<Draft | null>(null);
  const [engine, setEngine] = useState<ListingEngine | null>(null);
  const { busy, error, notice, run } = useAction<'write' | 'save'>();

  const loaded = vehicle.data?.listing ?? null;
  useEffect(() => {
    if (!loaded) return;
    setDraft(loaded);
    setSaved(loaded);
  }, [loaded]);

  if (!vehicle.data) {
    return vehicle.error ? <FormError error={vehicle.error.message} /> : <Spinner label="Loading the listing…" />;
  }
  const unsaved = !saved || saved.title !== draft.title || saved.text !== draft.text || saved.lang !== draft.lang;
  const write = () =>
    run('write', async () => {
      if (draft.text && unsaved && !window.confirm('Replace the text you are editing with a new one?')) return '';
      const { listing } = await api.listing.write(albumId, { lang: draft.lang, tone });
      setDraft({ title: listing.title, text: listing.text, lang: listing.lang });
      setEngine(listing.engine);
      return 'A new listing is ready: read it, edit it, then save.';
    });
  const save = () =>
    run('save', async () => {
      const { listing } = await api.listing.save(albumId, draft);
      setDraft(listing);
      setSaved(listing);
      return 'Listing saved.';
    });
  const fields = error?.fields ?? {};
  const missing = error?.code === 'LISTING_NEEDS_DETAILS' ? 'Fill in the make and model in the Details tab first.' : null;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <section aria-labelledby="listing-heading" className="space-y-4 rounded-2xl bg-white p-4 ring-1 ring-slate-200 sm:p-6">
        <h2 id="listing-heading" className="text-lg font-semibold">Listing text</h2>
        <div className="flex flex-wrap items-end gap-3">
          <SelectField label="Language" value={draft.lang} onChange={(e) => setDraft({ ...draft, lang: e.target.value as ListingLang })} error={fields.lang}>
            {Object.entries(LANGS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </SelectField>
          <SelectField label="Tone" value={tone} onChange={(e) => setTone(e.target.value as ListingTone)} error={fields.tone}>
            {Object.entries(TONES).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </SelectField>
          <Button onClick={write} busy={busy === 'write'} disabled={busy !== null} icon={<Sparkles className="size-4" aria-hidden />}>
            {busy === 'write' ? 'Writing…' : 'Write the listing'}
          </Button>
        </div>
        {engine && <p className="text-sm text-slate-500">{ENGINES[engine]} from the vehicle's details.</p>}
        <Field
          label="Title"
          value={draft.title}
          maxLength={LISTING_TITLE_MAX}
          onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          error={fields.title}
          hint={<Count n={draft.title.length} max={LISTING_TITLE_MAX} />}
        />
        <TextArea label="Text" value={draft.text} max={LISTING_TEXT_MAX} error={fields.text} onChange={(text) => setDraft({ ...draft, text })} />
        <FormError error={missing ?? (error && !Object.keys(fields).length ? error.message : null)} />
        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={save} busy={busy === 'save'} disabled={busy !== null || !unsaved || !draft.title.trim() || !draft.text.trim()}>Save</Button>
          <CopyButton text={draft.title ? `${draft.title}\n\n${draft.text}` : draft.text} />
          <p role="status" className="text-sm text-slate-600">{notice || (unsaved && draft.text ? 'Unsaved changes' : '')}</p>
        </div>
      </section>
      <ListingExports albumId={albumId} published={vehicle.data.status === 'published'} />
    </div>
  );
}

function Count({ n, max }: { n: number; max: number }) {
  return <span className={n > max ? 'text-red-600' : undefined}>{n.toLocaleString()} / {max.toLocaleString()} characters</span>;
}

/** A labelled multi-line text box with its character count, styled as the other fields. */
function TextArea({ label, value, max, error, onChange }: { label: string; value: string; max: number; error?: string; onChange: (value: string) => void }) {
  return (
    <div>
      <label className="block text-sm font-medium text-slate-700">
        {label}
        <textarea
          className="mt-1 block min-h-72 w-full rounded-lg border-0 bg-white px-3 py-2 font-normal text-slate-900 ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-500 aria-invalid:ring-red-500"
          value={value}
          maxLength={max}
          aria-invalid={Boolean(error) || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      <p className="mt-1 text-sm text-slate-500">{error ? <span className="text-red-600">{error}</span> : <Count n={value.length} max={max} />}</p>
    </div>
  );
}

function CopyButton({ text }: { text: string }): ReactNode {
  const [copied, setCopied] = useState(false);
  const [failed, setFailed] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setFailed(true);
    }
  };
  return (
    <Button variant="secondary" onClick={copy} disabled={!text} icon={copied ? <Check className="size-4" aria-hidden /> : <ClipboardCopy className="size-4" aria-hidden />}>
      {copied ? 'Copied' : failed ? 'Copy failed: select the text' : 'Copy text'}
    </Button>
  );
}
