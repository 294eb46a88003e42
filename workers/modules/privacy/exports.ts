/**
 * Data exports: asked for in Settings, built by a job that streams one ZIP into R2 (client-zip,
 * stored entries, each original read from R2 only when the archive reaches it, so a workspace of
 * thousands of 20 MB photos goes through a 128 MB isolate), then emailed as a signed link that
 * works for 7 days. The cron deletes the ZIP when the link expires.
 */
import { downloadZip, predictLength } from 'client-zip';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { dataExports, type DataExport } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { auditInsert } from '../../core/audit';
import { createDb } from '../../core/db/client';
import { loadConfig } from '../../core/config';
import { hmacSign, hmacVerify } from '../../core/crypto/hmac';
import { newId } from '../../shared/ids';
import { enqueue } from '../../jobs';
import { outboxInsert, sendQueued } from '../notifications/outbox';
import { exportContents } from './export-contents';

export const EXPORT_LINK_TTL_SECONDS = 7 * 24 * 3600;

const exportKey = (userId: string, exportId: string) => `exports/${userId}/${exportId}.zip`;

// Domain-separated from upload and order-download signatures, which share the secret.
const signed = (exportId: string, expires: number) => `export\n${exportId}\n${expires}`;

async function exportLink(secret: string, origin: string, row: DataExport) {
  const expires = Math.floor(row.expiresAt!.getTime() / 1000);
  return `${origin}/v1/exports/${row.id}?expires=${expires}&sig=${await hmacSign(secret, signed(row.id, expires))}`;
}

/** What the settings screen lists: status, size, and the link while it works. */
async function exportView(secret: string, origin: string, row: DataExport) {
  const live = row.status === 'done' && row.expiresAt !== null && row.expiresAt.getTime() > Date.now();
  return {
    id: row.id, status: row.status, bytes: row.bytes, files: row.files, error: row.error,
    createdAt: row.createdAt.toISOString(), completedAt: row.completedAt?.toISOString() ?? null, expiresAt: row.expiresAt?.toISOString() ?? null,
    downloadUrl: live ? await exportLink(secret, origin, row) : null,
  };
}

type Links = { secret: string; origin: string };

/** Queues an export; one at a time per person (the next one can be asked once this one is done). */
export async function requestExport(env: Env, links: Links, userId: string, requestId: string) {
  const db = createDb(env.DB);
  const open = await db.select({ id: dataExports.id }).from(dataExports).where(and(eq(dataExports.userId, userId), inArray(dataExports.status, ['queued', 'running']))).get();
  if (open) throw new AppError('EXPORT_IN_PROGRESS', 'An export is already being prepared; you will get an email when it is ready');
  const id = newId('exp');
  await db.batch([
    db.insert(dataExports).values({ id, userId }),
    auditInsert(db, { workspaceId: null, actorUserId: userId, action: 'account.export_requested', targetType: 'export', targetId: id, requestId }),
  ]);
  await enqueue(env, { type: 'account.export', exportId: id });
  return exportView(links.secret, links.origin, (await db.select().from(dataExports).where(eq(dataExports.id, id)).get())!);
}

export async function listExports(db: Db, links: Links, userId: string) {
  const rows = await db.select().from(dataExports).where(eq(dataExports.userId, userId)).orderBy(desc(dataExports.createdAt)).limit(10);
  return Promise.all(rows.map((r) => exportView(links.secret, links.origin, r)));
}

/** The job: writes the ZIP (same key on a re-run), then marks it done and emails the link, once. */
export async function buildExport(env: Env, exportId: string) {
  const db = createDb(env.DB);
  const config = loadConfig(env);
  const row = await db.select().from(dataExports).where(eq(dataExports.id, exportId)).get();
  if (!row || row.status === 'done' || row.status === 'expired') return;
  await db.update(dataExports).set({ status: 'running' }).where(eq(dataExports.id, exportId));
  const contents = await exportContents(db, config, row.userId);
  if (!contents) return; // the account was deleted meanwhile: its rows went with it
  // Sizes are known (documents in memory, originals recorded at upload): a fixed-length body R2 accepts.
  const present = await Promise.all(contents.originals.map(async (o) => ((await env.PHOTOS.head(o.key))?.size === o.size ? o : null)));
  const originals = present.filter((o) => o !== null);
  const length = predictLength([...contents.docs.map((d) => ({ name: d.name, size: d.bytes.byteLength })), ...originals.map((o) => ({ name: o.name, size: o.size }))]);
  async function* entries() {
    for (const d of contents!.docs) yield { name: d.name, input: d.bytes, lastModified: row!.createdAt };
    for (const o of originals) {
      const object = await env.PHOTOS.get(o.key);
      if (!object) throw new Error(`original ${o.key} disappeared during the export`);
      yield { name: o.name, input: object.body, size: o.size, lastModified: o.lastModified };
    }
  }
  const fixed = new FixedLengthStream(Number(length));
  const piping = downloadZip(entries(), { length }).body!.pipeTo(fixed.writable);
  const key = exportKey(row.userId, row.id);
  const fileName = `vitrine-export-${row.createdAt.toISOString().slice(0, 10)}.zip`;
  await Promise.all([
    env.PHOTOS.put(key, fixed.readable, { httpMetadata: { contentType: 'application/zip', contentDisposition: `attachment; filename="${fileName}"` } }),
    piping,
  ]);
  const expiresAt = new Date(Date.now() + EXPORT_LINK_TTL_SECONDS * 1000);
  const done = { ...row, status: 'done' as const, objectKey: key, bytes: Number(length), files: contents.docs.length + originals.length, completedAt: new Date(), expiresAt };
  const mail = outboxInsert(db, `export:${row.id}`, contents.user.email, {
    template: 'data_export_ready', name: contents.user.name, downloadUrl: await exportLink(config.uploads.signingSecret, config.publicOrigin, done), bytes: done.bytes, expiresAt,
  });
  const [, sent] = await db.batch([
    db.update(dataExports).set({ status: 'done', objectKey: key, bytes: done.bytes, files: done.files, completedAt: done.completedAt, expiresAt, error: null }).where(eq(dataExports.id, row.id)),
    mail.statement,
  ]);
  await sendQueued(env.EMAIL_QUEUE, mail.id, sent);
}

export async function markExportFailed(env: Env, exportId: string, reason: string) {
  await createDb(env.DB).update(dataExports).set({ status: 'failed', error: reason }).where(and(eq(dataExports.id, exportId), inArray(dataExports.status, ['queued', 'running'])));
}

/** The ZIP behind a signed link: refused when tampered, expired, or gone. */
export async function exportDownload(db: Db, bucket: R2Bucket, secret: string, exportId: string, link: { expires: number; sig: string }) {
  if (!(await hmacVerify(secret, signed(exportId, link.expires), link.sig))) throw new AppError('DOWNLOAD_LINK_INVALID', 'This download link is not valid');
  if (link.expires * 1000 < Date.now()) throw new AppError('DOWNLOAD_LINK_EXPIRED', 'This download link has expired; ask for a new export in Settings');
  const row = await db.select().from(dataExports).where(eq(dataExports.id, exportId)).get();
  const object = row?.status === 'done' && row.objectKey ? await bucket.get(row.objectKey) : null;
  if (!object) throw new AppError('NOT_FOUND', 'This export is no longer available; ask for a new one in Settings');
  return object;
}

/** Cron: ZIPs whose link expired are deleted; the row stays, `expired`. */
export async function expireExports(env: Env) {
  const db = createDb(env.DB);
  const old = await db.select().from(dataExports).where(and(eq(dataExports.status, 'done'), lt(dataExports.expiresAt, new Date()))).limit(100);
  for (const row of old) {
    if (row.objectKey) await env.PHOTOS.delete(row.objectKey);
    await db.update(dataExports).set({ status: 'expired', objectKey: null }).where(eq(dataExports.id, row.id));
  }
  return { expired: old.length };
}
