/**
 * What `npm start` runs (vision service, Stripe and Resend stand-ins, wrangler dev with real local
 * D1/R2/Queues), on free ports with throw-away state and secrets, so browser tests never touch the
 * demo data or port 8787.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startStack, startVision } from '../../scripts/lib/local-stack';
import { startStandIns } from '../../scripts/stand-ins';

export async function e2eStack() {
  const state = mkdtempSync(join(tmpdir(), 'vitrine-e2e-'));
  const secret = () => randomBytes(32).toString('base64url');
  const visionSecret = secret();
  const webhookSecret = secret();
  const quiet = !process.env.VERBOSE;
  const port = await freePort();
  const vision = await startVision({ port: await freePort(), secret: visionSecret, quiet });
  const standIns = await startStandIns({
    workerOrigin: `http://127.0.0.1:${port}`,
    webhookSecret,
    stripePort: await freePort(),
    resendPort: await freePort(),
    quiet,
  });
  const stack = await startStack({
    port,
    persistTo: state,
    vars: {
      JWT_SECRET: secret(),
      UPLOAD_SIGNING_SECRET: secret(),
      VISION_SECRET: visionSecret,
      VISION_URL: vision.origin,
      STRIPE_SECRET_KEY: 'sk_test_local_stand_in',
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      RESEND_API_KEY: 're_local_stand_in',
      DEV_MAILBOX: 'on',
      ...standIns.vars,
    },
    quiet,
  }).catch(async (err) => {
    vision.stop();
    await standIns.close();
    throw err;
  });
  return {
    origin: stack.origin,
    async close() {
      stack.stop();
      vision.stop();
      await standIns.close();
      rmSync(state, { recursive: true, force: true });
    },
  };
}
