import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { PLATFORM_FEE_CENTS } from '../../../../workers/shared/billing/catalogue';
import type { DownloadSize, PackScope } from '../../../../workers/shared/enums';
import { api } from '../../api/client';
import { Button } from '../../components/button';
import { Field, FormError, SelectField } from '../../components/field';
import { formatMoney } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';

const SCOPES: Record<PackScope, string> = { photo: 'One photo', bib: 'All photos of one bib', album: 'The whole album' };
const SIZES: Record<DownloadSize, string> = { original: 'originals', web: '1600 px' };

/** What the album sells: price packs (one photo, all photos of a bib, the album; original or 1600 px). */
export function AlbumPacks({ albumId }: { albumId: string }) {
  const packs = useResource(() => api.packs.list(albumId), [albumId]);
  const [formKey, setFormKey] = useState(0);
  const { error, busy, onSubmit: add } = useSubmit(async (data) => {
    await api.packs.create(albumId, {
      name: String(data.get('name')),
      scope: data.get('scope') as PackScope,
      size: data.get('size') as DownloadSize,
      amountCents: Math.round(Number(String(data.get('price')).replace(',', '.')) * 100),
    });
    setFormKey((k) => k + 1); // a fresh, empty form for the next pack
    packs.reload();
  });
  const list = packs.data?.packs ?? [];
  return (
    <div className="space-y-4">
      {list.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing for sale yet. Add a pack: runners see it in the gallery and pay by card, Apple/Google Pay or SEPA.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Price packs">
          {list.map((p) => (
            <li key={p.id} className="flex items-center justify-between py-2">
              <span><span className="font-medium">{p.name}</span> · {SCOPES[p.scope]}, {SIZES[p.size]}</span>
              <span className="flex items-center gap-2">
                {formatMoney(p.amountCents, p.currency)}
                <Button variant="ghost" aria-label={`Remove ${p.name}`} icon={<Trash2 className="size-4" aria-hidden />} onClick={async () => { await api.packs.remove(p.id); packs.reload(); }} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <form key={formKey} onSubmit={add} className="grid gap-3 sm:grid-cols-2">
        <FormError error={error?.message} />
        <Field label="Pack name" name="name" required maxLength={80} placeholder="All my photos" className="sm:col-span-2" />
        <SelectField label="What it includes" name="scope" defaultValue="bib">
          {Object.entries(SCOPES).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </SelectField>
        <SelectField label="Size" name="size" defaultValue="original">
          {Object.entries(SIZES).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </SelectField>
        <Field label="Price (€)" name="price" required inputMode="decimal" pattern="\d+([.,]\d{1,2})?" placeholder="15" hint={`Buyers also pay a ${formatMoney(PLATFORM_FEE_CENTS)} service fee per order`} />
        <div className="flex items-end justify-end">
          <Button type="submit" busy={busy} icon={<Plus className="size-4" aria-hidden />}>Add pack</Button>
        </div>
      </form>
    </div>
  );
}
