import { Hono } from 'hono';
import type { AppEnv } from '../../core/http/app-env';
import { AppError } from '../../core/errors';
import { getAlbum } from '../albums/albums';
import { actorOf, requireScope } from '../accounts/principal';
import { importStartList, startListSize } from './start-list';

const MAX_CSV_BYTES = 10 * 1024 * 1024;

/** `POST /v1/albums/:id/start-list` with a CSV body (bib, name, category): replaces the list. */
export const startListRoutes = new Hono<AppEnv>()
  .post('/albums/:id/start-list', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'albums:write');
    const length = Number(c.req.header('Content-Length') ?? 0);
    if (length > MAX_CSV_BYTES) throw new AppError('FILE_TOO_LARGE', 'Start lists are limited to 10 MB');
    if (!c.req.raw.body) throw new AppError('VALIDATION_ERROR', 'Send the CSV as the request body (Content-Type: text/csv)');
    const result = await importStartList(c.get('db'), actorOf(principal, c.get('requestId')), c.req.param('id'), c.req.raw.body);
    return c.json(result);
  })
  .get('/albums/:id/start-list', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'albums:read');
    const album = await getAlbum(c.get('db'), principal.workspaceId, c.req.param('id'));
    return c.json({ runners: await startListSize(c.get('db'), album.id) });
  });
