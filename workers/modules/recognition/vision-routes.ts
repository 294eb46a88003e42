import { z } from 'zod';
import { photoKeys } from '../../shared/r2-keys';
import { AppError } from '../../core/errors';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, router } from '../../core/http/route';
import { getPhoto } from '../albums/photos';
import { actorOf } from '../accounts/principal';
import { getCutout, readPlate, requestCutout } from './vision';
import { cutoutJobView, plateReadingView } from './views';

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const byPhoto = z.object({ photoId: z.string().min(1) });
const tags = ['Vision'];
const binary = z.string().meta({ format: 'binary' });

/**
 * A photo already uploaded, or the image itself. Not required: the handler tells the two apart
 * by Content-Type and reads the image bytes itself.
 */
const plateBody = {
  content: {
    'application/json': { schema: byPhoto.meta({ example: { photoId: 'pho_01hx3kb2c4d5e6f7' } }) },
    'image/*': { schema: binary.meta({ description: 'image/jpeg, image/png or image/webp, at most 20 MB' }) },
  },
  required: false,
};

/** Plate reading and cutouts (vehicles), backed by the configured vision engines. */
export const visionRoutes = router()
  .openapi(
    defineRoute({
      method: 'post', path: '/vision/plate', tags, summary: "Read a licence plate on a photo or an image sent as the body",
      description: 'Formats `FR-SIV` (`AB-123-CD`), `FR-FNI` (`1234 AB 75`), `OTHER`. Paid: one `plate` credit per call, reserved first (402 without it, nothing charged), refunded if the reading fails.',
      access: access.scope('vision:plate'),
      request: { body: plateBody },
      errors: ['VALIDATION_ERROR', 'EMPTY_FILE', 'PHOTO_NOT_FOUND', 'PHOTO_NOT_READY', 'FILE_TOO_LARGE', 'UNSUPPORTED_TYPE', 'INSUFFICIENT_CREDITS', 'SERVICE_UNAVAILABLE'],
      responses: { 200: json(plateReadingView) },
    }),
    async (c) => {
      const principal = c.get('principal');
      const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim();
      if (type === 'application/json') {
        const body = byPhoto.safeParse(await c.req.json().catch(() => null));
        if (!body.success) throw new AppError('VALIDATION_ERROR', 'Send {"photoId": "..."} or the image itself as the body');
        return c.json(await readPlate(c.get('db'), c.env, principal.workspaceId, body.data), 200);
      }
      if (!type.startsWith('image/')) throw new AppError('UNSUPPORTED_TYPE', 'Send an image (image/jpeg, image/png, image/webp) or JSON {photoId}');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (!bytes.byteLength) throw new AppError('EMPTY_FILE', 'The image is empty');
      if (bytes.byteLength > MAX_IMAGE_BYTES) throw new AppError('FILE_TOO_LARGE', 'Images sent here are limited to 20 MB; upload big originals and pass photoId');
      return c.json(await readPlate(c.get('db'), c.env, principal.workspaceId, { bytes, type }), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/photos/{id}/cutout', tags, summary: 'Ask for the subject cut out of a photo into cutout.png (RGBA)',
      description: 'A paid AI transform, run as a job: the cutout price is reserved now, committed with the result, refunded if the engine finally fails. A cutout already under way is answered as it stands, never charged twice. Poll `GET /v1/photos/{id}/cutout`.',
      access: access.scope('photos:write'),
      errors: ['PHOTO_NOT_FOUND', 'INSUFFICIENT_CREDITS', 'PHOTO_NOT_READY'],
      responses: { 202: json(z.object({ cutout: cutoutJobView }), 'Accepted: queued (or already under way)') },
    }),
    async (c) => {
      const actor = actorOf(c.get('principal'), c.get('requestId'));
      return c.json({ cutout: await requestCutout(c.get('db'), c.env, actor, c.req.param('id')) }, 202);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/photos/{id}/cutout', tags, summary: "Where a photo's cutout stands: queued, running, done (with its result) or failed (with the reason)",
      access: access.scope('photos:read'),
      errors: ['PHOTO_NOT_FOUND', 'NOT_FOUND'],
      responses: { 200: json(z.object({ cutout: cutoutJobView })) },
    }),
    async (c) => c.json({ cutout: await getCutout(c.get('db'), c.get('principal').workspaceId, c.req.param('id')) }, 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/photos/{id}/cutout.png', tags, summary: "A photo's cutout (PNG with transparency)", access: access.scope('photos:read'),
      errors: ['PHOTO_NOT_FOUND', 'NOT_FOUND'],
      responses: { 200: { description: 'The PNG', content: { 'image/png': { schema: binary } } } },
    }),
    async (c) => {
      const principal = c.get('principal');
      const photo = await getPhoto(c.get('db'), principal.workspaceId, c.req.param('id'));
      const object = await c.env.PHOTOS.get(photoKeys(photo.id).cutout);
      if (!object) throw new AppError('NOT_FOUND', 'No cutout yet: POST /v1/photos/:id/cutout first');
      return new Response(object.body, { headers: { 'Content-Type': 'image/png', 'Cache-Control': 'private, max-age=60', ETag: object.httpEtag } });
    },
  );
