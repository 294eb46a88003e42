import { Hono } from 'hono';
import { createPackBody } from '../../shared/schemas/payments';
import { pageQuery } from '../../shared/schemas/pagination';
import { cursorParam } from '../../core/db/cursor';
import type { AppEnv } from '../../core/http/app-env';
import { getAlbum } from '../albums/albums';
import { listSales } from './orders';
import { createPack, deletePack, listPacks } from './packs';
import { actorOf, requireScope } from '../accounts/principal';
import { validate } from '../../core/http/validate';

/** What a photographer sells from an album, and what sold. */
export const packsRoutes = new Hono<AppEnv>()
  .get('/albums/:id/packs', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'albums:read');
    const album = await getAlbum(c.get('db'), principal.workspaceId, c.req.param('id'));
    return c.json({ packs: await listPacks(c.get('db'), album.id) });
  })
  .post('/albums/:id/packs', validate('json', createPackBody), async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'albums:write');
    const pack = await createPack(c.get('db'), actorOf(principal, c.get('requestId')), c.req.param('id'), c.req.valid('json'));
    return c.json({ pack }, 201);
  })
  .get('/orders', validate('query', pageQuery), async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'albums:read');
    const { cursor, limit } = c.req.valid('query');
    return c.json(await listSales(c.get('db'), principal.workspaceId, { cursor: cursorParam(cursor), limit }));
  })
  .delete('/packs/:id', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'albums:write');
    await deletePack(c.get('db'), actorOf(principal, c.get('requestId')), c.req.param('id'));
    return c.body(null, 204);
  });
