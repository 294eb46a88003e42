import type { WorkspaceKind } from '../../../../workers/shared/enums';

/**
 * What the reading looks for on a workspace's photos, in its trade's words (null: nothing
 * particular). Events screens keep the words they always had.
 */
const READ_WORDS: Record<WorkspaceKind, string | null> = { events: 'bibs, plates', vehicles: 'plates', realestate: null, brand: null };

/** "Reading one photo (plates)": the reading as a kind's screens name it, never with another trade's word. */
export const readingLabel = (kind: WorkspaceKind, photos: string) => `Reading ${photos}${READ_WORDS[kind] ? ` (${READ_WORDS[kind]})` : ''}`;
