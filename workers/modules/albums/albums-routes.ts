import { Hono } from 'hono';
import { z } from 'zod';
import { PHOTO_STATUSES } from '../../db/schema/index';
import { createAlbumBody, updateAlbumBody } from '../../shared/schemas/albums';
import { pageQuery } from '../../shared/schemas/pagination';
import { createUploadsBody } from '../../shared/schemas/uploads';
import { loadConfig } from '../../core/config';
import type { AppEnv } from '../../core/http/app-env';
import { cursorParam } from '../../core/db/cursor';
import { createAlbum, deleteAlbum, getAlbum, listAlbums, photoCounts, publicAlbum, updateAlbum } from './albums';
import { listAlbumPhotos } from './photos';
import { actorOf, requireScope } from '../accounts/principal';
import { createUploads, uploadStorage } from '../media/uploads';
import { variantGrant } from './variant-grants';
import { validate } from '../../core/http/validate';

const photoListQuery = pageQuery.extend({ status: z.enum(PHOTO_STATUSES).optional() });

export const albumsRoutes = new Hono<AppEnv>()
  .post('/', validate('json', createAlbumBody), async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'albums:write');
    const album = await createAlbum(c.get('db'), actorOf(principal, c.get('requestId')), c.req.valid('json'));
    return c.json({ album }, 201);
  })
  .get('/', validate('query', pageQuery), async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'albums:read');
    const { cursor, limit } = c.req.valid('query');
    return c.json(await listAlbums(c.get('db'), principal.workspaceId, { cursor: cursorParam(cursor), limit }));
  })
  .get('/:id', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'albums:read');
    const album = await getAlbum(c.get('db'), principal.workspaceId, c.req.param('id'));
    return c.json({ album: publicAlbum(album), photoCounts: await photoCounts(c.get('db'), album.id) });
  })
  .patch('/:id', validate('json', updateAlbumBody), async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'albums:write');
    const actor = actorOf(principal, c.get('requestId'));
    return c.json(await updateAlbum(c.get('db'), c.env.PHOTO_QUEUE, actor, c.req.param('id'), c.req.valid('json')));
  })
  .delete('/:id', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'albums:write');
    await deleteAlbum(c.get('db'), c.env.PHOTOS, actorOf(principal, c.get('requestId')), c.req.param('id'));
    return c.body(null, 204);
  })
  .get('/:id/photos', validate('query', photoListQuery), async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'photos:read');
    const album = await getAlbum(c.get('db'), principal.workspaceId, c.req.param('id'));
    const { cursor, limit, status } = c.req.valid('query');
    const grant = await variantGrant(loadConfig(c.env).uploads.signingSecret, album.id);
    return c.json(await listAlbumPhotos(c.get('db'), album.id, { cursor: cursorParam(cursor), limit, status }, grant));
  })
  .post('/:id/uploads', validate('json', createUploadsBody), async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'photos:write');
    const storage = uploadStorage(c.env, c.get('db'), new URL(c.req.url).origin);
    const uploads = await createUploads(storage, actorOf(principal, c.get('requestId')), c.req.param('id'), c.req.valid('json').files);
    return c.json({ uploads }, 201);
  });
