import { WORKSPACE_KINDS, type WorkspaceKind } from '../../../../workers/shared/enums';

/** Each kind in its trade's words; typed by the Worker's enum so a new kind cannot go unlabelled. */
const KIND_LABELS: Record<WorkspaceKind, string> = {
  events: 'Races and events',
  vehicles: 'Cars and vehicles',
  realestate: 'Real estate',
  brand: 'Brand and products',
};

/** The choices of a "what you shoot" select, in the Worker's order. */
export const KIND_OPTIONS = WORKSPACE_KINDS.map((kind) => ({ kind, label: KIND_LABELS[kind] }));
