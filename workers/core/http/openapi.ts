import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from './app-env';
import { access } from './middleware/access';
import { defineRoute, json } from './route';

const DESCRIPTION = `The Vitrine API: albums and photos, uploads straight to R2 through signed URLs, bib and plate
reading, the public gallery and shop, credits and billing.

**Authentication.** \`Authorization: Bearer <session token | API key>\`. A session token comes from
\`POST /v1/auth/login\`; API keys (\`vt_live_...\`) are created by workspace owners and admins under
\`POST /v1/api-keys\` with scopes. Each operation's \`x-access\` says what it needs: \`public\` (nothing),
\`caller\` (any session or key), \`scope:<name>\` (a session, or a key holding that scope),
\`self\` (a signed-in person on their own account, never a key),
\`user\` / \`user:admin\` / \`user:owner\` (a signed-in person, never a key, holding at least that role in the workspace: owner > admin > member).
When a workspace's owner asks for two-factor, a member without it gets 403 \`TWO_FACTOR_REQUIRED\` everywhere but \`caller\` and \`self\` routes.
A signed-in user acts in their first workspace, or the one named by \`X-Workspace-Id\`.

**Errors.** Every error is \`{ "error": { "code", "message", "requestId", "details"? } }\` with a stable
\`code\`. Another workspace's ids answer 404, exactly like missing ones.

**Rate limits.** Authenticated calls carry \`RateLimit-Policy\`; a 429 \`RATE_LIMITED\` carries \`Retry-After\` (seconds).`;

/** `GET /openapi.json`: the OpenAPI 3.1 document generated from the route declarations. */
export function serveOpenApi(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A session token (JWT from /v1/auth/login) or an API key (vt_live_...)',
  });
  const route = defineRoute({
    method: 'get', path: '/openapi.json', hide: true, access: access.public,
    responses: { 200: json(z.record(z.string(), z.unknown()), 'The OpenAPI 3.1 document') },
  });
  // Built once per isolate (the routes do not change while it lives); only the server is per request.
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  return app.openapi(route, (c) => {
    document ??= app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Vitrine API', version: '1', description: DESCRIPTION } });
    return c.json({ ...document, servers: [{ url: new URL(c.req.url).origin }] }, 200);
  });
}
