import type { Watermark } from './enums';

/** What a set of variants was drawn with: compared to know whether a re-render is due. */
export const watermarkKey = (watermark: Watermark | null | undefined) => JSON.stringify(watermark ?? null);
