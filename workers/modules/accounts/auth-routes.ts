import { loginBody, passwordResetBody, passwordResetRequestBody, registerBody, twoFactorLoginBody } from '../../shared/schemas/auth';
import { loadConfig } from '../../core/config';
import { access } from '../../core/http/middleware/access';
import { clientIp, spendGuestBudget } from '../../core/http/middleware/rate-limit';
import { defineRoute, json, jsonBody, noContent, router } from '../../core/http/route';
import { finishTwoFactorLogin, login, register } from './accounts';
import { finishPasswordReset, startPasswordReset } from './passwords';
import { personOf } from './principal';
import { endSession } from './sessions';
import { loginView, messageView, registeredView, sessionView } from './views';

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
      const context = { requestId: c.get('requestId'), userAgent: c.req.header('User-Agent') };
      const result = await register(c.get('db'), c.env.EMAIL_QUEUE, c.req.valid('json'), loadConfig(c.env), context);
      return c.json(result, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/login', tags, summary: 'Sign in: a session token, or a challenge when two-factor is on',
      description:
        'Unknown emails and wrong passwords get the same answer. Budgeted per address and per account. With two-factor on, a right password answers `{ twoFactorRequired: true, challenge }`: send it with a code to `/v1/auth/login/2fa`.',
      access: access.public,
      request: { body: jsonBody(loginBody.meta({ example: { email: 'marie@example.com', password: 'correct horse battery' } })) },
      errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED'],
      responses: { 200: json(loginView) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      // Budget per address and per account, so neither spraying nor one targeted account works.
      await spendGuestBudget(c.env, [`ip:${clientIp(c.req.raw)}`, `email:${body.email}`], 'Too many sign-in attempts; wait a minute and try again');
      return c.json(await login(c.get('db'), body, loadConfig(c.env).jwt, c.req.header('User-Agent')), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/login/2fa', tags, summary: "Sign in's second step: the challenge and a code from the app (or a recovery code); a session token",
      description: 'Each code works once. Five wrong codes within 15 minutes lock the account\'s code checks (429 TOO_MANY_ATTEMPTS, with Retry-After) until the oldest is 15 minutes old.',
      access: access.public,
      request: { body: jsonBody(twoFactorLoginBody.meta({ example: { challenge: 'the-challenge-from-login', code: '287082' } })) },
      errors: ['INVALID_TOKEN', 'INVALID_CODE', 'TOO_MANY_ATTEMPTS', 'RATE_LIMITED'],
      responses: { 200: json(sessionView) },
    }),
    async (c) => {
      await spendGuestBudget(c.env, [`ip:${clientIp(c.req.raw)}`], 'Too many sign-in attempts; wait a minute and try again');
      return c.json(await finishTwoFactorLogin(c.get('db'), c.req.valid('json'), loadConfig(c.env).jwt, c.req.header('User-Agent')), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/logout', tags, summary: 'Sign out: this session ends (its token stops working)', access: access.self,
      responses: { 204: noContent },
    }),
    async (c) => {
      const { userId, sessionId } = personOf(c.get('principal'));
      await endSession(c.get('db'), userId, sessionId);
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/password-reset', tags, summary: 'Email a link to choose a new password',
      description: 'The same 202 whether or not the address has an account; the link works once, for 30 minutes. Budgeted per address and per email.',
      access: access.public,
      request: { body: jsonBody(passwordResetRequestBody.meta({ example: { email: 'marie@example.com' } })) },
      errors: ['RATE_LIMITED'],
      responses: { 202: json(messageView, 'Accepted') },
    }),
    async (c) => {
      const { email } = c.req.valid('json');
      await spendGuestBudget(c.env, [`reset-ip:${clientIp(c.req.raw)}`, `reset:${email}`], 'Too many reset requests; wait a minute and try again');
      const mail = { db: c.get('db'), queue: c.env.EMAIL_QUEUE, publicOrigin: loadConfig(c.env).publicOrigin };
      // After the answer, so its timing says nothing about whether the account exists.
      c.executionCtx.waitUntil(startPasswordReset(mail, email).catch((err) => console.error(JSON.stringify({ passwordReset: String(err) }))));
      return c.json({ message: 'If an account uses this address, an email with a link to choose a new password is on its way.' }, 202);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/password-reset/confirm', tags, summary: 'Choose a new password with the emailed link; every session ends',
      access: access.public,
      request: { body: jsonBody(passwordResetBody.meta({ example: { token: 'the-token-from-the-emailed-link', password: 'a new and longer one' } })) },
      errors: ['INVALID_TOKEN'],
      responses: { 200: json(messageView) },
    }),
    async (c) => {
      const { token, password } = c.req.valid('json');
      await finishPasswordReset(c.get('db'), token, password, c.get('requestId'));
      return c.json({ message: 'Your password is changed; sign in with it.' }, 200);
    },
  );
