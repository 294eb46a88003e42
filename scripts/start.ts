// `npm start`: the whole product on one port, offline. Writes .dev.vars if missing, builds the
// web app, applies D1 migrations to the local state, runs `wrangler dev` and seeds demo data.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { runOrExit, startStack, startVision } from './lib/local-stack';
import { seedDemo } from './seed-demo';

function ensureDevVars() {
  if (existsSync('.dev.vars')) return;
  const secret = () => randomBytes(32).toString('base64url');
  writeFileSync('.dev.vars', readFileSync('.dev.vars.example', 'utf8').replace(/=change-me[^\n]*/g, () => `=${secret()}`));
  console.log('• wrote .dev.vars with fresh local secrets');
}

/** KEY=VALUE lines of .dev.vars (the Worker reads them itself; the vision service needs one). */
const devVars = () =>
  Object.fromEntries(
    readFileSync('.dev.vars', 'utf8')
      .split('\n')
      .map((line) => /^([A-Z_]+)=(.*)$/.exec(line.trim()))
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
console.log(`• applying migrations and starting wrangler dev on port ${port}`);
const stack = await startStack({ port, host: process.env.HOST, vars: { VISION_URL: vision.origin } });
const stopAll = () => {
  stack.stop();
  vision.stop();
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
stack.process.on('exit', (code) => {
  vision.stop();
  process.exit(code ?? 0);
});

try {
  const demo = await seedDemo(stack.origin);
  console.log(`
  Vitrine is running: ${stack.origin}
  Demo login: ${demo.email} / ${demo.password}
  Demo album: ${demo.album.title} (id ${demo.album.id}, slug ${demo.album.slug})
  API: ${stack.origin}/v1   Health: ${stack.origin}/health   Vision service: ${vision.origin}   Stop: Ctrl-C
`);
} catch (err) {
  console.error(`✗ ${(err as Error).message}`);
  stopAll();
}
