import { Hono } from 'hono';
import { createApiKeyBody } from '../../shared/schemas/api-keys';
import type { AppEnv } from '../../core/http/app-env';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';
import { actorOf, requireWorkspaceAdmin } from './principal';
import { validate } from '../../core/http/validate';

export const apiKeysRoutes = new Hono<AppEnv>()
  .post('/', validate('json', createApiKeyBody), async (c) => {
    const principal = c.get('principal');
    requireWorkspaceAdmin(principal);
    const actor = actorOf(principal, c.get('requestId'));
    return c.json({ apiKey: await createApiKey(c.get('db'), actor, c.req.valid('json')) }, 201);
  })
  .get('/', async (c) => {
    const principal = c.get('principal');
    requireWorkspaceAdmin(principal);
    return c.json({ apiKeys: await listApiKeys(c.get('db'), principal.workspaceId) });
  })
  .delete('/:id', async (c) => {
    const principal = c.get('principal');
    requireWorkspaceAdmin(principal);
    await revokeApiKey(c.get('db'), actorOf(principal, c.get('requestId')), c.req.param('id'));
    return c.body(null, 204);
  });
