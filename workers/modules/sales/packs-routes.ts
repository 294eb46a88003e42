import { z } from 'zod';
import { createPackBody } from '../../shared/schemas/payments';
import { pageQuery } from '../../shared/schemas/pagination';
import { cursorParam } from '../../core/db/cursor';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, jsonBody, noContent, router } from '../../core/http/route';
import { getAlbum } from '../albums/albums';
import { actorOf } from '../accounts/principal';
import { listSales } from './orders';
import { createPack, deletePack, listPacks } from './packs';
import { packsView, packView, salesPage } from './views';

const tags = ['Sales'];

/** What a photographer sells from an album, and what sold. */
export const packsRoutes = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/albums/{id}/packs', tags, summary: "An album's price packs, cheapest first", access: access.scope('albums:read'),
      errors: ['ALBUM_NOT_FOUND'],
      responses: { 200: json(packsView) },
    }),
    async (c) => {
      const album = await getAlbum(c.get('db'), c.get('principal').workspaceId, c.req.param('id'));
      return c.json({ packs: await listPacks(c.get('db'), album.id) }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/albums/{id}/packs', tags, summary: 'Sell something from an album: one photo, every photo of a bib, or the album',
      access: access.scope('sales:write'),
      request: { body: jsonBody(createPackBody.meta({ example: { name: 'All photos of my bib', scope: 'bib', size: 'original', amountCents: 1500 } })) },
      errors: ['ALBUM_NOT_FOUND'],
      responses: { 201: json(z.object({ pack: packView }), 'Created') },
    }),
    async (c) => {
      const pack = await createPack(c.get('db'), actorOf(c.get('principal'), c.get('requestId')), c.req.param('id'), c.req.valid('json'));
      return c.json({ pack }, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/orders', tags, summary: "The workspace's sales, newest first", access: access.scope('sales:read'),
      request: { query: pageQuery },
      responses: { 200: json(salesPage) },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid('query');
      return c.json(await listSales(c.get('db'), c.get('principal').workspaceId, { cursor: cursorParam(cursor), limit }), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/packs/{id}', tags, summary: 'Stop selling a price pack', access: access.scope('sales:write'),
      errors: ['PACK_NOT_FOUND'],
      responses: { 204: noContent },
    }),
    async (c) => {
      await deletePack(c.get('db'), actorOf(c.get('principal'), c.get('requestId')), c.req.param('id'));
      return c.body(null, 204);
    },
  );
