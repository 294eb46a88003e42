import { z } from 'zod';
import { SCOPES } from '../constants';


export const createApiKeyBody = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum(SCOPES)).min(1).max(SCOPES.length).transform((s) => [...new Set(s)]),
});
