/**
 * `npm run bench:zip [-- N]`: a paid order of N ~10 MB originals (default 40) downloaded as one
 * streamed ZIP from a local `wrangler dev`, through the real flow (Connect onboarding, Checkout
 * on the Stripe stand-in, signed webhook, emailed-style signed link). Prints the ZIP size, time,
 * throughput, and workerd's resident memory before and at its peak during the download: the
 * point is that memory does not grow with the archive.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, type Call, expectStatus, sendAndComplete, signIn } from '../scripts/lib/api-client';
import { freePort, startStack } from '../scripts/lib/local-stack';
import { startStandIns } from '../scripts/stand-ins/index';
import { photoJpeg } from '../test/fixtures/generate';
import { mb, waitReady } from './lib';

const N = Number(process.argv[2] ?? process.env.N ?? 40);

/** Resident memory (bytes) of the workerd processes below `root`. */
function workerdRss(root: number): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,comm=']).toString().trim().split('\n').map((l) => l.trim().split(/\s+/));
  const below = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of rows) {
      if (below.has(Number(ppid)) && !below.has(Number(pid))) {
        below.add(Number(pid));
        grew = true;
      }
    }
  }
  return rows.filter(([pid, , , comm]) => below.has(Number(pid)) && comm?.startsWith('workerd')).reduce((sum, r) => sum + Number(r[2]) * 1024, 0);
}

const original = await photoJpeg(5200, 3900, { seed: 3, quality: 97 });
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`;
const standIns = await startStandIns({ workerOrigin: origin, webhookSecret, stripePort: await freePort(), resendPort: await freePort(), workersAiPort: await freePort() });
const state = mkdtempSync(join(tmpdir(), 'vitrine-zip-'));
const secret = () => randomBytes(32).toString('base64url');
const stack = await startStack({
  port,
  persistTo: state,
  quiet: !process.env.VERBOSE,
  vars: { ...standIns.vars, JWT_SECRET: secret(), UPLOAD_SIGNING_SECRET: secret(), STRIPE_SECRET_KEY: 'sk_test_bench', STRIPE_WEBHOOK_SECRET: webhookSecret, RESEND_API_KEY: 're_bench', DEV_MAILBOX: 'on' },
});
try {
  // `brand`: no bib reading, so nothing but the variants runs while we upload.
  const token = await signIn(origin, { email: 'zip@vitrine.dev', password: 'bench-password-123', name: 'Zip', workspace: { name: 'Zip', kind: 'brand' } });
  const album = expectStatus(await api(origin, 'POST', '/v1/albums', { token, json: { title: 'Zip bench', visibility: 'public' } }), 201, 'album').data.album;
  const files = Array.from({ length: N }, (_, i) => ({ name: `IMG_${i}.jpg`, size: original.byteLength, type: 'image/jpeg' }));
  const uploads = expectStatus(await api(origin, 'POST', `/v1/albums/${album.id}/uploads`, { token, json: { files } }), 201, 'uploads').data.uploads;
  for (const upload of uploads) await sendAndComplete(origin, token, upload, original);
  for (const upload of uploads) await waitReady(origin, token, upload.photoId, 600_000);
  const pack = expectStatus(await api(origin, 'POST', `/v1/albums/${album.id}/packs`, { token, json: { name: 'Everything', scope: 'album', amountCents: 2500 } }), 201, 'pack').data.pack;
  const onboarding = expectStatus(await api(origin, 'POST', '/v1/payouts/onboarding', { token }), 201, 'onboarding').data;
  await fetch(`${onboarding.url}/complete`, { method: 'POST', redirect: 'manual' });
  await new Promise((r) => setTimeout(r, 1000));
  const order = expectStatus(await api(origin, 'POST', `/v1/public/albums/${album.slug}/checkout`, { json: { email: 'runner@example.test', items: [{ packId: pack.id }] } }), 201, 'checkout').data;
  await fetch(`${order.checkoutUrl}/pay`, { method: 'POST', body: 'payment_method=card', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
  const session = new URL(order.checkoutUrl).pathname.split('/').pop();
  let status: Call['data'];
  for (let i = 0; i < 50 && status?.order?.status !== 'paid'; i++) {
    await new Promise((r) => setTimeout(r, 200));
    status = (await api(origin, 'GET', `/v1/public/orders/${order.order.id}?session_id=${session}`)).data;
  }
  const manifest = (await api(origin, 'GET', new URL(status.download.url).pathname + new URL(status.download.url).search)).data;

  const before = workerdRss(stack.process.pid!);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, workerdRss(stack.process.pid!))), 100);
  const started = performance.now();
  const res = await fetch(`${origin}${manifest.zip.original}`);
  let bytes = 0;
  for await (const chunk of res.body!) bytes += (chunk as Uint8Array).byteLength;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  console.log(`order: ${manifest.photos.length} originals of ${mb(original.byteLength)} MB (5200x3900 JPEG)`);
  console.log(`zip: ${mb(bytes)} MB (Content-Length ${res.headers.get('Content-Length') === String(bytes) ? 'exact' : res.headers.get('Content-Length')}) in ${seconds.toFixed(1)} s = ${mb(bytes / seconds)} MB/s`);
  console.log(`workerd RSS: ${mb(before)} MB before, ${mb(peak)} MB peak during the download (+${mb(peak - before)} MB)`);
} finally {
  stack.stop();
  await standIns.close();
  rmSync(state, { recursive: true, force: true });
}
