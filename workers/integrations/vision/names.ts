/**
 * The engine names `VISION_TEXT_PROVIDER` / `VISION_CUTOUT_PROVIDER` accept. Kept apart from
 * providers.ts (which builds the engines) so the config can validate them without importing any.
 */
export const TEXT_PROVIDERS = ['external', 'workers-ai'] as const;
export const CUTOUT_PROVIDERS = ['external', 'cf-images'] as const;

export type TextProvider = (typeof TEXT_PROVIDERS)[number];
export type CutoutProvider = (typeof CUTOUT_PROVIDERS)[number];
