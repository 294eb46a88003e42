import { access } from '../../core/http/middleware/access';
import { payments } from '../../core/http/middleware/payments';
import { defineRoute, json, router } from '../../core/http/route';
import { verifiedEmail } from '../accounts/email-verification';
import { payoutStatus, startOnboarding } from './payouts';
import { onboardingView, payoutStatusView } from './views';

const tags = ['Sales'];

/** Photographers get paid: Connect Express onboarding and whether the workspace can sell. */
export const payoutsRoutes = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/', tags, summary: 'Whether the workspace can sell (its Stripe Connect account)', access: access.scope('sales:read'),
      responses: { 200: json(payoutStatusView) },
    }),
    async (c) => c.json(await payoutStatus(c.get('db'), c.get('principal').workspaceId), 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/onboarding', tags, summary: 'A fresh single-use Stripe onboarding link',
      description: 'Creates the Connect Express account once; `account.updated` then marks the workspace payable.',
      access: access.admin,
      // Selling waits for a confirmed address, as buying credits does.
      middleware: [verifiedEmail, payments],
      errors: ['EMAIL_NOT_VERIFIED', 'PAYMENTS_UNAVAILABLE'],
      responses: { 201: json(onboardingView, 'Created') },
    }),
    async (c) => {
      const origin = new URL(c.req.url).origin;
      const urls = { returnUrl: `${origin}/payouts?onboarding=done`, refreshUrl: `${origin}/payouts?onboarding=expired` };
      return c.json(await startOnboarding(c.get('db'), c.get('stripe'), c.get('principal').workspaceId, urls), 201);
    },
  );
