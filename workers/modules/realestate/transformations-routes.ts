import { z } from 'zod';
import { and, desc, eq } from 'drizzle-orm';
import { transformations } from '../../db/schema/index';
import { ROOM_TYPES, STAGING_STYLES } from '../../shared/enums';
import { TRANSFORMATIONS } from '../../shared/billing/transformations';
import { transformationKeys } from '../../shared/r2-keys';
import { albumTransformationsBody, transformationBody } from '../../shared/schemas/realestate';
import { AppError } from '../../core/errors';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, jsonBody, router } from '../../core/http/route';
import { actorOf } from '../accounts/principal';
import { getPhoto } from '../albums/photos';
import { propertyAlbum } from './properties';
import { requestAlbumTransformations, requestTransformation } from './transformations';
import { transformationOf, transformationView } from './views';

const tags = ['Transformations'];
const paid = 'Paid (see `GET /v1/transformations` for the prices), run as a job: reserved now (402 without them, nothing charged, nothing written), committed with the result, refunded if it finally fails.';
const list = json(z.object({ transformations: z.array(transformationView) }));
const webp = { description: 'The WebP', content: { 'image/webp': { schema: z.string().meta({ format: 'binary' }) } } };

const catalogueView = z.object({
  transformations: z.array(z.object({ kind: z.string(), name: z.string(), description: z.string(), credits: z.number(), engine: z.string(), needsStyle: z.boolean(), label: z.object({ en: z.string(), fr: z.string() }).nullable() })),
  styles: z.array(z.enum(STAGING_STYLES)),
  rooms: z.array(z.enum(ROOM_TYPES)),
});

/** An owner's transformation image: private, checked on each request; `?download=1` saves it. */
const ownImage = (file: 'web' | 'thumb') =>
  router().openapi(
    defineRoute({
      method: 'get', path: `/transformations/{id}/${file}.webp`, tags, summary: `A transformation's ${file === 'web' ? '2048 px image' : 'thumbnail'}`, access: access.scope('photos:read'),
      request: { query: z.object({ download: z.enum(['1']).optional() }) },
      errors: ['TRANSFORMATION_NOT_FOUND'],
      responses: { 200: webp },
    }),
    async (c) => {
      const row = await c.get('db').select().from(transformations)
        .where(and(eq(transformations.id, c.req.param('id')), eq(transformations.workspaceId, c.get('principal').workspaceId))).get();
      const object = row?.status === 'done' ? await c.env.PHOTOS.get(transformationKeys(row.photoId, row.id)[file]) : null;
      if (!row || !object) throw new AppError('TRANSFORMATION_NOT_FOUND', 'No such done transformation in this workspace');
      const headers: Record<string, string> = { 'Content-Type': 'image/webp', 'Cache-Control': 'private, max-age=3600', ETag: object.httpEtag };
      if (c.req.query('download') === '1') headers['Content-Disposition'] = `attachment; filename="${row.id}-${row.kind}.webp"`;
      return new Response(object.body, { headers });
    },
  );

/** Real estate: transformations of property photos (enhance, sky, declutter, stage, twilight). */
export const transformationsRoutes = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/transformations', tags, summary: 'The transformation catalogue: what each does and costs', access: access.public,
      responses: { 200: json(catalogueView) },
    }),
    (c) => c.json({ transformations: Object.entries(TRANSFORMATIONS).map(([kind, t]) => ({ kind, ...t })), styles: [...STAGING_STYLES], rooms: [...ROOM_TYPES] }, 200),
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/photos/{id}/transformations', tags, summary: 'Transform one property photo', description: paid, access: access.scope('properties:write'),
      request: { body: jsonBody(transformationBody, { kind: 'stage', style: 'scandinavian', roomType: 'living_room' }) },
      errors: ['WRONG_WORKSPACE_KIND', 'PHOTO_NOT_FOUND', 'PHOTO_NOT_READY', 'INSUFFICIENT_CREDITS'],
      responses: { 202: json(z.object({ transformation: transformationView }), 'Accepted: queued') },
    }),
    async (c) => {
      const row = await requestTransformation(c.get('db'), c.env, actorOf(c.get('principal'), c.get('requestId')), c.req.param('id'), c.req.valid('json'));
      return c.json({ transformation: transformationOf(row) }, 202);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/albums/{id}/transformations', tags, summary: 'Transform several photos of a property at once',
      description: `${paid} Reserved for every item or for none; one email when the last of the batch finishes.`, access: access.scope('properties:write'),
      request: { body: jsonBody(albumTransformationsBody, { items: [{ photoId: 'pho_01hx3kb2c4d5e6f7', kind: 'enhance' }] }) },
      errors: ['WRONG_WORKSPACE_KIND', 'ALBUM_NOT_FOUND', 'PHOTO_NOT_FOUND', 'PHOTO_NOT_READY', 'INSUFFICIENT_CREDITS'],
      responses: { 202: json(z.object({ batchId: z.string(), transformations: z.array(transformationView), credits: z.number() }), 'Accepted: queued') },
    }),
    async (c) => {
      const made = await requestAlbumTransformations(c.get('db'), c.env, actorOf(c.get('principal'), c.get('requestId')), c.req.param('id'), c.req.valid('json'));
      return c.json({ ...made, transformations: made.transformations.map(transformationOf) }, 202);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/photos/{id}/transformations', tags, summary: "A photo's transformations, newest first", access: access.scope('properties:read'),
      errors: ['PHOTO_NOT_FOUND'],
      responses: { 200: list },
    }),
    async (c) => {
      const photo = await getPhoto(c.get('db'), c.get('principal').workspaceId, c.req.param('id'));
      const rows = await c.get('db').select().from(transformations).where(eq(transformations.photoId, photo.id)).orderBy(desc(transformations.createdAt), desc(transformations.id));
      return c.json({ transformations: rows.map(transformationOf) }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/albums/{id}/transformations', tags, summary: "A property's transformations, newest first (poll it for progress)", access: access.scope('properties:read'),
      errors: ['WRONG_WORKSPACE_KIND', 'ALBUM_NOT_FOUND'],
      responses: { 200: list },
    }),
    async (c) => {
      const album = await propertyAlbum(c.get('db'), c.get('principal').workspaceId, c.req.param('id'));
      const rows = await c.get('db').select().from(transformations).where(eq(transformations.albumId, album.id)).orderBy(desc(transformations.createdAt), desc(transformations.id));
      return c.json({ transformations: rows.map(transformationOf) }, 200);
    },
  )
  .route('/', ownImage('web'))
  .route('/', ownImage('thumb'));
