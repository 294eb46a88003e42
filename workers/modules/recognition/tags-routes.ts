import { Hono } from 'hono';
import { reviewQuery, tagAction } from '../../shared/schemas/tags';
import type { AppEnv } from '../../core/http/app-env';
import { loadConfig } from '../../core/config';
import { cursorParam } from '../../core/db/cursor';
import { getAlbum } from '../albums/albums';
import { getPhoto } from '../albums/photos';
import { actorOf, requireScope } from '../accounts/principal';
import { applyTagAction, reviewQueue, tagsOfPhoto } from './tags';
import { variantGrant } from '../albums/variant-grants';
import { validate } from '../../core/http/validate';

/** Bib and plate tags: the review queue of an album, and a photo's tags. */
export const tagsRoutes = new Hono<AppEnv>()
  .get('/albums/:id/review', validate('query', reviewQuery), async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'photos:read');
    const album = await getAlbum(c.get('db'), principal.workspaceId, c.req.param('id'));
    const { status, cursor, limit } = c.req.valid('query');
    const grant = await variantGrant(loadConfig(c.env).uploads.signingSecret, album.id);
    return c.json(await reviewQueue(c.get('db'), album.id, status, { cursor: cursorParam(cursor), limit }, grant));
  })
  .get('/photos/:id/tags', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'photos:read');
    const photo = await getPhoto(c.get('db'), principal.workspaceId, c.req.param('id'));
    return c.json({ tags: await tagsOfPhoto(c.get('db'), photo.id) });
  })
  .post('/photos/:id/tags', validate('json', tagAction), async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'photos:write');
    const actor = actorOf(principal, c.get('requestId'));
    return c.json({ tags: await applyTagAction(c.get('db'), actor, c.req.param('id'), c.req.valid('json')) });
  });
