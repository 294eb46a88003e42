// `npm start`: the whole product on one port, offline. Writes .dev.vars if missing (or adds the
// keys a newer .dev.vars.example brought), builds the web app, starts the vision service and the
// Stripe/Resend stand-ins, applies D1 migrations to the local state, runs `wrangler dev` and seeds
// demo data.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { runOrExit, startStack, startVision } from './lib/local-stack';
import { startStandIns } from './stand-ins';
import { seedDemo } from './seed-demo';

const KEY_LINE = /^([A-Z_]+)=(.*)$/;
const withFreshSecrets = (text: string) => text.replace(/=change-me[^\n]*/g, () => `=${randomBytes(32).toString('base64url')}`);

function ensureDevVars() {
  const example = readFileSync('.dev.vars.example', 'utf8');
  if (!existsSync('.dev.vars')) {
    writeFileSync('.dev.vars', withFreshSecrets(example));
    console.log('• wrote .dev.vars with fresh local secrets');
    return;
  }
  const have = new Set(Object.keys(devVars()));
  const missing = example.split('\n').filter((line) => KEY_LINE.test(line) && !have.has(KEY_LINE.exec(line)![1]!));
  if (missing.length === 0) return;
  writeFileSync('.dev.vars', `${readFileSync('.dev.vars', 'utf8').trimEnd()}\n${withFreshSecrets(missing.join('\n'))}\n`);
  console.log(`• added ${missing.length} new keys to .dev.vars`);
}

/** KEY=VALUE lines of .dev.vars (the Worker reads them itself; the vision service needs one). */
const devVars = () =>
  Object.fromEntries(
    readFileSync('.dev.vars', 'utf8')
      .split('\n')
      .map((line) => KEY_LINE.exec(line.trim()))
      .filter((m): m is RegExpExecArray => Boolean(m))
      .map((m) => [m[1], m[2]]),
  );

ensureDevVars();
console.log('• building the web app');
runOrExit('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
const port = Number(process.env.PORT ?? 8787);
const visionPort = Number(process.env.VISION_PORT ?? 8788);
const visionSecret = devVars().VISION_SECRET;
if (!visionSecret) throw new Error('.dev.vars has no VISION_SECRET: add one (see .dev.vars.example)');
console.log(`• starting the vision service on port ${visionPort} (loading OCR and cutout models)`);
const vision = await startVision({ port: visionPort, secret: visionSecret });
const host = process.env.HOST ?? '127.0.0.1';
const workerOrigin = `http://${host}:${port}`;
/** This machine's first LAN IPv4 address: what a phone on the same network opens when HOST=0.0.0.0. */
const lanAddress = () =>
  Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address ?? '127.0.0.1';
// Links in emails: PUBLIC_ORIGIN if given, else the address this run listens on.
const publicOrigin = process.env.PUBLIC_ORIGIN ?? workerOrigin.replace('//0.0.0.0:', `//${lanAddress()}:`);
console.log('• starting the Stripe, Resend and Workers AI stand-ins');
const standIns = await startStandIns({
  workerOrigin: workerOrigin.replace('0.0.0.0', '127.0.0.1'),
  webhookSecret: devVars().STRIPE_WEBHOOK_SECRET!,
  stripePort: Number(process.env.STRIPE_PORT ?? 12111),
  resendPort: Number(process.env.RESEND_PORT ?? 12112),
  workersAiPort: Number(process.env.WORKERS_AI_PORT ?? 12113),
});
// Real keys in .dev.vars talk to the real services; the stand-ins' own test keys talk to the stand-ins.
const vars = devVars();
/**
 * Beyond loopback, anyone on the network could open /dev/mail (every workspace's emails, buyers'
 * download links included): it then asks for a key, .dev.vars' DEV_MAILBOX_SECRET or a fresh one.
 */
const loopback = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/.test(host);
const mailboxSecret = loopback ? vars.DEV_MAILBOX_SECRET || '' : vars.DEV_MAILBOX_SECRET || randomBytes(24).toString('base64url');
const mailboxVars: Record<string, string> = mailboxSecret ? { DEV_MAILBOX_SECRET: mailboxSecret } : {};
const standInVars = {
  ...(vars.STRIPE_SECRET_KEY?.startsWith('sk_test_local') ? { STRIPE_API_URL: standIns.vars.STRIPE_API_URL } : {}),
  ...(vars.RESEND_API_KEY?.startsWith('re_local') ? { RESEND_API_URL: standIns.vars.RESEND_API_URL } : {}),
  // The stand-in takes any account id; a real token keeps .dev.vars' CF_ACCOUNT_ID and api.cloudflare.com.
  ...(vars.CF_API_TOKEN?.startsWith('cf_local') ? { WORKERS_AI_API_URL: standIns.vars.WORKERS_AI_API_URL, CF_ACCOUNT_ID: 'local-stand-in' } : {}),
};
console.log(`• applying migrations and starting wrangler dev on port ${port}`);
const stack = await startStack({ port, host: process.env.HOST, vars: { PUBLIC_ORIGIN: publicOrigin, VISION_URL: vision.origin, ...standInVars, ...mailboxVars }, cronEveryMs: 5 * 60_000 });
const stopAll = () => {
  stack.stop();
  vision.stop();
  void standIns.close();
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
stack.process.on('exit', (code) => {
  vision.stop();
  void standIns.close().finally(() => process.exit(code ?? 0));
});

try {
  const demo = await seedDemo(stack.origin, mailboxSecret);
  console.log(`
  Vitrine is running: ${stack.origin}
  Demo login: ${demo.email} / ${demo.password}
  Demo album: ${demo.album.title} (id ${demo.album.id}, slug ${demo.album.slug})
${demo.others.map((o) => `  ${o.workspace.kind} demo: ${o.email} / ${o.password} (${o.album.title})`).join('\n')}
  API: ${stack.origin}/v1   Health: ${stack.origin}/health   Vision service: ${vision.origin}
  Payments: Stripe stand-in ${standIns.stripe.url}   Emails sent: ${stack.origin}/dev/mail${mailboxSecret ? `?key=${mailboxSecret}` : ''}   Stop: Ctrl-C
`);
} catch (err) {
  console.error(`✗ ${(err as Error).message}`);
  stopAll();
}
