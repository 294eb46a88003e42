/** Placeholder until its branch lands: the vehicle page's tab. */
export function LeadsTab(_props: { albumId: string }) {
  return null;
}
