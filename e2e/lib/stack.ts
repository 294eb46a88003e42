/**
 * What `npm start` runs (vision service + wrangler dev with real local D1/R2/Queues), on free
 * ports with throw-away state and secrets, so browser tests never touch the demo data or port 8787.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startStack, startVision } from '../../scripts/lib/local-stack';

export async function e2eStack() {
  const state = mkdtempSync(join(tmpdir(), 'vitrine-e2e-'));
  const secret = () => randomBytes(32).toString('base64url');
  const visionSecret = secret();
  const quiet = !process.env.VERBOSE;
  const vision = await startVision({ port: await freePort(), secret: visionSecret, quiet });
  const stack = await startStack({
    port: await freePort(),
    persistTo: state,
    vars: { JWT_SECRET: secret(), UPLOAD_SIGNING_SECRET: secret(), VISION_SECRET: visionSecret, VISION_URL: vision.origin },
    quiet,
  }).catch((err) => {
    vision.stop();
    throw err;
  });
  return {
    origin: stack.origin,
    close() {
      stack.stop();
      vision.stop();
      rmSync(state, { recursive: true, force: true });
    },
  };
}
