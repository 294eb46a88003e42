/**
 * What a data export holds (GDPR art. 15 and 20): the person's profile and memberships, the audit
 * entries they made, and for each workspace they own its albums, photos' details, tags, start
 * lists, orders, invoices, credit ledger, audit log and the originals. JSON documents are built
 * here; the originals are only listed (name, key, size) and streamed from R2 by the export job.
 */
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import {
  albums,
  apiKeys,
  auditLog,
  creditLedger,
  invitations,
  leads,
  memberships,
  orderItems,
  orders,
  photos,
  photoTags,
  pricePacks,
  properties,
  startListEntries,
  transformations,
  users,
  vehicles,
  workspaces,
  type Photo,
} from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { stripeClient } from '../../integrations/stripe/client';
import type { Config } from '../../core/config';
import { fileName } from '../sales/downloads';

export type ExportDocument = { name: string; bytes: Uint8Array };
export type ExportOriginal = { name: string; key: string; size: number; lastModified: Date };

/** D1 takes at most 100 bound parameters per statement. */
const CHUNK = 90;

const encoder = new TextEncoder();
const document = (name: string, value: unknown): ExportDocument => ({ name, bytes: encoder.encode(`${JSON.stringify(value, null, 2)}\n`) });

/** A folder name a person recognises, unique by the id's start. */
const folder = (name: string, id: string) => `${name.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'untitled'}-${id.slice(4, 12)}`;

async function inChunks<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out;
}

/** Internal fields (storage keys, upload ids, render bookkeeping) are not the person's data. */
function photoDetails(p: Photo) {
  const { originalKey: _k, multipartUploadId: _u, renderedWith: _r, peakWasmBytes: _w, cutoutJob: _c, studioJob: _s, studioRequest: _q, ...rest } = p;
  return rest;
}

async function stripeInvoices(config: Config, customerId: string | null) {
  if (!config.stripe || !customerId) return [];
  const stripe = stripeClient(config.stripe);
  const list = await stripe.invoices.list({ customer: customerId, limit: 100 });
  return list.data.map((i) => ({ id: i.id, number: i.number, status: i.status, total: i.total, currency: i.currency, created: new Date(i.created * 1000).toISOString(), pdf: i.invoice_pdf, page: i.hosted_invoice_url }));
}

/** One owned workspace: its documents under `workspaces/<name>/` and its originals. */
async function workspaceContents(db: Db, config: Config, workspaceId: string) {
  const workspace = (await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).get())!;
  const dir = `workspaces/${folder(workspace.name, workspace.id)}`;
  const albumRows = await db.select().from(albums).where(eq(albums.workspaceId, workspaceId)).orderBy(asc(albums.createdAt));
  const albumIds = albumRows.map((a) => a.id);
  const photoRows = await db.select().from(photos).where(eq(photos.workspaceId, workspaceId)).orderBy(asc(photos.albumId), asc(photos.createdAt));
  const tags = await inChunks(albumIds, (ids) => db.select().from(photoTags).where(inArray(photoTags.albumId, ids)));
  const startLists = await inChunks(albumIds, (ids) => db.select().from(startListEntries).where(inArray(startListEntries.albumId, ids)));
  const orderRows = await db.select().from(orders).where(eq(orders.workspaceId, workspaceId)).orderBy(asc(orders.createdAt));
  const items = await inChunks(orderRows.map((o) => o.id), (ids) => db.select().from(orderItems).where(inArray(orderItems.orderId, ids)));
  const keys = await db.select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, scopes: apiKeys.scopes, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.workspaceId, workspaceId));
  const { stripeCustomerId: _c, stripeAccountId: _a, stripeAccountEventAt: _e, ...profile } = workspace;
  const docs = [
    document(`${dir}/workspace.json`, profile),
    document(`${dir}/albums.json`, albumRows),
    document(`${dir}/photos.json`, photoRows.map(photoDetails)),
    document(`${dir}/tags.json`, tags),
    document(`${dir}/start-lists.json`, startLists),
    document(`${dir}/orders.json`, orderRows.map((o) => ({ ...o, items: items.filter((i) => i.orderId === o.id) }))),
    document(`${dir}/invoices.json`, await stripeInvoices(config, workspace.stripeCustomerId)),
    document(`${dir}/credit-ledger.json`, await db.select().from(creditLedger).where(eq(creditLedger.workspaceId, workspaceId)).orderBy(asc(creditLedger.createdAt))),
    document(`${dir}/price-packs.json`, await db.select().from(pricePacks).where(eq(pricePacks.workspaceId, workspaceId))),
    document(`${dir}/vehicles.json`, await db.select().from(vehicles).where(eq(vehicles.workspaceId, workspaceId))),
    document(`${dir}/leads.json`, await db.select().from(leads).where(eq(leads.workspaceId, workspaceId))),
    document(`${dir}/properties.json`, await db.select().from(properties).where(eq(properties.workspaceId, workspaceId))),
    document(`${dir}/transformations.json`, await db.select().from(transformations).where(eq(transformations.workspaceId, workspaceId))),
    document(`${dir}/invitations.json`, await db.select({ id: invitations.id, email: invitations.email, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt, acceptedAt: invitations.acceptedAt, revokedAt: invitations.revokedAt }).from(invitations).where(eq(invitations.workspaceId, workspaceId))),
    document(`${dir}/api-keys.json`, keys),
    document(`${dir}/audit-log.json`, await db.select().from(auditLog).where(eq(auditLog.workspaceId, workspaceId)).orderBy(asc(auditLog.createdAt))),
  ];
  const albumFolder = new Map(albumRows.map((a) => [a.id, folder(a.title, a.id)]));
  const originals = photoRows
    .filter((p) => p.size !== null && p.uploadedAt !== null)
    .map((p) => ({ name: `${dir}/originals/${albumFolder.get(p.albumId)}/${fileName(p, 'original')}`, key: p.originalKey, size: p.size!, lastModified: p.uploadedAt! }));
  return { docs, originals };
}

/** Everything the export of `userId` holds, documents first. */
export async function exportContents(db: Db, config: Config, userId: string) {
  const user = await db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return null;
  const { passwordHash: _p, ...profile } = user;
  const member = await db
    .select({ workspaceId: memberships.workspaceId, role: memberships.role, since: memberships.createdAt, name: workspaces.name, kind: workspaces.kind })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId));
  const ownActions = await db
    .select()
    .from(auditLog)
    .where(or(eq(auditLog.actorUserId, userId), and(isNull(auditLog.workspaceId), eq(auditLog.targetId, userId))))
    .orderBy(asc(auditLog.createdAt));
  const docs: ExportDocument[] = [
    document('profile.json', profile),
    document('workspaces.json', member),
    document('my-audit-entries.json', ownActions),
  ];
  const originals: ExportOriginal[] = [];
  for (const m of member.filter((w) => w.role === 'owner')) {
    const part = await workspaceContents(db, config, m.workspaceId);
    docs.push(...part.docs);
    originals.push(...part.originals);
  }
  return { user, docs, originals };
}
