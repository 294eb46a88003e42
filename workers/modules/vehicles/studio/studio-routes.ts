import { z } from 'zod';
import { studioBody } from '../../../shared/schemas/studio';
import { photoKeys } from '../../../shared/r2-keys';
import { loadConfig } from '../../../core/config';
import { AppError } from '../../../core/errors';
import { immutableImage } from '../../../core/http/edge-cache';
import { access } from '../../../core/http/middleware/access';
import { defineRoute, json, jsonBody, router } from '../../../core/http/route';
import { actorOf } from '../../accounts/principal';
import { getPhoto, publicPhoto } from '../../albums/photos';
import { variantGrant } from '../../albums/variant-grants';
import { photoView } from '../../albums/views';
import { publishedStudioKey } from './published';
import { requestAlbumStudio, requestStudio } from './studio';

const tags = ['Studio'];
const webp = (description: string) => ({ description, content: { 'image/webp': { schema: z.string().meta({ format: 'binary' }) } } });
const example = { backdrop: 'showroom_indoor', scale: 1, autoCentre: true, shadow: true, reflection: true, plate: 'logo' } as const;
const paid = 'Paid (3 credits a photo), run as a job: reserved now (402 without them, nothing charged), committed with the image, refunded if it finally fails.';

/** An owner's studio image (`studio.webp`, `studio-thumb.webp`), like cutout.png: private, checked on each request. */
const ownImage = (file: 'studio' | 'studioThumb', summary: string) =>
  router().openapi(
    defineRoute({
      method: 'get', path: `/photos/{id}/${file === 'studio' ? 'studio' : 'studio-thumb'}.webp`, tags, summary, access: access.scope('photos:read'),
      request: { query: z.object({ v: z.string().optional().meta({ description: 'The studio version: a new look is a new URL' }) }) },
      errors: ['PHOTO_NOT_FOUND', 'NOT_FOUND'],
      responses: { 200: webp('The WebP') },
    }),
    async (c) => {
      const photo = await getPhoto(c.get('db'), c.get('principal').workspaceId, c.req.param('id'));
      const object = await c.env.PHOTOS.get(photoKeys(photo.id)[file]);
      if (!object) throw new AppError('NOT_FOUND', 'No studio image yet: POST /v1/photos/:id/studio first');
      return new Response(object.body, { headers: { 'Content-Type': 'image/webp', 'Cache-Control': 'private, max-age=60', ETag: object.httpEtag } });
    },
  );

/** The studio (vehicles): a photo's car on a rendered backdrop, one photo or a whole vehicle at once. */
export const studioRoutes = router()
  .openapi(
    defineRoute({
      method: 'post', path: '/photos/{id}/studio', tags, summary: "Put a photo's car on a studio backdrop",
      description: `${paid} An image already under way is answered as it stands, never charged twice; asking again once it is done replaces it. Poll \`GET /v1/photos/{id}\` (its \`studio\`).`,
      access: access.scope('vehicles:write'),
      request: { body: jsonBody(studioBody, example) },
      errors: ['WRONG_WORKSPACE_KIND', 'PHOTO_NOT_READY', 'INSUFFICIENT_CREDITS'],
      responses: { 202: json(z.object({ photo: photoView }), 'Accepted: queued (or already under way)') },
    }),
    async (c) => {
      const actor = actorOf(c.get('principal'), c.get('requestId'));
      const photo = await requestStudio(c.get('db'), c.env, actor, c.req.param('id'), c.req.valid('json'));
      return c.json({ photo: publicPhoto(photo, await variantGrant(loadConfig(c.env).uploads.signingSecret, photo.albumId)) }, 202);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/albums/{id}/studio', tags, summary: 'One studio look for every ready photo of a vehicle',
      description: `${paid} Reserved for every ready photo not already under way, or for none.`,
      access: access.scope('vehicles:write'),
      request: { body: jsonBody(studioBody, example) },
      errors: ['WRONG_WORKSPACE_KIND', 'INSUFFICIENT_CREDITS'],
      responses: { 202: json(z.object({ queued: z.number(), credits: z.number() }), 'Accepted: the photos queued and the credits reserved') },
    }),
    async (c) => {
      const actor = actorOf(c.get('principal'), c.get('requestId'));
      return c.json(await requestAlbumStudio(c.get('db'), c.env, actor, c.req.param('id'), c.req.valid('json')), 202);
    },
  )
  .route('/', ownImage('studio', "A photo's studio image (1600 px WebP)"))
  .route('/', ownImage('studioThumb', "A photo's studio thumbnail (400 px WebP)"))
  .openapi(
    defineRoute({
      method: 'get', path: '/public/studio/{photoId}/{version}/{file}', tags, summary: 'A published studio image (`web.webp` or `thumb.webp`)',
      description: "Only while the photo's vehicle is published or sold and the image is not doubtful, at its current version. Immutable and edge-cached.",
      access: access.public,
      errors: ['NOT_FOUND'],
      responses: { 200: webp('The WebP'), 304: { description: 'Not modified (If-None-Match matched the ETag)' } },
    }),
    async (c) => {
      const { photoId, version, file } = c.req.param();
      const load = async () => c.env.PHOTOS.get(await publishedStudioKey(c.get('db'), photoId, version, file));
      return immutableImage(c.req.raw, c.executionCtx, load, { code: 'NOT_FOUND', message: 'No such published studio image' });
    },
  );
