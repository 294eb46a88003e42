/**
 * What `npm start` runs (vision service, Stripe and Resend stand-ins, wrangler dev with real local
 * D1/R2/Queues), on free ports with throw-away state and secrets, so browser tests never touch the
 * demo data or port 8787.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { freePort, startStack, startVision } from '../../scripts/lib/local-stack';
import { startStandIns } from '../../scripts/stand-ins';

/** The services' output, one file per service and test file (git-ignored), kept after the run. */
const LOGS = join(import.meta.dirname, '..', 'logs');

function logFiles() {
  mkdirSync(LOGS, { recursive: true });
  const testFile = basename(process.argv[1] ?? 'e2e', '.test.ts');
  const files = { worker: join(LOGS, `${testFile}.worker.log`), vision: join(LOGS, `${testFile}.vision.log`) };
  for (const file of Object.values(files)) rmSync(file, { force: true });
  return files;
}

/** The last lines of a log, for a failure report. */
function tail(file: string, lines: number) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export async function e2eStack() {
  const state = mkdtempSync(join(tmpdir(), 'vitrine-e2e-'));
  const secret = () => randomBytes(32).toString('base64url');
  const visionSecret = secret();
  const webhookSecret = secret();
  // VERBOSE=1 shows the services' output in the terminal instead of the log files.
  const logs = logFiles();
  const output = (file: string) => (process.env.VERBOSE ? {} : { logFile: file });
  const quiet = !process.env.VERBOSE;
  const port = await freePort();
  const vision = await startVision({ port: await freePort(), secret: visionSecret, ...output(logs.vision) });
  const standIns = await startStandIns({
    workerOrigin: `http://127.0.0.1:${port}`,
    webhookSecret,
    stripePort: await freePort(),
    resendPort: await freePort(),
    workersAiPort: await freePort(),
    quiet,
  });
  const stack = await startStack({
    port,
    persistTo: state,
    vars: {
      // The browser tests open links from emails: they must point at this stack's free port.
      PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
      JWT_SECRET: secret(),
      UPLOAD_SIGNING_SECRET: secret(),
      VISION_SECRET: visionSecret,
      VISION_URL: vision.origin,
      STRIPE_SECRET_KEY: 'sk_test_local_stand_in',
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      RESEND_API_KEY: 're_local_stand_in',
      CF_API_TOKEN: 'cf_local_stand_in',
      CF_ACCOUNT_ID: 'local-stand-in',
      DEV_MAILBOX: 'on',
      // Lost jobs are found after 90 s instead of 15 min, with the cron every 30 s instead of 5 min.
      PIPELINE_STALE_AFTER_SECONDS: '90',
      ...standIns.vars,
    },
    cronEveryMs: 30_000,
    logLevel: process.env.WRANGLER_LOG ?? 'log',
    ...output(logs.worker),
  }).catch(async (err) => {
    vision.stop();
    await standIns.close();
    throw err;
  });
  return {
    origin: stack.origin,
    /** The Workers AI stand-in, whose `/_standin/*` hooks let a test make a model call fail. */
    workersAiOrigin: standIns.workersAi.url,
    /** What the Worker and the vision service printed last: the first thing to read when a test fails. */
    logTails(lines = 80) {
      return Object.entries(logs)
        .map(([name, file]) => `--- last ${lines} lines of the ${name} log (${file}) ---\n${tail(file, lines)}`)
        .join('\n');
    },
    async close() {
      stack.stop();
      vision.stop();
      await standIns.close();
      rmSync(state, { recursive: true, force: true });
    },
  };
}
