/**
 * A real-estate workspace's home: its properties (cover, address, type and size, price, photo and
 * transformation counts), newest first, with "Add a property".
 */
import { Building2, Plus, Sparkles } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { PropertySummary } from '../../api/types';
import { Button } from '../../components/button';
import { CoverCard } from '../../components/cover-card';
import { Dialog } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { Field, FormError } from '../../components/field';
import { Spinner } from '../../components/spinner';
import { formatEuros, plural } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';
import { sizeLine } from './property-words';

/** The property list, the first screen of a real-estate workspace. */
export function PropertiesPage() {
  const [cursor, setCursor] = useState<string | null>(null);
  const [list, setList] = useState<PropertySummary[]>([]);
  const [more, setMore] = useState<string | null>(null);
  const page = useResource(async () => {
    const result = await api.properties.list(cursor);
    setList((shown) => (cursor ? [...shown, ...result.properties] : result.properties));
    setMore(result.nextCursor);
    return result;
  }, [cursor]);
  const [adding, setAdding] = useState(false);

  const addButton = <Button onClick={() => setAdding(true)} icon={<Plus className="size-4" aria-hidden />}>Add a property</Button>;
  const nothingYet = list.length === 0 && !page.loading && !page.error;
  return (
    <>
      <div className="mb-4 flex items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Properties</h1>
        {!nothingYet && addButton}
      </div>
      {page.error && <p role="alert" className="text-red-700">{page.error.message}</p>}
      {nothingYet ? (
        <EmptyState icon={Building2} title="No properties yet" action={addButton}>
          Add a property, drop its photos in and say which room each shows: enhance them, bring a blue sky, declutter or stage the rooms, at a cost you see first.
        </EmptyState>
      ) : page.loading && list.length === 0 ? (
        <Spinner label="Loading properties…" />
      ) : (
        <ul aria-label="Properties" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {list.map((p) => <li key={p.albumId}><PropertyCard summary={p} /></li>)}
        </ul>
      )}
      {more && (
        <div className="mt-6 text-center">
          <Button variant="secondary" busy={page.loading} onClick={() => setCursor(more)}>Load more properties</Button>
        </div>
      )}
      <Dialog open={adding} onClose={() => setAdding(false)} title="Add a property">
        <AddPropertyForm onCancel={() => setAdding(false)} />
      </Dialog>
    </>
  );
}

function PropertyCard({ summary: s }: { summary: PropertySummary }) {
  const { property: p, transformations: t } = s;
  return (
    <CoverCard
      to={`/albums/${s.albumId}`}
      coverUrl={s.coverThumbUrl}
      badge={p.reference && <span className="absolute top-2 left-2 rounded-full bg-white/90 px-2 py-0.5 font-mono text-xs text-slate-800">{p.reference}</span>}
    >
      <div className="flex items-start justify-between gap-2">
        <h2 className="font-semibold text-slate-900">{p.address ?? s.title}</h2>
        <span className="shrink-0 font-semibold text-slate-900">{p.priceCents == null ? '' : formatEuros(p.priceCents)}</span>
      </div>
      {sizeLine(p) && <p className="mt-1 text-sm text-slate-600">{sizeLine(p)}</p>}
      <p className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <span>{plural(s.photoCount, 'photo')}</span>
        {t.done + t.underWay > 0 && (
          <span className="inline-flex items-center gap-1">
            <Sparkles className="size-3.5 text-brand-600" aria-hidden />
            {plural(t.done, 'transformation')}{t.underWay > 0 && `, ${t.underWay} under way`}
          </span>
        )}
      </p>
    </CoverCard>
  );
}

/**
 * A property is an album, named after its address and shared by link (its gallery is the public
 * listing's photos); saved with its address and reference, then opened on its photos.
 */
function AddPropertyForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const address = String(form.get('address')).trim() || null;
    const reference = String(form.get('reference')).trim() || null;
    const { album } = await api.albums.create({ title: address ?? 'New property', visibility: 'unlisted' });
    if (address || reference) await api.properties.save(album.id, { address, reference });
    navigate(`/albums/${album.id}/photos`);
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <FormError error={error?.message} />
      <p className="text-sm text-slate-600">Both can wait: the Details tab holds the whole record.</p>
      <Field label="Address" name="address" placeholder="12 rue des Lilas, 69003 Lyon" error={error?.fields.address ?? error?.fields.title} />
      <Field label="Listing reference" name="reference" placeholder="MAND-2026-041" error={error?.fields.reference} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
        <Button type="submit" busy={busy}>Add property</Button>
      </div>
    </form>
  );
}
