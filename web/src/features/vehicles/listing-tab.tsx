/** Placeholder until its branch lands: the vehicle page's tab. */
export function ListingTab(_props: { albumId: string }) {
  return null;
}
