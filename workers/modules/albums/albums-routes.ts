import { z } from 'zod';
import { PHOTO_STATUSES } from '../../db/schema/index';
import { createAlbumBody, updateAlbumBody } from '../../shared/schemas/albums';
import { pageQuery } from '../../shared/schemas/pagination';
import { createUploadsBody } from '../../shared/schemas/uploads';
import { loadConfig } from '../../core/config';
import { cursorParam } from '../../core/db/cursor';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, jsonBody, noContent, router } from '../../core/http/route';
import { actorOf } from '../accounts/principal';
import { createUploads, uploadStorage } from '../media/uploads';
import { uploadInstructionsView } from '../media/views';
import { createAlbum, deleteAlbum, getAlbum, listAlbums, photoCounts, publicAlbum, updateAlbum } from './albums';
import { listAlbumPhotos } from './photos';
import { variantGrant } from './variant-grants';
import { albumView, nextCursor, photoCountsView, photoView } from './views';

const tags = ['Albums'];
const photoListQuery = pageQuery.extend({ status: z.enum(PHOTO_STATUSES).optional() });

export const albumsRoutes = router()
  .openapi(
    defineRoute({
      method: 'post', path: '/', tags, summary: 'Create an album', access: access.scope('albums:write'),
      request: { body: jsonBody(createAlbumBody, { title: 'Paris Half Marathon 2026', visibility: 'public', date: '2026-03-08', location: 'Paris' }) },
      errors: ['SLUG_TAKEN'],
      responses: { 201: json(z.object({ album: albumView }), 'Created') },
    }),
    async (c) => {
      const album = await createAlbum(c.get('db'), actorOf(c.get('principal'), c.get('requestId')), c.req.valid('json'));
      return c.json({ album }, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/', tags, summary: 'List albums, newest first', access: access.scope('albums:read'),
      request: { query: pageQuery },
      responses: { 200: json(z.object({ albums: z.array(albumView), nextCursor })) },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid('query');
      return c.json(await listAlbums(c.get('db'), c.get('principal').workspaceId, { cursor: cursorParam(cursor), limit }), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/{id}', tags, summary: 'An album and its photo counts', access: access.scope('albums:read'),
      responses: { 200: json(z.object({ album: albumView, photoCounts: photoCountsView })) },
    }),
    async (c) => {
      const album = await getAlbum(c.get('db'), c.get('principal').workspaceId, c.req.param('id'));
      return c.json({ album: publicAlbum(album), photoCounts: await photoCounts(c.get('db'), album.id) }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/{id}', tags, summary: 'Change an album', description: 'A new watermark re-renders the ready photos through the queue.',
      access: access.scope('albums:write'),
      request: { body: jsonBody(updateAlbumBody, { watermark: { text: '© Studio Lumière', position: 'bottom-right', opacity: 0.5 } }) },
      errors: ['SLUG_TAKEN'],
      responses: { 200: json(z.object({ album: albumView, rerendering: z.number().meta({ description: 'Photos re-rendering' }) })) },
    }),
    async (c) => {
      const actor = actorOf(c.get('principal'), c.get('requestId'));
      return c.json(await updateAlbum(c.get('db'), c.env.PHOTO_QUEUE, actor, c.req.param('id'), c.req.valid('json')), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/{id}', tags, summary: 'Delete an album, its photos and every R2 object they own', access: access.scope('albums:write'),
      responses: { 204: noContent },
    }),
    async (c) => {
      await deleteAlbum(c.get('db'), c.env.PHOTOS, actorOf(c.get('principal'), c.get('requestId')), c.req.param('id'));
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/{id}/photos', tags, summary: "An album's photos in upload order", access: access.scope('photos:read'),
      request: { query: photoListQuery },
      responses: { 200: json(z.object({ photos: z.array(photoView), nextCursor })) },
    }),
    async (c) => {
      const album = await getAlbum(c.get('db'), c.get('principal').workspaceId, c.req.param('id'));
      const { cursor, limit, status } = c.req.valid('query');
      const grant = await variantGrant(loadConfig(c.env).uploads.signingSecret, album.id);
      return c.json(await listAlbumPhotos(c.get('db'), album.id, { cursor: cursorParam(cursor), limit, status }, grant), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/{id}/uploads', tags: ['Uploads'], summary: 'Start uploads: one signed URL (or multipart set) per file',
      access: access.scope('photos:write'),
      request: { body: jsonBody(createUploadsBody, { files: [{ name: 'IMG_0412.jpg', size: 8421337, type: 'image/jpeg' }] }) },
      responses: { 201: json(z.object({ uploads: z.array(uploadInstructionsView) }), 'Created') },
    }),
    async (c) => {
      const storage = uploadStorage(c.env, c.get('db'), new URL(c.req.url).origin);
      const uploads = await createUploads(storage, actorOf(c.get('principal'), c.get('requestId')), c.req.param('id'), c.req.valid('json').files);
      return c.json({ uploads }, 201);
    },
  );
