/**
 * GDPR through the public surface: a data export holds the originals byte for byte behind an
 * expiring signed link; deleting an account leaves no R2 object and no D1 row of the person (paid
 * orders keep their accounting minimum); an owner deletes a workspace; guest emails are blanked
 * after the retention months by the cron.
 */
import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import worker from '../workers/index';
import { call, testEnv } from './helpers/api';
import { makeAlbum, makeApiKey, PASSWORD, signUp } from './helpers/factories';
import { inWorkspace, join } from './helpers/members';
import { image, uploadPhoto, waitForPhoto } from './helpers/photos';
import { becomePayable, payOnCheckoutPage, relayWebhooks, sentEmails } from './helpers/stripe';
import { waitFor } from './helpers/wait';
import { readZip } from './helpers/zip';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const runCron = () => worker.scheduled(createScheduledController({ cron: '*/5 * * * *' }), testEnv);

/** A photographer with a ready photo sold once (a paid order by a guest). */
async function sellingPro() {
  const pro = await signUp('events');
  const album = await makeAlbum(pro.token, { title: `Trail ${crypto.randomUUID().slice(0, 6)}` });
  const bytes = image('bib1234');
  const photoId = await uploadPhoto(pro.token, album.id, bytes, 'image/jpeg', 'finish-line.jpg');
  expect((await waitForPhoto(pro.token, photoId)).status).toBe('ready');
  const pack = (await call('POST', `/v1/albums/${album.id}/packs`, { token: pro.token, json: { name: 'One photo', scope: 'photo', size: 'original', amountCents: 500 } })).data.pack;
  await becomePayable(pro.token);
  const buyer = `runner-${crypto.randomUUID().slice(0, 8)}@example.test`;
  const started = await call('POST', `/v1/public/albums/${album.slug}/checkout`, { json: { email: buyer, items: [{ packId: pack.id, photoId }] } });
  await payOnCheckoutPage(started.data.checkoutUrl);
  await relayWebhooks(new URL(started.data.checkoutUrl).pathname.split('/').pop()!);
  return { ...pro, album, photoId, bytes, orderId: started.data.order.id as string, buyer };
}

/** Every row of every table, as text, that mentions one of `needles` (table name -> rows). */
async function rowsMentioning(needles: string[]) {
  const tables = await env.DB.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name <> 'd1_migrations'").all<{ name: string }>();
  const found: Record<string, string[]> = {};
  for (const { name } of tables.results) {
    const rows = await env.DB.prepare(`select * from "${name}"`).all();
    const hits = rows.results.map((r) => JSON.stringify(r)).filter((row) => needles.some((n) => row.includes(n)));
    if (hits.length) found[name] = hits;
  }
  return found;
}

async function allKeys() {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.PHOTOS.list({ cursor, limit: 1000 });
    keys.push(...page.objects.map((o) => o.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys;
}

describe('data export', () => {
  it('a ZIP of the profile, the workspace data and the originals byte for byte, behind a signed link emailed and listed', { timeout: 120_000 }, async () => {
    const pro = await sellingPro();
    const asked = await call('POST', '/v1/account/export', { token: pro.token });
    expect(asked.status).toBe(202);
    expect(asked.data.export).toMatchObject({ status: 'queued', downloadUrl: null });
    // One at a time.
    const again = await call('POST', '/v1/account/export', { token: pro.token });
    expect(again.status).toBe(409);
    expect(again.data.error.code).toBe('EXPORT_IN_PROGRESS');

    const listed = await waitFor(() => call('GET', '/v1/account/exports', { token: pro.token }), (r) => r.data.exports[0]?.status === 'done', 60_000);
    const done = listed.data.exports[0];
    expect(done.files).toBeGreaterThan(5);
    const mail = await waitFor(() => sentEmails(pro.email), (m) => m.some((e) => e.subject.includes('data export')), 30_000);
    const link = /https?:\/\/[^\s"]+\/v1\/exports\/[^\s"]+/.exec(mail.find((e) => e.subject.includes('data export'))!.text)![0];
    expect(new URL(link).search).toBe(new URL(done.downloadUrl).search);

    const url = new URL(link);
    const res = await worker.fetch(new Request(`http://vitrine.test${url.pathname}${url.search}`), testEnv, { waitUntil() {}, passThroughOnException() {} } as unknown as ExecutionContext);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/zip');
    const zip = new Uint8Array(await res.arrayBuffer());
    expect(zip.byteLength).toBe(done.bytes);
    const entries = readZip(zip);
    const byName = new Map(entries.map((e) => [e.name, e.data]));
    const profile = JSON.parse(text(byName.get('profile.json')!));
    expect(profile).toMatchObject({ id: pro.user.id, email: pro.email });
    expect(profile).not.toHaveProperty('passwordHash');
    const dir = [...byName.keys()].find((n) => n.endsWith('/photos.json'))!.replace(/\/photos\.json$/, '');
    const photos = JSON.parse(text(byName.get(`${dir}/photos.json`)!));
    expect(photos.map((p: { id: string }) => p.id)).toEqual([pro.photoId]);
    expect(photos[0]).not.toHaveProperty('originalKey');
    const orders = JSON.parse(text(byName.get(`${dir}/orders.json`)!));
    expect(orders).toEqual([expect.objectContaining({ id: pro.orderId, status: 'paid', email: pro.buyer, items: [expect.objectContaining({ amountCents: 500 })] })]);
    for (const doc of ['albums.json', 'tags.json', 'credit-ledger.json', 'invoices.json', 'audit-log.json']) expect(byName.has(`${dir}/${doc}`), doc).toBe(true);
    const original = entries.find((e) => e.name.includes('/originals/') && e.name.includes('finish-line'))!;
    expect(original.data).toEqual(pro.bytes);

    // Tampered or expired links are refused with a code; the export is audited.
    const forged = await call('GET', `${url.pathname}?expires=${url.searchParams.get('expires')}&sig=${'0'.repeat(64)}`);
    expect(forged.status).toBe(403);
    expect(forged.data.error.code).toBe('DOWNLOAD_LINK_INVALID');
    const mine = await call('GET', '/v1/account/exports', { token: pro.token });
    expect(mine.data.exports).toHaveLength(1);
  });
});

describe('account deletion', () => {
  it('asks for the password, signs out at once, and leaves no R2 object and no row of the person; the paid order keeps amounts only', { timeout: 180_000 }, async () => {
    const pro = await sellingPro();
    const key = await makeApiKey(pro.token, ['albums:read']);
    await call('POST', '/v1/account/export', { token: pro.token });
    await waitFor(() => call('GET', '/v1/account/exports', { token: pro.token }), (r) => r.data.exports[0]?.status === 'done', 60_000);
    const before = (await allKeys()).filter((k) => k.includes(pro.photoId) || k.includes(pro.user.id));
    expect(before.length).toBeGreaterThanOrEqual(4); // original, web, thumb, the export

    const plan = await call('GET', '/v1/account/deletion', { token: pro.token });
    expect(plan.data).toEqual({ erased: [expect.objectContaining({ id: pro.workspace.id })], left: [], blocking: [] });
    const wrong = await call('DELETE', '/v1/account', { token: pro.token, json: { password: 'not my password' } });
    expect(wrong.status).toBe(400);
    expect(wrong.data.error.details.fields).toEqual([expect.objectContaining({ path: 'password' })]);

    const deleted = await call('DELETE', '/v1/account', { token: pro.token, json: { password: PASSWORD } });
    expect(deleted.status).toBe(202);
    expect(deleted.data).toEqual({ workspacesErased: 1 });
    expect((await call('GET', '/v1/me', { token: pro.token })).status).toBe(401);
    expect((await call('GET', '/v1/albums', { token: key.key })).status).toBe(401);
    const login = await call('POST', '/v1/auth/login', { json: { email: pro.email, password: PASSWORD } });
    expect(login.status).toBe(401);

    // The jobs run on the real local queue; the goodbye email leaves, then its row goes too.
    await waitFor(() => sentEmails(pro.email), (m) => m.some((e) => e.subject.includes('was deleted')), 60_000);
    const needles = [pro.user.id, pro.email, pro.photoId, pro.album.id, pro.buyer];
    const left = await waitFor(() => rowsMentioning([...needles, pro.workspace.id]), (found) => Object.keys(found).every((t) => t === 'retained_orders' || t === 'audit_log'), 60_000);
    expect(await rowsMentioning(needles)).toEqual({});
    // The workspace's id stays only where the books and the erasure's own record need it.
    expect(Object.keys(left).sort()).toEqual(['audit_log', 'retained_orders']);
    expect(left.audit_log!.every((row) => row.includes('"workspace.erased"'))).toBe(true);
    expect((await allKeys()).filter((k) => k.includes(pro.photoId) || k.includes(pro.user.id))).toEqual([]);
    const kept = await env.DB.prepare('select * from retained_orders where order_id = ?').bind(pro.orderId).first();
    expect(kept).toMatchObject({ status: 'paid', total_cents: 600, fee_cents: 100, currency: 'eur' });
  });

  it('is refused while the person alone owns a workspace others work in; a member deleting their account leaves the team workspace', { timeout: 120_000 }, async () => {
    const owner = await signUp('events');
    const member = await signUp('events');
    await join(owner, member);
    const refused = await call('DELETE', '/v1/account', { token: owner.token, json: { password: PASSWORD } });
    expect(refused.status).toBe(409);
    expect(refused.data.error).toMatchObject({ code: 'OWNERSHIP_TRANSFER_NEEDED', details: { workspaces: [expect.objectContaining({ id: owner.workspace.id, members: 1 })] } });

    // The member can leave by deleting their own account: the team workspace stays, without them.
    const plan = await call('GET', '/v1/account/deletion', { token: member.token });
    expect(plan.data).toMatchObject({ erased: [{ id: member.workspace.id }], left: [{ id: owner.workspace.id }], blocking: [] });
    expect((await call('DELETE', '/v1/account', { token: member.token, json: { password: PASSWORD } })).status).toBe(202);
    const team = await waitFor(() => call('GET', '/v1/members', { token: owner.token }), (r) => r.data.members.length === 1, 30_000);
    expect(team.data.members).toEqual([expect.objectContaining({ userId: owner.user.id, role: 'owner' })]);
    expect((await call('DELETE', '/v1/account', { token: owner.token, json: { password: PASSWORD } })).status).toBe(202);
  });
});

describe('workspace deletion', () => {
  it('an owner deletes one of their workspaces: members and keys lose access at once, its Stripe customer is deleted, the last workspace is refused', { timeout: 120_000 }, async () => {
    const owner = await signUp('events');
    const second = await call('POST', '/v1/workspaces', { token: owner.token, json: { name: 'Second studio', kind: 'events' } });
    expect(second.status).toBe(201);
    const ws = second.data.workspace.id as string;
    const asOwner = inWorkspace(owner, ws);
    // A credit checkout gives the workspace a Stripe customer.
    const checkout = await call('POST', '/v1/billing/credits', { ...asOwner, json: { pack: 'credits_100' } });
    expect(checkout.status).toBe(201);
    const customer = (await env.DB.prepare('select stripe_customer_id as id from workspaces where id = ?').bind(ws).first<{ id: string }>())!.id;
    const album = await call('POST', '/v1/albums', { ...asOwner, json: { title: 'Doomed', visibility: 'public' } });
    expect(album.status).toBe(201);

    const wrong = await call('DELETE', '/v1/workspace', { ...asOwner, json: { password: 'nope' } });
    expect(wrong.status).toBe(400);
    const gone = await call('DELETE', '/v1/workspace', { ...asOwner, json: { password: PASSWORD } });
    expect(gone.status).toBe(204);
    expect((await call('GET', '/v1/albums', asOwner)).status).toBe(403);
    await waitFor(() => env.DB.prepare('select id from workspaces where id = ?').bind(ws).first(), (row) => row === null, 30_000);
    expect(await env.DB.prepare('select count(*) as n from albums where id = ?').bind(album.data.album.id).first('n')).toBe(0);
    const stripe = inject('stripe');
    const readBack = await (await fetch(`${stripe.url}/v1/customers/${customer}`, { headers: { Authorization: 'Bearer sk_test_reader' } })).json();
    expect(readBack).toMatchObject({ id: customer, deleted: true });

    // The first workspace is still there, and it is the last: refused.
    const last = await call('DELETE', '/v1/workspace', { token: owner.token, json: { password: PASSWORD } });
    expect(last.status).toBe(409);
    expect(last.data.error.code).toBe('LAST_WORKSPACE');
    // A member cannot delete the workspace.
    const member = await signUp('events');
    await join(owner, member);
    const notOwner = await call('DELETE', '/v1/workspace', { ...inWorkspace(member, owner.workspace.id), json: { password: PASSWORD } });
    expect(notOwner.status).toBe(403);
  });
});

describe('retention', () => {
  it('the cron blanks guest emails on orders older than the retention months, and their order email; recent orders keep theirs', { timeout: 120_000 }, async () => {
    const pro = await sellingPro();
    const recent = await sellingPro();
    const months = Number(env.GUEST_EMAIL_RETENTION_MONTHS);
    const old = new Date();
    old.setUTCMonth(old.getUTCMonth() - months - 1);
    await env.DB.prepare('update orders set created_at = ? where id = ?').bind(old.getTime(), pro.orderId).run();
    expect(await env.DB.prepare('select count(*) as n from email_outbox where dedupe_key = ?').bind(`order-paid:${pro.orderId}`).first('n')).toBe(1);
    await runCron();
    const row = await env.DB.prepare('select email, email_erased_at, total_cents from orders where id = ?').bind(pro.orderId).first<{ email: string; email_erased_at: number; total_cents: number }>();
    expect(row).toMatchObject({ email: '', total_cents: 600 });
    expect(row!.email_erased_at).toBeGreaterThan(0);
    expect(await env.DB.prepare('select count(*) as n from email_outbox where dedupe_key = ?').bind(`order-paid:${pro.orderId}`).first('n')).toBe(0);
    expect(await env.DB.prepare('select email from orders where id = ?').bind(recent.orderId).first('email')).toBe(recent.buyer);
  });
});
