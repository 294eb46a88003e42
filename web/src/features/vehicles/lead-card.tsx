import { AlarmClock, Mail, Phone } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { LEAD_LIMITS } from '../../../../workers/shared/constants';
import { LEAD_STATUSES } from '../../../../workers/shared/enums';
import { type ApiError, api } from '../../api/client';
import type { Lead, LeadStatus } from '../../api/types';
import { Button } from '../../components/button';
import { Field, FormError, SelectField, TextareaField } from '../../components/field';
import { formatDate, formatDateTime } from '../../lib/format';

/** The follow-up stages in a dealer's words. */
export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  visit: 'Visit / test drive booked',
  offer: 'Offer made',
  won: 'Won — sold to them',
  lost: 'Lost',
};

const CLOSED: LeadStatus[] = ['won', 'lost'];
/** Today as YYYY-MM-DD in the dealer's own time zone (a reminder is a local day). */
const today = () => new Date().toLocaleDateString('en-CA');
/** A reminder that passed while the lead is still open. */
export const isOverdue = (lead: Lead) => Boolean(lead.remindOn && lead.remindOn < today() && !CLOSED.includes(lead.status));

/**
 * One lead: who, how to reach them, what they wrote; its stage (saved as soon as it is picked),
 * and notes with a reminder date (saved together). An overdue reminder stands out.
 */
export function LeadCard({ lead, showVehicle, onChange }: { lead: Lead; showVehicle: boolean; onChange: (lead: Lead) => void }) {
  const [notes, setNotes] = useState(lead.notes ?? '');
  const [remindOn, setRemindOn] = useState(lead.remindOn ?? '');
  const [busy, setBusy] = useState<'status' | 'notes' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const dirty = notes !== (lead.notes ?? '') || remindOn !== (lead.remindOn ?? '');
  const overdue = isOverdue(lead);

  const save = async (what: 'status' | 'notes', body: Parameters<typeof api.leads.update>[1]) => {
    setBusy(what);
    setError(null);
    try {
      onChange((await api.leads.update(lead.id, body)).lead);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(null);
    }
  };

  return (
    <li className={`rounded-2xl bg-white p-4 shadow-sm ring-1 ${overdue ? 'ring-2 ring-amber-400' : 'ring-slate-200'}`} aria-label={`Lead from ${lead.name}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold text-slate-900">{lead.name}</h3>
        <span className="text-sm text-slate-500">{formatDateTime(lead.createdAt)}</span>
      </div>
      {showVehicle && (
        <Link to={`/albums/${lead.albumId}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {lead.vehicle.title}
        </Link>
      )}
      <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <a href={`mailto:${lead.email}`} className="inline-flex items-center gap-1 text-brand-700 underline-offset-2 hover:underline">
          <Mail className="size-4" aria-hidden /> {lead.email}
        </a>
        {lead.phone && (
          <a href={`tel:${lead.phone.replace(/[^+0-9]/g, '')}`} className="inline-flex items-center gap-1 text-brand-700 underline-offset-2 hover:underline">
            <Phone className="size-4" aria-hidden /> {lead.phone}
          </a>
        )}
      </p>
      <blockquote className="mt-3 whitespace-pre-line rounded-lg bg-slate-50 p-3 text-sm text-slate-700">{lead.message}</blockquote>
      {overdue && (
        <p className="mt-3 flex items-center gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900">
          <AlarmClock className="size-4" aria-hidden /> Reminder overdue: follow up was planned for {formatDate(lead.remindOn)}
        </p>
      )}
      <div className="mt-3 grid gap-3 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
        <SelectField label="Stage" value={lead.status} disabled={busy === 'status'} onChange={(e) => save('status', { status: e.target.value as LeadStatus })}>
          {LEAD_STATUSES.map((s) => <option key={s} value={s}>{LEAD_STATUS_LABELS[s]}</option>)}
        </SelectField>
        <Field label="Remind me on" type="date" value={remindOn} onChange={(e) => setRemindOn(e.target.value)} />
        <TextareaField label="Notes" className="sm:col-span-2" rows={2} value={notes} maxLength={LEAD_LIMITS.notes} onChange={(e) => setNotes(e.target.value)} error={error?.fields.notes} />
      </div>
      <FormError error={error && !error.fields.notes ? error.message : null} />
      {dirty && (
        <div className="mt-3 flex gap-2">
          <Button busy={busy === 'notes'} onClick={() => save('notes', { notes: notes.trim() || null, remindOn: remindOn || null })}>Save notes</Button>
          <Button variant="ghost" onClick={() => { setNotes(lead.notes ?? ''); setRemindOn(lead.remindOn ?? ''); }}>Cancel</Button>
        </div>
      )}
    </li>
  );
}
