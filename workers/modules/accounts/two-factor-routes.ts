import { disableTwoFactorBody, twoFactorCodeBody } from '../../shared/schemas/auth';
import { loadConfig } from '../../core/config';
import { access } from '../../core/http/middleware/access';
import type { Context } from 'hono';
import type { AppEnv } from '../../core/http/app-env';
import { defineRoute, json, jsonBody, noContent, router } from '../../core/http/route';
import { personOf } from './principal';
import { disableTwoFactor, enableTwoFactor, regenerateRecoveryCodes, startTwoFactorSetup, type TwoFactorContext } from './two-factor';
import { recoveryCodesView, twoFactorSetupView } from './views';

const tags = ['Accounts'];
const codeExample = { code: '287082' };

/** What the services need from the request: the db, the email queue, the origin for links, the sealing secret. */
const contextOf = (c: Context<AppEnv>): TwoFactorContext => {
  const config = loadConfig(c.env);
  return { db: c.get('db'), queue: c.env.EMAIL_QUEUE, publicOrigin: config.publicOrigin, masterSecret: config.jwt.secret };
};

/** The signed-in person's two-factor authentication (TOTP): set up, turn on, turn off, new recovery codes. */
export const twoFactorRoutes = router()
  .openapi(
    defineRoute({
      method: 'post', path: '/setup', tags, summary: 'Start setting up two-factor: a new secret and its otpauth URI (not on until confirmed)', access: access.self,
      errors: ['TWO_FACTOR_ALREADY_ON'],
      responses: { 200: json(twoFactorSetupView) },
    }),
    async (c) => {
      const { userId } = personOf(c.get('principal'));
      return c.json(await startTwoFactorSetup(c.get('db'), loadConfig(c.env).jwt.secret, userId), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/enable', tags, summary: 'Turn two-factor on with a code from the app: ten recovery codes, shown once', access: access.self,
      description: 'A wrong code is a 400 on `code`; five wrong codes within 15 minutes lock code checks (429).',
      request: { body: jsonBody(twoFactorCodeBody.meta({ example: codeExample })) },
      errors: ['TWO_FACTOR_OFF', 'TOO_MANY_ATTEMPTS'],
      responses: { 200: json(recoveryCodesView) },
    }),
    async (c) => {
      const { userId } = personOf(c.get('principal'));
      const recoveryCodes = await enableTwoFactor(contextOf(c), userId, c.req.valid('json').code, c.get('requestId'));
      return c.json({ recoveryCodes }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/disable', tags, summary: 'Turn two-factor off (asks for the password and a code or recovery code)', access: access.self,
      request: { body: jsonBody(disableTwoFactorBody.meta({ example: { password: 'correct horse battery', code: '287082' } })) },
      errors: ['TWO_FACTOR_OFF', 'TOO_MANY_ATTEMPTS'],
      responses: { 204: noContent },
    }),
    async (c) => {
      await disableTwoFactor(contextOf(c), personOf(c.get('principal')).userId, c.req.valid('json'), c.get('requestId'));
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/recovery-codes', tags, summary: 'Ten new recovery codes for a code from the app; the old ones stop working', access: access.self,
      request: { body: jsonBody(twoFactorCodeBody.meta({ example: codeExample })) },
      errors: ['TWO_FACTOR_OFF', 'TOO_MANY_ATTEMPTS'],
      responses: { 200: json(recoveryCodesView) },
    }),
    async (c) => {
      const { userId } = personOf(c.get('principal'));
      const recoveryCodes = await regenerateRecoveryCodes(contextOf(c), userId, c.req.valid('json').code, c.get('requestId'));
      return c.json({ recoveryCodes }, 200);
    },
  );
