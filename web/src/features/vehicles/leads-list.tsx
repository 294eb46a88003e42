import { Inbox } from 'lucide-react';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Lead, LeadStatus } from '../../api/types';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { Spinner } from '../../components/spinner';
import { LeadCard } from './lead-card';

type Filter = { albumId?: string; status?: LeadStatus };

/** Leads newest first, a page at a time; one vehicle's (`albumId`) or the whole workspace's. */
export function LeadsList({ filter, empty }: { filter: Filter; empty: string }) {
  const [leads, setLeads] = useState<Lead[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(false);
  const { albumId, status } = filter;

  const load = async (cursor: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.leads.list({ albumId, status, cursor });
      setLeads((shown) => (cursor ? [...(shown ?? []), ...page.leads] : page.leads));
      setNext(page.nextCursor);
    } catch (err) {
      setError(err as Error);
    } finally {
      setLoading(false);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts from the first page
  useEffect(() => {
    setLeads(null);
    void load(null);
  }, [albumId, status]);

  if (error && !leads) {
    return (
      <div role="alert" className="text-center">
        <p className="text-red-700">{error.message}</p>
        <Button className="mt-3" onClick={() => load(null)}>Try again</Button>
      </div>
    );
  }
  if (!leads) return <Spinner label="Loading leads…" />;
  if (!leads.length) {
    return <EmptyState icon={Inbox} title="No leads yet">{empty}</EmptyState>;
  }
  const replace = (lead: Lead) => setLeads((shown) => shown?.map((l) => (l.id === lead.id ? lead : l)) ?? null);
  return (
    <>
      <ul className="space-y-3" aria-label="Leads">
        {leads.map((lead) => <LeadCard key={lead.id} lead={lead} showVehicle={!albumId} onChange={replace} />)}
      </ul>
      {next && (
        <div className="mt-4 text-center">
          <Button variant="secondary" busy={loading} onClick={() => load(next)}>Show older leads</Button>
        </div>
      )}
    </>
  );
}
