import { reviewQuery, tagAction, tagChangesQuery } from '../../shared/schemas/tags';
import { loadConfig } from '../../core/config';
import { cursorParam } from '../../core/db/cursor';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, jsonBody, router } from '../../core/http/route';
import { getAlbum } from '../albums/albums';
import { getPhoto } from '../albums/photos';
import { variantGrant } from '../albums/variant-grants';
import { actorOf } from '../accounts/principal';
import { applyTagAction, reviewQueue, tagsOfPhoto } from './tags';
import { publicChange, recentChanges, undoChange } from './tag-changes';
import { reviewQueueView, tagChangeResultView, tagChangesView, tagsView } from './views';

const tags = ['Tags'];

/** Bib and plate tags: the review queue of an album, and a photo's tags. */
export const tagsRoutes = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/albums/{id}/review', tags, summary: "An album's review queue: tags of one status, oldest first",
      description: 'Ask for `unsure` first; `box` is in fractions of the image.',
      access: access.scope('photos:read'),
      request: { query: reviewQuery },
      errors: ['ALBUM_NOT_FOUND'],
      responses: { 200: json(reviewQueueView) },
    }),
    async (c) => {
      const album = await getAlbum(c.get('db'), c.get('principal').workspaceId, c.req.param('id'));
      const { status, cursor, limit } = c.req.valid('query');
      const grant = await variantGrant(loadConfig(c.env).uploads.signingSecret, album.id);
      return c.json(await reviewQueue(c.get('db'), album.id, status, { cursor: cursorParam(cursor), limit }, grant), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/photos/{id}/tags', tags, summary: "A photo's tags", access: access.scope('photos:read'),
      errors: ['PHOTO_NOT_FOUND'],
      responses: { 200: json(tagsView) },
    }),
    async (c) => {
      const photo = await getPhoto(c.get('db'), c.get('principal').workspaceId, c.req.param('id'));
      return c.json({ tags: await tagsOfPhoto(c.get('db'), photo.id) }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/photos/{id}/tags', tags, summary: "Confirm, correct, delete or add one of a photo's tags",
      description: "Every change is audited with what it was before, can be undone (`change.id`), and moves the album's content version.",
      access: access.scope('photos:write'),
      request: { body: jsonBody(tagAction.meta({ example: { action: 'correct', tagId: 'tag_01hx3kc9m2n4p6q8', value: '1234' } })) },
      errors: ['PHOTO_NOT_FOUND', 'NOT_FOUND'],
      responses: { 200: json(tagChangeResultView, "The photo's tags after the change, and the change") },
    }),
    async (c) => {
      const actor = actorOf(c.get('principal'), c.get('requestId'));
      return c.json(await applyTagAction(c.get('db'), actor, c.req.param('id'), c.req.valid('json')), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/albums/{id}/tag-changes', tags, summary: "An album's latest tag changes, newest first (what can be undone)",
      access: access.scope('photos:read'),
      request: { query: tagChangesQuery },
      errors: ['ALBUM_NOT_FOUND'],
      responses: { 200: json(tagChangesView) },
    }),
    async (c) => {
      const { workspaceId } = c.get('principal');
      return c.json({ changes: await recentChanges(c.get('db'), workspaceId, c.req.param('id'), c.req.valid('query').limit) }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/tag-changes/{id}/undo', tags, summary: 'Undo a tag change: the tag is put back as it was',
      description: "Idempotent: undoing again answers the same. A tag's changes are undone newest first (409 `UNDO_BLOCKED` otherwise).",
      access: access.scope('photos:write'),
      errors: ['NOT_FOUND', 'UNDO_BLOCKED'],
      responses: { 200: json(tagChangeResultView, "The photo's tags after the undo, and the change") },
    }),
    async (c) => {
      const change = await undoChange(c.get('db'), actorOf(c.get('principal'), c.get('requestId')), c.req.param('id'));
      return c.json({ tags: await tagsOfPhoto(c.get('db'), change.photoId), change: publicChange(change) }, 200);
    },
  );
