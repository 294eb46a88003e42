import { Hono } from 'hono';
import { createPackBody } from '../../shared/schemas/payments';
import type { AppEnv } from '../context';
import { getAlbum } from '../services/albums';
import { createPack, deletePack, listPacks } from '../services/packs';
import { actorOf, requireScope } from '../services/principal';
import { validate } from '../validate';

/** What a photographer sells from an album. */
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
  .delete('/packs/:id', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'albums:write');
    await deletePack(c.get('db'), actorOf(principal, c.get('requestId')), c.req.param('id'));
    return c.body(null, 204);
  });
