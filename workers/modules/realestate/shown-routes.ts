import { z } from 'zod';
import { photoKeys } from '../../shared/r2-keys';
import { shownVersionBody } from '../../shared/schemas/realestate';
import { loadConfig } from '../../core/config';
import { AppError } from '../../core/errors';
import { immutableImage } from '../../core/http/edge-cache';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, jsonBody, router } from '../../core/http/route';
import { actorOf } from '../accounts/principal';
import { getPhoto, publicPhoto } from '../albums/photos';
import { variantGrant } from '../albums/variant-grants';
import { photoView } from '../albums/views';
import { setShownVersion, shownKey } from './shown';

const tags = ['Transformations'];
const binary = (type: string) => ({ description: 'The image', content: { [type]: { schema: z.string().meta({ format: 'binary' }) } } });

/** A photo's versions: which one the public sees, the shown one served publicly, and the untouched original. */
export const shownRoutes = router()
  .openapi(
    defineRoute({
      method: 'put', path: '/photos/{id}/shown-version', tags, summary: 'Choose the version the public gallery shows', access: access.scope('properties:write'),
      description: 'A done transformation of this photo, or null for the original. The original and its variants are never overwritten.',
      request: { body: jsonBody(shownVersionBody, { transformationId: 'trf_01hx3kb2c4d5e6f7' }) },
      errors: ['WRONG_WORKSPACE_KIND', 'PHOTO_NOT_FOUND', 'TRANSFORMATION_NOT_DONE'],
      responses: { 200: json(z.object({ photo: photoView })) },
    }),
    async (c) => {
      const photo = await setShownVersion(c.get('db'), actorOf(c.get('principal'), c.get('requestId')), c.req.param('id'), c.req.valid('json').transformationId);
      return c.json({ photo: publicPhoto(photo, await variantGrant(loadConfig(c.env).uploads.signingSecret, photo.albumId)) }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/photos/{id}/original', tags: ['Photos'], summary: "A photo's original file, as uploaded", access: access.scope('photos:read'),
      description: 'Streamed from storage as an attachment named like the uploaded file.',
      errors: ['PHOTO_NOT_FOUND', 'NOT_FOUND'],
      responses: { 200: binary('application/octet-stream') },
    }),
    async (c) => {
      const photo = await getPhoto(c.get('db'), c.get('principal').workspaceId, c.req.param('id'));
      const object = await c.env.PHOTOS.get(photoKeys(photo.id).original);
      if (!object) throw new AppError('NOT_FOUND', 'The original is not in storage (the upload was never completed)');
      const filename = photo.originalName.replace(/["\\\r\n]/g, '_');
      return new Response(object.body, {
        headers: {
          'Content-Type': photo.contentType ?? 'application/octet-stream', 'Content-Length': String(object.size), 'Cache-Control': 'private, no-store',
          'Content-Disposition': `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(photo.originalName)}`,
        },
      });
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/public/transformations/{photoId}/{transformationId}/{file}', tags, summary: "A photo's shown version in the public gallery (`web.webp` or `thumb.webp`)",
      description: 'Only while it is the shown version of a ready photo in a public or unlisted album. Immutable and edge-cached.',
      access: access.public,
      errors: ['NOT_FOUND'],
      responses: { 200: binary('image/webp'), 304: { description: 'Not modified (If-None-Match matched the ETag)' } },
    }),
    async (c) => {
      const { photoId, transformationId, file } = c.req.param();
      // Checked before the edge cache: a version no longer shown must stop being served at once.
      const key = await shownKey(c.get('db'), photoId, transformationId, file);
      return immutableImage(c.req.raw, c.executionCtx, () => c.env.PHOTOS.get(key), { code: 'NOT_FOUND', message: 'No such public image' });
    },
  );
