import type { WorkspaceKind } from '../../api/types';

export const KIND_LABELS: Record<WorkspaceKind, string> = {
  events: 'Races and events',
  vehicles: 'Cars and vehicles',
  realestate: 'Real estate',
  brand: 'Brand and products',
};
