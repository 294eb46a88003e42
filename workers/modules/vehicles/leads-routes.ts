import { z } from 'zod';
import { leadPatchBody, leadsQuery } from '../../shared/schemas/leads';
import { cursorParam } from '../../core/db/cursor';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, jsonBody, router } from '../../core/http/route';
import { actorOf } from '../accounts/principal';
import { listLeads, updateLead } from './leads';
import { leadsPage, leadView } from './leads-views';

const tags = ['Leads'];

/** The dealer's leads: the whole workspace's or one vehicle's, and their follow-up. */
export const leadsRoutes = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/leads', tags, summary: "The workspace's leads, newest first", access: access.scope('leads:read'),
      description: "`albumId` for one vehicle's (another workspace's album is a 404), `status` for one stage of the follow-up.",
      request: { query: leadsQuery },
      errors: ['ALBUM_NOT_FOUND', 'WRONG_WORKSPACE_KIND'],
      responses: { 200: json(leadsPage) },
    }),
    async (c) => {
      const { cursor, ...filter } = c.req.valid('query');
      return c.json(await listLeads(c.get('db'), c.get('principal').workspaceId, { ...filter, cursor: cursorParam(cursor) }), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/leads/{id}', tags, summary: 'Follow a lead up: its status, notes, next reminder', access: access.scope('leads:write'),
      description: 'Only the fields given change; `null` clears the notes or the reminder.',
      request: { body: jsonBody(leadPatchBody, { status: 'contacted', notes: 'Called back, visit on Saturday', remindOn: '2026-06-13' }) },
      errors: ['NOT_FOUND'],
      responses: { 200: json(z.object({ lead: leadView })) },
    }),
    async (c) => {
      const lead = await updateLead(c.get('db'), actorOf(c.get('principal'), c.get('requestId')), c.req.param('id'), c.req.valid('json'));
      return c.json({ lead }, 200);
    },
  );
