/** One photo placed in a row: its index in the list and its box in CSS pixels. */
export type Tile = { index: number; width: number; height: number };
export type Row = { key: string; top: number; height: number; tiles: Tile[] };
export type JustifiedLayout = { rows: Row[]; height: number };

type Options = { width: number; targetHeight: number; gap: number };

/**
 * Rows of equal height filling the width, each photo as wide as its aspect ratio allows (the
 * Flickr/Google Photos layout). Photos are added to a row until it would be wider than the
 * container at the target height, then the row is scaled down to fit exactly. The last row keeps
 * the target height rather than being blown up to fill the width.
 */
export function justifiedLayout(ratios: readonly number[], { width, targetHeight, gap }: Options): JustifiedLayout {
  const rows: Row[] = [];
  let top = 0;
  let start = 0;
  let ratioSum = 0;
  const close = (end: number, height: number) => {
    const tiles: Tile[] = [];
    for (let i = start; i < end; i++) tiles.push({ index: i, width: ratios[i] * height, height });
    rows.push({ key: `${start}-${end}`, top, height, tiles });
    top += height + gap;
    start = end;
    ratioSum = 0;
  };
  for (let i = 0; i < ratios.length; i++) {
    ratioSum += ratios[i];
    const gaps = gap * (i - start);
    if (ratioSum * targetHeight + gaps >= width) {
      // A lone panorama could make a sliver of a row: cap it at the target height.
      close(i + 1, Math.min((width - gaps) / ratioSum, targetHeight * 1.5));
    }
  }
  if (start < ratios.length) close(ratios.length, targetHeight);
  return { rows, height: Math.max(0, top - gap) };
}

/** About two photos a row on phones, three to five on wider screens. */
export function targetRowHeight(containerWidth: number): number {
  if (containerWidth < 480) return Math.max(110, containerWidth / 2.8);
  if (containerWidth < 768) return 180;
  if (containerWidth < 1280) return 220;
  return 260;
}

/** Width over height, with a square stand-in for a photo whose size is unknown. */
export const aspectRatio = (width: number | null | undefined, height: number | null | undefined) =>
  width && height ? Math.min(4, Math.max(0.25, width / height)) : 1;
