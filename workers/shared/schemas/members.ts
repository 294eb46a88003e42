import { z } from 'zod';
import { INVITED_ROLES, MEMBER_ROLES } from '../enums';
import { email } from './auth';

export const inviteBody = z.object({ email, role: z.enum(INVITED_ROLES).default('member') });
export const roleBody = z.object({ role: z.enum(MEMBER_ROLES) });
export const acceptInvitationBody = z.object({
  token: z.string().min(20, 'This invitation link is incomplete; open the link from the email again').max(200),
});
export const twoFactorRuleBody = z.object({ requireTwoFactor: z.boolean() });
