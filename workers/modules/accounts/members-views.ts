import { z } from 'zod';
import { INVITED_ROLES, MEMBER_ROLES, WORKSPACE_KINDS } from '../../shared/enums';

const timestamp = z.string().meta({ description: 'ISO 8601', example: '2026-04-12T08:30:00.000Z' });

export const memberView = z
  .object({
    userId: z.string().meta({ example: 'usr_abcdefghijklmnopqrstuvwxyz' }),
    name: z.string(),
    email: z.string(),
    role: z.enum(MEMBER_ROLES),
    joinedAt: timestamp,
    twoFactor: z.boolean().meta({ description: 'Whether they sign in with two-factor authentication' }),
  })
  .meta({ id: 'Member' });

export const invitationView = z
  .object({ id: z.string().meta({ example: 'inv_abcdefghijklmnopqrstuvwxyz' }), email: z.string(), role: z.enum(INVITED_ROLES), expiresAt: timestamp, createdAt: timestamp })
  .meta({ id: 'Invitation' });

export const membersView = z
  .object({
    members: z.array(memberView),
    invitations: z.array(invitationView).meta({ description: 'Pending invitations (empty for members: admins see them)' }),
    requireTwoFactor: z.boolean().meta({ description: 'The owner asks every member for two-factor: without it they reach only their own account' }),
  })
  .meta({ id: 'Members' });

export const twoFactorRuleView = z.object({ requireTwoFactor: z.boolean() }).meta({ id: 'TwoFactorRule' });

export const invitationPreviewView = z
  .object({
    workspace: z.object({ name: z.string(), kind: z.enum(WORKSPACE_KINDS) }),
    invitedBy: z.string().nullable(),
    email: z.string(),
    role: z.enum(INVITED_ROLES),
    expiresAt: timestamp,
    accountExists: z.boolean().meta({ description: 'Whether an account uses the invited address (sign in) or not (create one)' }),
  })
  .meta({ id: 'InvitationPreview' });

export const joinedView = z.object({ workspaceId: z.string(), role: z.enum(INVITED_ROLES) }).meta({ id: 'Joined' });

export type MemberView = z.infer<typeof memberView>;
export type MembersView = z.infer<typeof membersView>;
export type InvitationView = z.infer<typeof invitationView>;
export type InvitationPreviewView = z.infer<typeof invitationPreviewView>;
