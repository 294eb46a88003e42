import { eq, sql } from 'drizzle-orm';
import { albums } from '../../db/schema/index';
import type { Db } from '../../core/db/client';

/**
 * The statement moving an album's content version, to join the batch that changes what its
 * gallery shows (photos, variants, tags): cached gallery pages are keyed by it. Once the batch
 * is committed, `galleryChanged` (gallery-pointer.ts) makes this isolate read the new one.
 */
export const contentVersionBump = (db: Db, albumId: string) =>
  db.update(albums).set({ contentVersion: sql`${albums.contentVersion} + 1` }).where(eq(albums.id, albumId));
