import { useState } from 'react';
import { LEAD_STATUSES } from '../../../../workers/shared/enums';
import type { LeadStatus } from '../../api/types';
import { SelectField } from '../../components/field';
import { LEAD_STATUS_LABELS } from './lead-card';
import { LeadsList } from './leads-list';

/** `/leads`: every vehicle's contact requests, newest first, filtered by stage. */
export function LeadsPage() {
  const [status, setStatus] = useState<LeadStatus | ''>('');
  return (
    <>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Leads</h1>
          <p className="text-sm text-slate-600">Buyers who contacted you from your vehicles' public pages.</p>
        </div>
        <SelectField label="Stage" className="w-56" value={status} onChange={(e) => setStatus(e.target.value as LeadStatus | '')}>
          <option value="">All stages</option>
          {LEAD_STATUSES.map((s) => <option key={s} value={s}>{LEAD_STATUS_LABELS[s]}</option>)}
        </SelectField>
      </div>
      <LeadsList filter={{ status: status || undefined }} empty="When a visitor sends the contact form of one of your published vehicles, their request shows here and you get an email." />
    </>
  );
}
