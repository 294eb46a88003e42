import { z } from 'zod';
import { AppError } from '../../core/errors';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, router } from '../../core/http/route';
import { getAlbum } from '../albums/albums';
import { actorOf } from '../accounts/principal';
import { importStartList, startListCsv, startListInfo } from './start-list';
import { startListImportView, startListSizeView } from './views';

const MAX_CSV_BYTES = 10 * 1024 * 1024;
const tags = ['Start lists'];

/**
 * Documented only: the handler streams the raw body through the CSV parser, so no validator may
 * read it first (text/csv is never parsed by @hono/zod-openapi).
 */
const csvBody = {
  content: {
    'text/csv': {
      schema: z.string().meta({ description: 'bib, name, category; `,` `;` or tab; header optional', example: 'bib,name,category\n1234,Marie Dupont,SEF\n308,Jean Martin,M1H' }),
    },
  },
  required: false,
};

/** An album's start list (bib, name, category), which lets runners search by name. */
export const startListRoutes = router()
  .openapi(
    defineRoute({
      method: 'post', path: '/albums/{id}/start-list', tags, summary: "Replace an album's start list with a CSV body",
      description: 'Streamed; a re-import replaces the list; a file with no usable row changes nothing. At most 10 MB.',
      access: access.scope('albums:write'),
      request: { body: csvBody },
      errors: ['ALBUM_NOT_FOUND', 'FILE_TOO_LARGE'],
      responses: { 200: json(startListImportView) },
    }),
    async (c) => {
      if (Number(c.req.header('Content-Length') ?? 0) > MAX_CSV_BYTES) throw new AppError('FILE_TOO_LARGE', 'Start lists are limited to 10 MB');
      if (!c.req.raw.body) throw new AppError('VALIDATION_ERROR', 'Send the CSV as the request body (Content-Type: text/csv)');
      const actor = actorOf(c.get('principal'), c.get('requestId'));
      return c.json(await importStartList(c.get('db'), actor, c.req.param('id'), c.req.raw.body), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/albums/{id}/start-list', tags, summary: "How many runners an album's start list holds, and since when", access: access.scope('albums:read'),
      errors: ['ALBUM_NOT_FOUND'],
      responses: { 200: json(startListSizeView) },
    }),
    async (c) => {
      const album = await getAlbum(c.get('db'), c.get('principal').workspaceId, c.req.param('id'));
      return c.json(await startListInfo(c.get('db'), album.id), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/albums/{id}/start-list.csv', tags, summary: "An album's start list as CSV (bib, name, category), as the import reads it",
      access: access.scope('albums:read'),
      errors: ['ALBUM_NOT_FOUND'],
      responses: { 200: { description: 'The CSV, streamed', content: { 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      const album = await getAlbum(c.get('db'), c.get('principal').workspaceId, c.req.param('id'));
      const headers = { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="start-list-${album.slug}.csv"`, 'Cache-Control': 'private, no-store' };
      return new Response(startListCsv(c.get('db'), album.id), { headers });
    },
  );
