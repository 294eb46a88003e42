import { z } from 'zod';
import { completeUploadBody, refreshPartsBody } from '../../shared/schemas/uploads';
import { loadConfig } from '../../core/config';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, jsonBody, noContent, router } from '../../core/http/route';
import { actorOf } from '../accounts/principal';
import { completeUpload, renewUpload, uploadState, uploadStorage } from '../media/uploads';
import { uploadInstructionsView, uploadStateView } from '../media/views';
import { deletePhoto, getPhoto, publicPhoto } from './photos';
import { variantGrant } from './variant-grants';
import { photoView } from './views';

const tags = ['Photos'];
const photo = z.object({ photo: photoView });

export const photosRoutes = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/{id}', tags, summary: 'A photo, with short-lived URLs to its variants once ready', access: access.scope('photos:read'),
      responses: { 200: json(photo) },
    }),
    async (c) => {
      const found = await getPhoto(c.get('db'), c.get('principal').workspaceId, c.req.param('id'));
      return c.json({ photo: publicPhoto(found, await variantGrant(loadConfig(c.env).uploads.signingSecret, found.albumId)) }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/{id}', tags, summary: 'Delete a photo and every R2 object it owns', access: access.scope('photos:write'),
      responses: { 204: noContent },
    }),
    async (c) => {
      await deletePhoto(c.get('db'), c.env.PHOTOS, actorOf(c.get('principal'), c.get('requestId')), c.req.param('id'));
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/{id}/complete', tags: ['Uploads'], summary: 'Finish an upload: check the bytes and queue the photo',
      description: 'Idempotent: a second call returns the photo and queues nothing. A multipart upload sends its parts.',
      access: access.scope('photos:write'),
      request: { body: jsonBody(completeUploadBody.meta({ example: { parts: [{ partNumber: 1, etag: '"3858f62230ac3c915f300c664312c63f"' }] } })) },
      errors: ['INVALID_PARTS', 'UPLOAD_INCOMPLETE', 'UPLOAD_SIZE_MISMATCH', 'UNSUPPORTED_TYPE', 'SERVICE_UNAVAILABLE'],
      responses: { 200: json(photo) },
    }),
    async (c) => {
      const deps = { db: c.get('db'), bucket: c.env.PHOTOS, queue: c.env.PHOTO_QUEUE };
      const completed = await completeUpload(deps, c.get('principal').workspaceId, c.req.param('id'), c.req.valid('json').parts);
      return c.json({ photo: completed }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/{id}/upload', tags: ['Uploads'], summary: 'Where an unfinished upload stands, to resume it', access: access.scope('photos:write'),
      responses: { 200: json(z.object({ upload: uploadStateView })) },
    }),
    async (c) => {
      const presigned = Boolean(loadConfig(c.env).uploads.r2Presign);
      return c.json({ upload: await uploadState(c.get('db'), presigned, c.get('principal').workspaceId, c.req.param('id')) }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/{id}/upload-url', tags: ['Uploads'], summary: 'Fresh signed URLs for a pending upload (all parts, or some)',
      access: access.scope('photos:write'),
      request: { body: jsonBody(refreshPartsBody.partial().meta({ example: { partNumbers: [3, 4] } })) },
      errors: ['UPLOAD_NOT_PENDING'],
      responses: { 200: json(z.object({ upload: uploadInstructionsView })) },
    }),
    async (c) => {
      const storage = uploadStorage(c.env, c.get('db'), new URL(c.req.url).origin);
      const upload = await renewUpload(storage, c.get('principal').workspaceId, c.req.param('id'), c.req.valid('json').partNumbers);
      return c.json({ upload }, 200);
    },
  );
