import { z } from 'zod';
import { acceptInvitationBody, inviteBody, roleBody, twoFactorRuleBody } from '../../shared/schemas/members';
import { loadConfig } from '../../core/config';
import { access } from '../../core/http/middleware/access';
import { guestBudget } from '../../core/http/middleware/rate-limit';
import { defineRoute, json, jsonBody, noContent, router } from '../../core/http/route';
import type { Context } from 'hono';
import type { AppEnv } from '../../core/http/app-env';
import { holds } from '../../shared/roles';
import { acceptInvitation, invite, listInvitations, peekInvitation, revokeInvitation } from './invitations';
import { changeRole, listMembers, removeMember, setTwoFactorRule, transferOwnership, twoFactorRule, type Acting } from './members';
import { invitationPreviewView, invitationView, joinedView, membersView, twoFactorRuleView } from './members-views';
import { personOf } from './principal';

const tags = ['Members'];
const tokenExample = { token: 'the-token-from-the-emailed-link' };

/** The signed-in person acting in the current workspace, as the members service takes them. */
const acting = (c: Context<AppEnv>): Acting => {
  const { workspaceId, userId, role } = personOf(c.get('principal'));
  return { workspaceId, userId, role, requestId: c.get('requestId') };
};

/** A workspace's team: members and roles, invitations by email, leaving, ownership. */
export const membersRoutes = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/members', tags, summary: "The workspace's members and roles; admins also see pending invitations", access: access.member,
      responses: { 200: json(membersView) },
    }),
    async (c) => {
      const actor = acting(c);
      const [members, invitations, requireTwoFactor] = await Promise.all([
        listMembers(c.get('db'), actor.workspaceId),
        holds(actor.role, 'admin') ? listInvitations(c.get('db'), actor.workspaceId) : [],
        twoFactorRule(c.get('db'), actor.workspaceId),
      ]);
      return c.json({ members, invitations, requireTwoFactor }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/invitations', tags, summary: 'Invite someone by email, as admin or member: a link valid 7 days, once', access: access.admin,
      description: 'A newer invitation of the same address replaces the older one.',
      request: { body: jsonBody(inviteBody.meta({ example: { email: 'lea@example.com', role: 'member' } })) },
      errors: ['ALREADY_MEMBER'],
      responses: { 201: json(z.object({ invitation: invitationView }), 'Created') },
    }),
    async (c) => {
      const { email, role } = c.req.valid('json');
      const mail = { db: c.get('db'), queue: c.env.EMAIL_QUEUE, publicOrigin: loadConfig(c.env).publicOrigin };
      return c.json({ invitation: await invite(mail, acting(c), email, role) }, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/invitations/{id}', tags, summary: 'Cancel a pending invitation (its link stops working)', access: access.admin,
      errors: ['INVITATION_NOT_FOUND'],
      responses: { 204: noContent },
    }),
    async (c) => {
      await revokeInvitation(c.get('db'), acting(c), c.req.param('id'));
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/invitations/preview', tags, summary: 'What an invitation link offers (workspace, role, address), before signing in',
      access: access.public, middleware: [guestBudget('invitation')],
      request: { body: jsonBody(acceptInvitationBody.meta({ example: tokenExample })) },
      errors: ['INVITATION_NOT_FOUND', 'RATE_LIMITED'],
      responses: { 200: json(invitationPreviewView) },
    }),
    async (c) => c.json(await peekInvitation(c.get('db'), c.req.valid('json').token), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/invitations/accept', tags, summary: 'Join the workspace of an invitation meant for your address (once)', access: access.self,
      request: { body: jsonBody(acceptInvitationBody.meta({ example: tokenExample })) },
      errors: ['INVITATION_NOT_FOUND', 'INVITATION_FOR_ANOTHER_EMAIL'],
      responses: { 200: json(joinedView) },
    }),
    async (c) => {
      const { userId } = personOf(c.get('principal'));
      return c.json(await acceptInvitation(c.get('db'), { userId, requestId: c.get('requestId') }, c.req.valid('json').token), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/members/{userId}', tags, summary: "Change a member's role (an owner's, or to owner: owners only)", access: access.admin,
      request: { body: jsonBody(roleBody.meta({ example: { role: 'admin' } })) },
      errors: ['MEMBER_NOT_FOUND', 'LAST_OWNER'],
      responses: { 204: noContent },
    }),
    async (c) => {
      await changeRole(c.get('db'), acting(c), c.req.param('userId'), c.req.valid('json').role);
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/members/{userId}', tags, summary: 'Remove a member (an owner: owners only; never the last one)', access: access.admin,
      errors: ['MEMBER_NOT_FOUND', 'LAST_OWNER'],
      responses: { 204: noContent },
    }),
    async (c) => {
      await removeMember(c.get('db'), acting(c), c.req.param('userId'));
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/members/{userId}/ownership', tags, summary: 'Make another member owner; you stay on as admin', access: access.owner,
      errors: ['MEMBER_NOT_FOUND'],
      responses: { 204: noContent },
    }),
    async (c) => {
      await transferOwnership(c.get('db'), acting(c), c.req.param('userId'));
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'put', path: '/workspace/two-factor-rule', tags, summary: 'Ask every member to use two-factor authentication, or stop asking (owners, who use it themselves)', access: access.owner,
      description: 'Members without two-factor keep their place but reach only their own account (`/v1/me`, `/v1/account/*`) until they turn it on; API keys are unaffected.',
      request: { body: jsonBody(twoFactorRuleBody.meta({ example: { requireTwoFactor: true } })) },
      errors: ['TWO_FACTOR_OFF'],
      responses: { 200: json(twoFactorRuleView) },
    }),
    async (c) => {
      const { requireTwoFactor } = c.req.valid('json');
      await setTwoFactorRule(c.get('db'), acting(c), requireTwoFactor);
      return c.json({ requireTwoFactor }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/membership', tags, summary: 'Leave the current workspace (the last owner cannot)', access: access.self,
      errors: ['LAST_OWNER'],
      responses: { 204: noContent },
    }),
    async (c) => {
      const actor = acting(c);
      await removeMember(c.get('db'), actor, actor.userId);
      return c.body(null, 204);
    },
  );
