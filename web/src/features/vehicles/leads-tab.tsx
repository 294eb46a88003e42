import { LeadsList } from './leads-list';

/** The vehicle page's Leads tab: the contact requests its public page received. */
export function LeadsTab({ albumId }: { albumId: string }) {
  return <LeadsList filter={{ albumId }} empty="When a visitor sends the contact form of this vehicle's public page, their request shows here and you get an email." />;
}
