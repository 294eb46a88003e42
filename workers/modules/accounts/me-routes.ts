import { Hono } from 'hono';
import { createWorkspaceBody } from '../../shared/schemas/auth';
import type { AppEnv } from '../../core/http/app-env';
import { AppError } from '../../core/errors';
import { createWorkspace, getUser, listMemberships, publicUser } from './accounts';
import { validate } from '../../core/http/validate';

export const me = new Hono<AppEnv>()
  .get('/me', async (c) => {
    const principal = c.get('principal');
    if (principal.kind === 'api_key') {
      return c.json({ apiKey: { id: principal.apiKeyId, scopes: principal.scopes }, workspaceId: principal.workspaceId });
    }
    const db = c.get('db');
    const user = await getUser(db, principal.userId);
    if (!user) throw new AppError('INVALID_TOKEN', 'This account no longer exists');
    return c.json({
      user: publicUser(user),
      workspaceId: principal.workspaceId,
      workspaces: await listMemberships(db, principal.userId),
    });
  })
  .post('/workspaces', validate('json', createWorkspaceBody), async (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'user') throw new AppError('FORBIDDEN', 'API keys cannot create workspaces');
    const workspace = await createWorkspace(c.get('db'), principal.userId, c.req.valid('json'), c.get('requestId'));
    return c.json({ workspace }, 201);
  });
