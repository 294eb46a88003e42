import { z } from 'zod';
import { createWorkspaceBody } from '../../shared/schemas/auth';
import { AppError } from '../../core/errors';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, jsonBody, router } from '../../core/http/route';
import { createWorkspace, getUser, listMemberships, publicUser } from './accounts';
import { personOf } from './principal';
import { twoFactorOn } from './two-factor';
import { meView, workspaceView } from './views';

const tags = ['Accounts'];

export const me = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/me', tags, summary: 'Who is calling: the person and their workspaces, or the API key', access: access.caller,
      responses: { 200: json(meView) },
    }),
    async (c) => {
      const principal = c.get('principal');
      if (principal.kind === 'api_key') {
        return c.json({ apiKey: { id: principal.apiKeyId, scopes: [...principal.scopes] }, workspaceId: principal.workspaceId }, 200);
      }
      const user = await getUser(c.get('db'), principal.userId);
      if (!user) throw new AppError('INVALID_TOKEN', 'This account no longer exists');
      const twoFactor = await twoFactorOn(c.get('db'), principal.userId);
      const workspaces = await listMemberships(c.get('db'), principal.userId);
      return c.json({ user: publicUser(user, twoFactor), workspaceId: principal.workspaceId, workspaces, twoFactorNeeded: principal.twoFactorMissing }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/workspaces', tags, summary: 'Create another workspace, owned by the caller', access: access.self,
      request: { body: jsonBody(createWorkspaceBody.meta({ example: { name: 'Marie Cars', kind: 'vehicles' } })) },
      responses: { 201: json(z.object({ workspace: workspaceView }), 'Created') },
    }),
    async (c) => {
      const { userId } = personOf(c.get('principal'));
      const workspace = await createWorkspace(c.get('db'), userId, c.req.valid('json'), c.get('requestId'));
      return c.json({ workspace }, 201);
    },
  );
