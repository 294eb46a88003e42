import { Hono } from 'hono';
import { z } from 'zod';
import { photoKeys } from '../../shared/r2-keys';
import type { AppEnv } from '../../core/http/app-env';
import { AppError } from '../../core/errors';
import { getPhoto } from '../albums/photos';
import { actorOf, requireScope } from '../accounts/principal';
import { getCutout, readPlate, requestCutout } from './vision';

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const byPhoto = z.object({ photoId: z.string().min(1) });

/** Plate reading and cutouts (vehicles), backed by the configured vision engines. */
export const visionRoutes = new Hono<AppEnv>()
  .post('/vision/plate', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'photos:read');
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim();
    if (type === 'application/json') {
      const body = byPhoto.safeParse(await c.req.json().catch(() => null));
      if (!body.success) throw new AppError('VALIDATION_ERROR', 'Send {"photoId": "..."} or the image itself as the body');
      return c.json(await readPlate(c.get('db'), c.env, principal.workspaceId, body.data));
    }
    if (!type.startsWith('image/')) throw new AppError('UNSUPPORTED_TYPE', 'Send an image (image/jpeg, image/png, image/webp) or JSON {photoId}');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (!bytes.byteLength) throw new AppError('EMPTY_FILE', 'The image is empty');
    if (bytes.byteLength > MAX_IMAGE_BYTES) throw new AppError('FILE_TOO_LARGE', 'Images sent here are limited to 20 MB; upload big originals and pass photoId');
    return c.json(await readPlate(c.get('db'), c.env, principal.workspaceId, { bytes, type }));
  })
  .post('/photos/:id/cutout', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'photos:write');
    return c.json({ cutout: await requestCutout(c.get('db'), c.env, actorOf(principal, c.get('requestId')), c.req.param('id')) }, 202);
  })
  .get('/photos/:id/cutout', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'photos:read');
    return c.json({ cutout: await getCutout(c.get('db'), principal.workspaceId, c.req.param('id')) });
  })
  .get('/photos/:id/cutout.png', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'photos:read');
    const photo = await getPhoto(c.get('db'), principal.workspaceId, c.req.param('id'));
    const object = await c.env.PHOTOS.get(photoKeys(photo.id).cutout);
    if (!object) throw new AppError('NOT_FOUND', 'No cutout yet: POST /v1/photos/:id/cutout first');
    return new Response(object.body, { headers: { 'Content-Type': 'image/png', 'Cache-Control': 'private, max-age=60', ETag: object.httpEtag } });
  });
