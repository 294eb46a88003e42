import { z } from 'zod';

/** What an API key may be allowed to do. Session users (JWT) hold every scope their role allows. */
export const SCOPES = ['albums:read', 'albums:write', 'photos:read', 'photos:write'] as const;
export type Scope = (typeof SCOPES)[number];

export const createApiKeyBody = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum(SCOPES)).min(1).max(SCOPES.length).transform((s) => [...new Set(s)]),
});
