// `npm start`: the whole product on one port, offline. Writes .dev.vars if missing, builds the
// web app, applies D1 migrations to the local state, runs `wrangler dev` and seeds demo data.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { runOrExit, startStack } from './lib/local-stack';
import { seedDemo } from './seed-demo';

function ensureDevVars() {
  if (existsSync('.dev.vars')) return;
  const secret = () => randomBytes(32).toString('base64url');
  writeFileSync('.dev.vars', readFileSync('.dev.vars.example', 'utf8').replace(/=change-me[^\n]*/g, () => `=${secret()}`));
  console.log('• wrote .dev.vars with fresh local secrets');
}

ensureDevVars();
console.log('• building the web app');
runOrExit('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
const port = Number(process.env.PORT ?? 8787);
console.log(`• applying migrations and starting wrangler dev on port ${port}`);
const stack = await startStack({ port, host: process.env.HOST });
process.on('SIGINT', stack.stop);
process.on('SIGTERM', stack.stop);
stack.process.on('exit', (code) => process.exit(code ?? 0));

try {
  const demo = await seedDemo(stack.origin);
  console.log(`
  Vitrine is running: ${stack.origin}
  Demo login: ${demo.email} / ${demo.password}
  Demo album: ${demo.album.title} (id ${demo.album.id}, slug ${demo.album.slug})
  API: ${stack.origin}/v1   Health: ${stack.origin}/health   Stop: Ctrl-C
`);
} catch (err) {
  console.error(`✗ ${(err as Error).message}`);
  stack.stop();
}
