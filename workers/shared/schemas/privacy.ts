import { z } from 'zod';

/** Deleting an account or a workspace: the password, and the code when two-factor is on. */
export const confirmIdentityBody = z.object({
  password: z.string().min(1, 'Enter your password').max(256),
  code: z.string().trim().max(32).optional(),
});

/** An export's signed link (`GET /v1/exports/:id?expires=&sig=`). */
export const exportLinkQuery = z.object({
  expires: z.coerce.number().int().positive(),
  sig: z.string().min(10).max(100),
});

export type ConfirmIdentityBody = z.infer<typeof confirmIdentityBody>;
