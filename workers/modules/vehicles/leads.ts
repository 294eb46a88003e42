/**
 * Leads: a visitor's contact form becomes a row and an email to the dealer, written in one batch
 * (a lead never lacks its email, and the email exists once: its outbox key is the lead's id);
 * then the dealer follows it up (status, notes, a reminder date), audited.
 */
import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import { albums, leads, vehicles, type Lead } from '../../db/schema/index';
import type { LeadBody, LeadPatchBody } from '../../shared/schemas/leads';
import type { LeadStatus } from '../../shared/enums';
import { newId } from '../../shared/ids';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { auditInsert, type Actor } from '../../core/audit';
import { type Cursor, keysetAfter, pageOf } from '../../core/db/cursor';
import type { EmailSend } from '../notifications/jobs';
import { outboxInsert, sendQueued } from '../notifications/outbox';
import { ownerEmail } from '../notifications/pipeline-emails';
import { listedVehicle, vehicleTitle } from './public-vehicles';
import { vehicleAlbum } from './vehicles';

/** `origin` is PUBLIC_ORIGIN: the email's link to the leads screen is read outside the product. */
type Mail = { queue: Queue<EmailSend>; origin: string };

/**
 * A visitor's contact request for a published vehicle (a sold one takes no more: 409). A filled
 * honeypot gets the same answer, a fresh id, and nothing is stored or sent.
 */
export async function createLead(db: Db, mail: Mail, slug: string, body: LeadBody): Promise<{ id: string }> {
  const { album, vehicle } = await listedVehicle(db, slug);
  if (vehicle.status === 'sold') throw new AppError('VEHICLE_SOLD', 'This vehicle has been sold; the dealer takes no more requests for it');
  const id = newId('led');
  if (body.website) return { id };
  const lead = { id, workspaceId: album.workspaceId, albumId: album.id, name: body.name, email: body.email, phone: body.phone, message: body.message };
  const to = await ownerEmail(db, album.workspaceId);
  const email = to
    ? outboxInsert(db, `lead:${id}`, to, {
        ...{ template: 'lead_received', vehicleTitle: vehicleTitle(vehicle, album.title) },
        ...{ name: body.name, email: body.email, phone: body.phone, message: body.message, leadsUrl: `${mail.origin}/leads` },
      })
    : null;
  const results = await db.batch([db.insert(leads).values(lead), ...(email ? [email.statement] : [])]);
  if (email) await sendQueued(mail.queue, email.id, results[1]!);
  return { id };
}

const leadColumns = { ...getTableColumns(leads), listingTitle: vehicles.listingTitle, make: vehicles.make, model: vehicles.model, version: vehicles.version, albumTitle: albums.title, slug: albums.slug };
type LeadRow = Lead & { listingTitle: string | null; make: string | null; model: string | null; version: string | null; albumTitle: string; slug: string };

const leadView = ({ listingTitle, make, model, version, albumTitle, slug, workspaceId: _w, ...l }: LeadRow) => ({
  ...l,
  vehicle: { title: vehicleTitle({ listingTitle, make, model, version }, albumTitle), slug },
  createdAt: l.createdAt.toISOString(),
  updatedAt: l.updatedAt.toISOString(),
});

const selectLeads = (db: Db) =>
  db.select(leadColumns).from(leads).innerJoin(albums, eq(albums.id, leads.albumId)).leftJoin(vehicles, eq(vehicles.albumId, leads.albumId));

type LeadFilter = { albumId?: string; status?: LeadStatus; cursor: Cursor | null; limit: number };

/** The workspace's leads, newest first; one vehicle's with `albumId` (another workspace's album is a 404). */
export async function listLeads(db: Db, workspaceId: string, filter: LeadFilter) {
  if (filter.albumId) await vehicleAlbum(db, workspaceId, filter.albumId);
  const rows = await selectLeads(db)
    .where(
      and(
        eq(leads.workspaceId, workspaceId),
        filter.albumId ? eq(leads.albumId, filter.albumId) : undefined,
        filter.status ? eq(leads.status, filter.status) : undefined,
        keysetAfter(filter.cursor, leads.createdAt, leads.id, 'desc'),
      ),
    )
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(filter.limit + 1);
  const { items, nextCursor } = pageOf(rows, filter.limit, (l) => l.createdAt);
  return { leads: items.map(leadView), nextCursor };
}

async function workspaceLead(db: Db, workspaceId: string, id: string) {
  const row = await selectLeads(db).where(and(eq(leads.id, id), eq(leads.workspaceId, workspaceId))).get();
  if (!row) throw new AppError('NOT_FOUND', 'No such lead in this workspace');
  return row;
}

/** The dealer's follow-up of a lead: the fields given change, the audit says which (not the notes' words). */
export async function updateLead(db: Db, actor: Actor, id: string, body: LeadPatchBody) {
  const before = await workspaceLead(db, actor.workspaceId, id);
  const change = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<Pick<Lead, 'status' | 'notes' | 'remindOn'>>;
  if (change.notes === '') change.notes = null;
  const [[updated]] = await db.batch([
    db.update(leads).set({ ...change, updatedAt: new Date() }).where(and(eq(leads.id, id), eq(leads.workspaceId, actor.workspaceId))).returning(),
    auditInsert(db, { ...actor, action: 'lead.updated', targetType: 'lead', targetId: id, data: { fields: Object.keys(change), status: change.status ?? before.status } }),
  ]);
  return leadView({ ...before, ...updated! });
}
