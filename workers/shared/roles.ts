/**
 * What each workspace role may do: the one table (README's "Roles" copies it). Routes declare the
 * least role they need (`access.member`, `access.admin`, `access.owner`); the guard compares ranks.
 * The SPA reads it too, to show only the actions a role has.
 */
import type { MemberRole } from './enums';

export const ROLES: Record<MemberRole, { rank: number; label: string; may: readonly string[]; refusal: string }> = {
  member: {
    rank: 1,
    label: 'Member',
    may: ['see the members', 'work on albums, photos, tags, vehicles and properties', 'spend the workspace credits on paid work', 'leave the workspace'],
    refusal: 'Only workspace members can do this',
  },
  admin: {
    rank: 2,
    label: 'Admin',
    may: ['everything a member may', 'invite people and cancel invitations', 'remove members and change roles (never an owner)', 'buy credits and plans, set up payouts', 'manage API keys'],
    refusal: 'Only workspace owners and admins can do this',
  },
  owner: {
    rank: 3,
    label: 'Owner',
    may: ['everything an admin may', 'make or remove admins and owners', 'transfer ownership', 'read the audit log', 'delete the workspace'],
    refusal: 'Only a workspace owner can do this',
  },
};

/** Whether `role` is at least `least`. */
export const holds = (role: MemberRole, least: MemberRole) => ROLES[role].rank >= ROLES[least].rank;
