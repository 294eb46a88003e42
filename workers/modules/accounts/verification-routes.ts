import { verifyEmailBody } from '../../shared/schemas/auth';
import { loadConfig } from '../../core/config';
import { access } from '../../core/http/middleware/access';
import { spendGuestBudget } from '../../core/http/middleware/rate-limit';
import { defineRoute, json, jsonBody, router } from '../../core/http/route';
import { resendVerification, verifyEmail } from './email-verification';
import { personOf } from './principal';
import { emailVerifiedView, messageView } from './views';

const tags = ['Accounts'];

/** Confirming the address from the emailed link (public: the link is the proof), under /v1/auth. */
export const verifyEmailRoutes = router().openapi(
  defineRoute({
    method: 'post', path: '/verify-email', tags, summary: 'Confirm the email address with the emailed link; the starter credits come with it, once',
    description: 'Opening the link again answers `alreadyVerified: true` and grants nothing.',
    access: access.public,
    request: { body: jsonBody(verifyEmailBody.meta({ example: { token: 'the-token-from-the-emailed-link' } })) },
    errors: ['INVALID_TOKEN'],
    responses: { 200: json(emailVerifiedView) },
  }),
  async (c) => c.json(await verifyEmail(c.get('db'), c.req.valid('json').token, loadConfig(c.env).jwt, c.get('requestId')), 200),
);

/** Asking for a new link, under /v1/account. */
export const verificationEmailRoutes = router().openapi(
  defineRoute({
    method: 'post', path: '/verification-email', tags, summary: 'Email a new confirmation link (when the address is not confirmed yet)', access: access.self,
    errors: ['RATE_LIMITED'],
    responses: { 202: json(messageView, 'Accepted') },
  }),
  async (c) => {
    const { userId } = personOf(c.get('principal'));
    await spendGuestBudget(c.env, [`verify:${userId}`], 'Too many confirmation emails asked for; wait a minute and try again');
    const config = loadConfig(c.env);
    const outcome = await resendVerification({ db: c.get('db'), queue: c.env.EMAIL_QUEUE, publicOrigin: config.publicOrigin, jwt: config.jwt }, userId);
    const message = outcome === 'sent' ? 'A new confirmation link is on its way.' : 'Your email address is already confirmed.';
    return c.json({ message }, 202);
  },
);
