/**
 * The stand-ins as `npm start` runs them: Stripe delivering webhooks to the local Worker, Resend,
 * and Workers AI (listing texts). Returns the vars the Worker needs to reach them (pass them to `wrangler dev`).
 */
import { startResendStandIn } from './resend';
import { startStripeStandIn } from './stripe/server';
import { startWorkersAiStandIn } from './workers-ai';

export type StandInsOptions = { workerOrigin: string; webhookSecret: string; stripePort?: number; resendPort?: number; workersAiPort?: number; quiet?: boolean };

export async function startStandIns(options: StandInsOptions) {
  const stripe = await startStripeStandIn({
    port: options.stripePort ?? 12111,
    webhookUrl: `${options.workerOrigin}/v1/webhooks/stripe`,
    webhookSecret: options.webhookSecret,
    // Stripe occasionally sends an event twice; so does the stand-in, so duplicates are exercised.
    duplicateRate: 0.05,
  });
  const resend = await startResendStandIn({ port: options.resendPort ?? 12112 });
  const workersAi = await startWorkersAiStandIn({ port: options.workersAiPort ?? 12113 });
  return {
    stripe,
    resend,
    workersAi,
    vars: { STRIPE_API_URL: stripe.url, RESEND_API_URL: resend.url, WORKERS_AI_API_URL: workersAi.url },
    close: async () => {
      await stripe.close();
      await resend.close();
      await workersAi.close();
    },
  };
}
