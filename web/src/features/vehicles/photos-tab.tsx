/** Placeholder until its branch lands: the vehicle page's tab. */
export function PhotosTab(_props: { albumId: string }) {
  return null;
}
