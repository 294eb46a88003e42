import { z } from 'zod';
import { createApiKeyBody } from '../../shared/schemas/api-keys';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, jsonBody, noContent, router } from '../../core/http/route';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';
import { actorOf } from './principal';
import { apiKeyView, createdApiKeyView } from './views';

const tags = ['API keys'];

/** Managing keys needs a person with the owner or admin role, never a key. */
export const apiKeysRoutes = router()
  .openapi(
    defineRoute({
      method: 'post', path: '/', tags, summary: 'Create an API key with some scopes (the key is shown once)', access: access.admin,
      request: { body: jsonBody(createApiKeyBody.meta({ example: { name: 'Lightroom export', scopes: ['albums:read', 'photos:write'] } })) },
      responses: { 201: json(z.object({ apiKey: createdApiKeyView }), 'Created') },
    }),
    async (c) => {
      const actor = actorOf(c.get('principal'), c.get('requestId'));
      return c.json({ apiKey: await createApiKey(c.get('db'), actor, c.req.valid('json')) }, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/', tags, summary: "The workspace's live API keys, newest first", access: access.admin,
      responses: { 200: json(z.object({ apiKeys: z.array(apiKeyView) })) },
    }),
    async (c) => c.json({ apiKeys: await listApiKeys(c.get('db'), c.get('principal').workspaceId) }, 200),
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/{id}', tags, summary: 'Revoke an API key', access: access.admin,
      errors: ['API_KEY_NOT_FOUND'],
      responses: { 204: noContent },
    }),
    async (c) => {
      await revokeApiKey(c.get('db'), actorOf(c.get('principal'), c.get('requestId')), c.req.param('id'));
      return c.body(null, 204);
    },
  );
