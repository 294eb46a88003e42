import { z } from 'zod';
import { WORKSPACE_KINDS } from '../enums';

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address' }))
  .pipe(z.string().max(254));

/** A password someone chooses: sign-up, reset and change share the rule. */
const newPassword = z.string().min(10, 'Use at least 10 characters').max(256);

export const registerBody = z.object({
  email,
  password: newPassword,
  name: z.string().trim().min(1).max(120),
  workspace: z.object({
    name: z.string().trim().min(1).max(120),
    kind: z.enum(WORKSPACE_KINDS),
  }),
});

export const loginBody = z.object({
  email,
  password: z.string().min(1).max(256),
});

export const passwordResetRequestBody = z.object({ email });

export const passwordResetBody = z.object({
  token: z.string().min(20, 'This reset link is incomplete; open the link from the email again').max(200),
  password: newPassword,
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Enter your current password').max(256),
  newPassword,
});

/** A code from the authenticator app (6 digits), or, where accepted, a recovery code (`xxxxx-xxxxx`). */
const code = z.string().trim().min(6, 'Enter the 6-digit code from your authenticator app').max(32);

export const twoFactorCodeBody = z.object({ code });
export const disableTwoFactorBody = z.object({ password: z.string().min(1, 'Enter your password').max(256), code });
export const twoFactorLoginBody = z.object({ challenge: z.string().min(1).max(2000), code });

export const createWorkspaceBody = registerBody.shape.workspace;

export type RegisterBody = z.infer<typeof registerBody>;
export type LoginBody = z.infer<typeof loginBody>;
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const verifyEmailBody = z.object({
  token: z.string().min(20, 'This confirmation link is incomplete; open the link from the email again').max(2000),
});
export type TwoFactorLoginBody = z.infer<typeof twoFactorLoginBody>;
