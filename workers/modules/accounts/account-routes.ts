import { z } from 'zod';
import { changePasswordBody } from '../../shared/schemas/auth';
import { loadConfig } from '../../core/config';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, jsonBody, noContent, router } from '../../core/http/route';
import { changePassword } from './passwords';
import { personOf } from './principal';
import { endSession, endSessionsStatement, listSessions } from './sessions';
import { openSessionView } from './views';

const tags = ['Accounts'];

/** The signed-in person's own account: password and sessions (people only, never API keys). */
export const accountRoutes = router()
  .openapi(
    defineRoute({
      method: 'post', path: '/password', tags, summary: 'Change the password (asks for the current one); other sessions end', access: access.self,
      request: { body: jsonBody(changePasswordBody.meta({ example: { currentPassword: 'correct horse battery', newPassword: 'a new and longer one' } })) },
      responses: { 204: noContent },
    }),
    async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      const mail = { db: c.get('db'), queue: c.env.EMAIL_QUEUE, publicOrigin: loadConfig(c.env).publicOrigin };
      await changePassword(mail, personOf(c.get('principal')), currentPassword, newPassword, c.get('requestId'));
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/sessions', tags, summary: 'Where this account is signed in, most recently used first', access: access.self,
      responses: { 200: json(z.object({ sessions: z.array(openSessionView) })) },
    }),
    async (c) => {
      const { userId, sessionId } = personOf(c.get('principal'));
      return c.json({ sessions: await listSessions(c.get('db'), userId, sessionId) }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/sessions/{id}', tags, summary: 'Sign out one session (this one included)', access: access.self,
      errors: ['NOT_FOUND'],
      responses: { 204: noContent },
    }),
    async (c) => {
      await endSession(c.get('db'), personOf(c.get('principal')).userId, c.req.param('id'));
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/sign-out-everywhere', tags, summary: 'End every session of this account, this one included', access: access.self,
      responses: { 204: noContent },
    }),
    async (c) => {
      await endSessionsStatement(c.get('db'), personOf(c.get('principal')).userId);
      return c.body(null, 204);
    },
  );
