import { BookOpen, Copy, KeyRound, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { SCOPES, type Scope } from '../../../../workers/shared/constants';
import { api, apiUrl } from '../../api/client';
import type { ApiKey, NewApiKey } from '../../api/types';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { Field, FormError } from '../../components/field';
import { Spinner } from '../../components/spinner';
import { formatDate } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';

/** Keys for scripts and integrations: create (shown once), list, revoke. */
export function ApiKeysPage() {
  const keys = useResource(() => api.apiKeys.list(), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const list = keys.data?.apiKeys ?? [];
  const newButton = <Button icon={<Plus className="size-4" aria-hidden />} onClick={() => setCreating(true)}>New API key</Button>;
  return (
    <>
      <div className="mb-6 flex items-center justify-between">
        <h1 className="text-2xl font-bold">API keys</h1>
        <div className="flex items-center gap-4">
          {/* Served by the Worker, not a client route: a full page load. */}
          <a className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 underline" href={apiUrl('/docs')}>
            <BookOpen className="size-4" aria-hidden /> API reference
          </a>
          {list.length > 0 && newButton}
        </div>
      </div>
      {created && <CreatedKey apiKey={created} onDone={() => setCreated(null)} />}
      {keys.error && <p role="alert" className="text-red-700">{keys.error.message}</p>}
      {keys.loading && !keys.data ? (
        <Spinner label="Loading keys…" />
      ) : list.length === 0 ? (
        <EmptyState icon={KeyRound} title="No API keys" action={newButton}>
          An API key lets your own scripts or tools upload photos and read albums, without your password.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr><th className="px-4 py-2">Name</th><th className="px-4 py-2">Key</th><th className="px-4 py-2">Scopes</th><th className="px-4 py-2">Last used</th><th className="px-4 py-2"><span className="sr-only">Actions</span></th></tr>
            </thead>
            <tbody>
              {list.map((k) => (
                <tr key={k.id} className="border-t border-slate-100">
                  <td className="px-4 py-3 font-medium">{k.name}</td>
                  <td className="px-4 py-3 font-mono text-xs">{k.prefix}…</td>
                  <td className="px-4 py-3 text-xs">{k.scopes.join(', ')}</td>
                  <td className="px-4 py-3 text-slate-600">{k.lastUsedAt ? formatDate(k.lastUsedAt) : 'Never'}</td>
                  <td className="px-4 py-3 text-right">
                    <Button variant="ghost" aria-label={`Revoke ${k.name}`} icon={<Trash2 className="size-4" aria-hidden />} onClick={() => setRevoking(k)}>Revoke</Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Dialog open={creating} onClose={() => setCreating(false)} title="New API key">
        <CreateKeyForm onCancel={() => setCreating(false)} onCreated={(k) => { setCreating(false); setCreated(k); keys.reload(); }} />
      </Dialog>
      <Dialog open={Boolean(revoking)} onClose={() => setRevoking(null)} title={`Revoke “${revoking?.name}”?`}>
        <p className="text-sm text-slate-600">Scripts using this key stop working at once.</p>
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setRevoking(null)}>Cancel</Button>
          <Button variant="danger" onClick={async () => { await api.apiKeys.revoke(revoking!.id); setRevoking(null); keys.reload(); }}>Revoke key</Button>
        </div>
      </Dialog>
    </>
  );
}

function CreatedKey({ apiKey, onDone }: { apiKey: NewApiKey; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="mb-6 rounded-2xl bg-emerald-50 p-5 ring-1 ring-emerald-200">
      <p className="font-medium text-emerald-900">Key “{apiKey.name}” created. Copy it now: it is shown only once.</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code data-testid="new-api-key" className="min-w-0 flex-1 break-all rounded-lg bg-white px-3 py-2 font-mono text-sm ring-1 ring-emerald-200">{apiKey.key}</code>
        <Button variant="secondary" icon={<Copy className="size-4" aria-hidden />} onClick={async () => { await navigator.clipboard.writeText(apiKey.key); setCopied(true); }}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
        <Button variant="ghost" onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}

function CreateKeyForm({ onCreated, onCancel }: { onCreated: (key: NewApiKey) => void; onCancel: () => void }) {
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const { apiKey } = await api.apiKeys.create({ name: String(form.get('name')), scopes: form.getAll('scopes') as Scope[] });
    onCreated(apiKey);
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <FormError error={error?.message} />
      <Field label="Name" name="name" required maxLength={80} placeholder="Lightroom export" />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">What it may do</legend>
        {SCOPES.map((scope) => (
          <label key={scope} className="flex items-center gap-2 py-1 text-sm">
            <input type="checkbox" name="scopes" value={scope} defaultChecked={scope.endsWith(':read') || scope === 'photos:write'} /> {scope}
          </label>
        ))}
      </fieldset>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
        <Button type="submit" busy={busy}>Create key</Button>
      </div>
    </form>
  );
}
