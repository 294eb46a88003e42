import { loginBody, registerBody } from '../../shared/schemas/auth';
import { loadConfig } from '../../core/config';
import { access } from '../../core/http/middleware/access';
import { clientIp, spendGuestBudget } from '../../core/http/middleware/rate-limit';
import { defineRoute, json, jsonBody, router } from '../../core/http/route';
import { login, register } from './accounts';
import { registeredView, sessionView } from './views';

const tags = ['Accounts'];
const registerExample = { email: 'marie@example.com', password: 'correct horse battery', name: 'Marie', workspace: { name: 'Marie Photo', kind: 'events' } };

export const auth = router()
  .openapi(
    defineRoute({
      method: 'post', path: '/register', tags, summary: 'Create an account, its first workspace and a session', access: access.public,
      request: { body: jsonBody(registerBody.meta({ example: registerExample })) },
      errors: ['EMAIL_TAKEN'],
      responses: { 201: json(registeredView, 'Created') },
    }),
    async (c) => {
      const result = await register(c.get('db'), c.env.EMAIL_QUEUE, c.req.valid('json'), loadConfig(c.env), c.get('requestId'));
      return c.json(result, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/login', tags, summary: 'Sign in: a session token',
      description: 'Unknown emails and wrong passwords get the same answer. Budgeted per address and per account.',
      access: access.public,
      request: { body: jsonBody(loginBody.meta({ example: { email: 'marie@example.com', password: 'correct horse battery' } })) },
      errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED'],
      responses: { 200: json(sessionView) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      // Budget per address and per account, so neither spraying nor one targeted account works.
      await spendGuestBudget(c.env, [`ip:${clientIp(c.req.raw)}`, `email:${body.email}`], 'Too many sign-in attempts; wait a minute and try again');
      return c.json(await login(c.get('db'), body, loadConfig(c.env).jwt), 200);
    },
  );
