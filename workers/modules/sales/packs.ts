import { and, asc, eq } from 'drizzle-orm';
import { pricePacks, type PricePack } from '../../db/schema/index';
import { newId } from '../../shared/ids';
import type { CreatePackBody } from '../../shared/schemas/payments';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { auditInsert, type Actor } from '../../core/audit';
import { getAlbum } from '../albums/albums';

export const publicPack = (p: PricePack) => ({ id: p.id, name: p.name, scope: p.scope, size: p.size, amountCents: p.amountCents, currency: p.currency });

export async function createPack(db: Db, actor: Actor, albumId: string, input: CreatePackBody) {
  const album = await getAlbum(db, actor.workspaceId, albumId);
  const id = newId('pck');
  await db.batch([
    db.insert(pricePacks).values({ id, albumId: album.id, workspaceId: album.workspaceId, ...input }),
    auditInsert(db, { ...actor, action: 'pack.created', targetType: 'price_pack', targetId: id, data: { ...input } }),
  ]);
  return publicPack((await db.select().from(pricePacks).where(eq(pricePacks.id, id)).get())!);
}

/** An album's packs, cheapest first (what the gallery shows). */
export async function listPacks(db: Db, albumId: string) {
  const rows = await db.select().from(pricePacks).where(eq(pricePacks.albumId, albumId)).orderBy(asc(pricePacks.amountCents), asc(pricePacks.id));
  return rows.map(publicPack);
}

export async function deletePack(db: Db, actor: Actor, packId: string) {
  const deleted = await db
    .delete(pricePacks)
    .where(and(eq(pricePacks.id, packId), eq(pricePacks.workspaceId, actor.workspaceId)))
    .returning({ id: pricePacks.id });
  if (!deleted.length) throw new AppError('PACK_NOT_FOUND', 'No such price pack in this workspace');
  await auditInsert(db, { ...actor, action: 'pack.deleted', targetType: 'price_pack', targetId: packId });
}
