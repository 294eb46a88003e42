/**
 * The studio's backdrops, public: the list the backdrop picker shows and each one's 400x225
 * thumbnail. A thumbnail is rendered and encoded once per isolate (the renderer is deterministic);
 * its URL carries `BACKDROPS_VERSION`, so at that URL it is immutable, and any other URL is only
 * cached for an hour.
 */
import { z } from 'zod';
import { BACKDROP_IDS, type BackdropId } from '../../../shared/enums';
import { AppError } from '../../../core/errors';
import { IMMUTABLE } from '../../../core/http/edge-cache';
import { access } from '../../../core/http/middleware/access';
import { defineRoute, json, router } from '../../../core/http/route';
import { encodeWebp } from '../../media/codecs/webp';
import { BACKDROPS, BACKDROPS_VERSION, renderBackdrop } from './backdrops';

const tags = ['Studio'];
const THUMB = { width: 400, height: 225 };
const AN_HOUR = 'public, max-age=3600';

const backdropView = z
  .object({
    id: z.enum(BACKDROP_IDS),
    name: z.string(),
    thumbUrl: z.string().meta({ example: `/v1/backdrops/showroom_indoor/thumb.webp?v=${BACKDROPS_VERSION}` }),
    horizon: z.number().meta({ description: 'Where the floor meets the wall or the sky (fraction of the height)' }),
    floor: z.number().meta({ description: "The default floor line for the car's tyres, the studio's default positionY" }),
  })
  .meta({ id: 'Backdrop' });

const list = BACKDROPS.map((b) => ({ ...b, thumbUrl: `/v1/backdrops/${b.id}/thumb.webp?v=${BACKDROPS_VERSION}` }));
const thumbs = new Map<BackdropId, Promise<Uint8Array<ArrayBuffer>>>();

/** The thumbnail's WebP, encoded once per isolate (a failed encode is retried next time). */
function thumbnail(id: BackdropId): Promise<Uint8Array<ArrayBuffer>> {
  let bytes = thumbs.get(id);
  if (!bytes) {
    const { data, width, height } = renderBackdrop(id, THUMB.width, THUMB.height);
    bytes = encodeWebp(new Uint8Array(data.buffer), width, height, 85).then((webp) => webp.slice());
    bytes.catch(() => thumbs.delete(id));
    thumbs.set(id, bytes);
  }
  return bytes;
}

const isBackdrop = (id: string): id is BackdropId => (BACKDROP_IDS as readonly string[]).includes(id);

export const backdropsRoutes = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/', tags, summary: "The studio's backdrops", access: access.public,
      responses: { 200: json(z.object({ backdrops: z.array(backdropView) })) },
    }),
    (c) => c.json({ backdrops: list }, 200, { 'Cache-Control': AN_HOUR }),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/{id}/thumb.webp', tags, summary: "A backdrop's 400x225 thumbnail", access: access.public,
      description: 'Immutable at the `thumbUrl` the list gives (its `v` is the renderer\'s version).',
      request: { query: z.object({ v: z.string().max(20).optional() }) },
      errors: ['BACKDROP_NOT_FOUND'],
      responses: { 200: { description: 'The WebP bytes', content: { 'image/webp': { schema: z.any().meta({ type: 'string', format: 'binary' }) } } } },
    }),
    async (c) => {
      const id = c.req.param('id');
      if (!isBackdrop(id)) throw new AppError('BACKDROP_NOT_FOUND', `No backdrop "${id}"; see GET /v1/backdrops`);
      const bytes = await thumbnail(id);
      const current = c.req.valid('query').v === String(BACKDROPS_VERSION);
      return c.body(bytes, 200, { 'Content-Type': 'image/webp', 'Cache-Control': current ? IMMUTABLE : AN_HOUR });
    },
  );
