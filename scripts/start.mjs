#!/usr/bin/env node
// `npm start`: the whole product on one port, offline. Writes .dev.vars if missing, builds the
// web app, applies D1 migrations to the local state, runs `wrangler dev` and seeds demo data.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { seedDemo } from './seed-demo.mjs';

const PORT = Number(process.env.PORT ?? 8787);
const HOST = process.env.HOST ?? '127.0.0.1';
const ORIGIN = `http://${HOST}:${PORT}`;
// Offline: no metrics, and no fetch of the `request.cf` object from workers.cloudflare.com.
const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_LOG: process.env.WRANGLER_LOG ?? 'warn' };

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: quietEnv });
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

function ensureDevVars() {
  if (existsSync('.dev.vars')) return;
  const secret = () => randomBytes(32).toString('base64url');
  const text = readFileSync('.dev.vars.example', 'utf8').replace(/=change-me[^\n]*/g, () => `=${secret()}`);
  writeFileSync('.dev.vars', text);
  console.log('• wrote .dev.vars with fresh local secrets');
}

async function waitForHealth(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${ORIGIN}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the Worker did not answer on ${ORIGIN}/health within ${timeoutMs / 1000}s`);
}

ensureDevVars();
console.log('• building the web app');
run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
console.log('• applying D1 migrations (local)');
run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local']);

console.log(`• starting wrangler dev on ${ORIGIN}`);
const dev = spawn(
  'npx',
  ['wrangler', 'dev', '--port', String(PORT), '--ip', HOST, '--inspector-port', String(Number(process.env.INSPECTOR_PORT ?? 0) || PORT + 10_000), '--show-interactive-dev-session=false'],
  { stdio: 'inherit', env: quietEnv },
);
const stop = () => dev.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
dev.on('exit', (code) => process.exit(code ?? 0));

try {
  await waitForHealth();
  const demo = await seedDemo(ORIGIN);
  console.log(`
  Vitrine is running: ${ORIGIN}
  Demo login: ${demo.email} / ${demo.password}
  Demo album: ${demo.album.title} (id ${demo.album.id}, slug ${demo.album.slug})
  API: ${ORIGIN}/v1   Health: ${ORIGIN}/health   Stop: Ctrl-C
`);
} catch (err) {
  console.error(`✗ ${err.message}`);
  stop();
}
