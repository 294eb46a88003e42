import { z } from 'zod';
import { photos } from '../../db/schema/index';
import { pageQuery } from '../../shared/schemas/pagination';
import { photoRoomBody, propertyBody } from '../../shared/schemas/realestate';
import { loadConfig } from '../../core/config';
import { cursorParam } from '../../core/db/cursor';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, jsonBody, router } from '../../core/http/route';
import { eq } from 'drizzle-orm';
import { actorOf } from '../accounts/principal';
import { getPhoto, publicPhoto } from '../albums/photos';
import { variantGrant } from '../albums/variant-grants';
import { nextCursor, photoView } from '../albums/views';
import { auditInsert } from '../../core/audit';
import { getProperty, listProperties, propertyAlbum, putProperty } from './properties';
import { propertySummaryView, propertyView } from './views';

const tags = ['Properties'];
const example: z.input<typeof propertyBody> = {
  address: '12 rue des Lilas, 69003 Lyon', propertyType: 'apartment', surfaceM2: 64.5, rooms: 3, bedrooms: 2, priceCents: 32_500_000, reference: 'MAND-2026-041',
};

/** A real-estate workspace's albums as properties: the record, the list, and the room of each photo. */
export const propertiesRoutes = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/properties', tags, summary: "The workspace's properties, newest first", access: access.scope('properties:read'),
      description: 'Every album of the real-estate workspace with its record, photo count, cover and transformations done or under way.',
      request: { query: pageQuery },
      errors: ['WRONG_WORKSPACE_KIND'],
      responses: { 200: json(z.object({ properties: z.array(propertySummaryView), nextCursor })) },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid('query');
      const secret = loadConfig(c.env).uploads.signingSecret;
      return c.json(await listProperties(c.get('db'), secret, c.get('principal').workspaceId, { cursor: cursorParam(cursor), limit }), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/albums/{id}/property', tags, summary: "A property's record", access: access.scope('properties:read'),
      description: 'All null until first saved.',
      errors: ['WRONG_WORKSPACE_KIND', 'ALBUM_NOT_FOUND'],
      responses: { 200: json(z.object({ property: propertyView })) },
    }),
    async (c) => c.json({ property: await getProperty(c.get('db'), c.get('principal').workspaceId, c.req.param('id')) }, 200),
  )
  .openapi(
    defineRoute({
      method: 'put', path: '/albums/{id}/property', tags, summary: "Replace a property's record", access: access.scope('properties:write'),
      description: 'A field left out is cleared.',
      request: { body: jsonBody(propertyBody, example) },
      errors: ['WRONG_WORKSPACE_KIND', 'ALBUM_NOT_FOUND'],
      responses: { 200: json(z.object({ property: propertyView })) },
    }),
    async (c) => {
      const property = await putProperty(c.get('db'), actorOf(c.get('principal'), c.get('requestId')), c.req.param('id'), c.req.valid('json'));
      return c.json({ property }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'patch', path: '/photos/{id}/room', tags, summary: 'The room a property photo shows', access: access.scope('properties:write'),
      description: 'Used as the default `roomType` of its transformations; null clears it.',
      request: { body: jsonBody(photoRoomBody, { room: 'living_room' }) },
      errors: ['WRONG_WORKSPACE_KIND', 'PHOTO_NOT_FOUND'],
      responses: { 200: json(z.object({ photo: photoView })) },
    }),
    async (c) => {
      const db = c.get('db');
      const actor = actorOf(c.get('principal'), c.get('requestId'));
      const photo = await getPhoto(db, actor.workspaceId, c.req.param('id'));
      await propertyAlbum(db, actor.workspaceId, photo.albumId);
      const { room } = c.req.valid('json');
      const [updated] = await db.batch([
        db.update(photos).set({ room, updatedAt: new Date() }).where(eq(photos.id, photo.id)).returning(),
        auditInsert(db, { ...actor, action: 'photo.room', targetType: 'photo', targetId: photo.id, data: { room } }),
      ]);
      return c.json({ photo: publicPhoto(updated[0]!, await variantGrant(loadConfig(c.env).uploads.signingSecret, photo.albumId)) }, 200);
    },
  );
