import { z } from 'zod';
import { EXPORT_STATUSES, WORKSPACE_KINDS } from '../../shared/enums';

export const dataExportView = z
  .object({
    id: z.string(),
    status: z.enum(EXPORT_STATUSES),
    bytes: z.number().int().nullable(),
    files: z.number().int().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    expiresAt: z.string().nullable().meta({ description: 'When the link stops working and the ZIP is deleted' }),
    downloadUrl: z.string().nullable().meta({ description: 'The signed link (also emailed) while it works' }),
  })
  .meta({ id: 'DataExport' });

export const deletionPlanView = z
  .object({
    erased: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(WORKSPACE_KINDS) })).meta({ description: 'Workspaces only you are in: erased with the account' }),
    left: z.array(z.object({ id: z.string(), name: z.string() })).meta({ description: 'Workspaces others keep working in: you leave them' }),
    blocking: z.array(z.object({ id: z.string(), name: z.string(), members: z.number().int() })).meta({ description: 'Workspaces you alone own with other members: make one of them owner first' }),
  })
  .meta({ id: 'DeletionPlan' });

export const deletionView = z.object({ workspacesErased: z.number().int() }).meta({ id: 'AccountDeletion' });

export type DataExportView = z.infer<typeof dataExportView>;
export type DeletionPlanView = z.infer<typeof deletionPlanView>;
