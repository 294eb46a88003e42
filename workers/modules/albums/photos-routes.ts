import { Hono } from 'hono';
import { completeUploadBody, refreshPartsBody } from '../../shared/schemas/uploads';
import { loadConfig } from '../../core/config';
import type { AppEnv } from '../../core/http/app-env';
import { deletePhoto, getPhoto, publicPhoto } from './photos';
import { actorOf, requireScope } from '../accounts/principal';
import { completeUpload, renewUpload, uploadState, uploadStorage } from '../media/uploads';
import { variantGrant } from './variant-grants';
import { validate } from '../../core/http/validate';

export const photosRoutes = new Hono<AppEnv>()
  .get('/:id', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'photos:read');
    const photo = await getPhoto(c.get('db'), principal.workspaceId, c.req.param('id'));
    return c.json({ photo: publicPhoto(photo, await variantGrant(loadConfig(c.env).uploads.signingSecret, photo.albumId)) });
  })
  .delete('/:id', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'photos:write');
    await deletePhoto(c.get('db'), c.env.PHOTOS, actorOf(principal, c.get('requestId')), c.req.param('id'));
    return c.body(null, 204);
  })
  .post('/:id/complete', validate('json', completeUploadBody), async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'photos:write');
    const deps = { db: c.get('db'), bucket: c.env.PHOTOS, queue: c.env.PHOTO_QUEUE };
    const photo = await completeUpload(deps, principal.workspaceId, c.req.param('id'), c.req.valid('json').parts);
    return c.json({ photo });
  })
  .get('/:id/upload', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'photos:write');
    const presigned = Boolean(loadConfig(c.env).uploads.r2Presign);
    return c.json({ upload: await uploadState(c.get('db'), presigned, principal.workspaceId, c.req.param('id')) });
  })
  .post('/:id/upload-url', validate('json', refreshPartsBody.partial()), async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'photos:write');
    const storage = uploadStorage(c.env, c.get('db'), new URL(c.req.url).origin);
    const upload = await renewUpload(storage, principal.workspaceId, c.req.param('id'), c.req.valid('json').partNumbers);
    return c.json({ upload });
  });
