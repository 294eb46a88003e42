import { z } from 'zod';
import type { Album } from '../../db/schema/index';
import type { Db } from '../../core/db/client';
import { access } from '../../core/http/middleware/access';
import { defineRoute, router } from '../../core/http/route';
import { listPublicPhotos, publicAlbumBySlug, readyPhotoCount } from './gallery';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * `/e/:slug`: the SPA shell with the album's title, description and preview image in <head>,
 * so shared gallery links unfurl in chats and rank in search. Unknown or private albums get the
 * plain shell (the SPA shows its own "not found"). A page, not API: declared for its access, hidden
 * from the document.
 */
export const seoRoutes = router().openapi(
  defineRoute({
    method: 'get', path: '/e/{slug}', tags: ['Gallery'], summary: "A gallery's page, with link previews", access: access.public, hide: true,
    // Any slug gets a page (the SPA says "not found"), so no length limit here.
    request: { params: z.object({ slug: z.string() }) },
    responses: { 200: { description: 'The SPA shell', content: { 'text/html': { schema: z.string() } } } },
  }),
  async (c) => {
    const shell = await c.env.ASSETS.fetch(new URL('/index.html', c.req.url));
    const album = await publicAlbumBySlug(c.get('db'), c.req.param('slug')).catch(() => null);
    return album ? withPreview(shell, album, c.get('db'), c.req.url) : shell;
  },
);

/** The shell with the album's title, description and first photo as its link preview. */
async function withPreview(shell: Response, album: Album, db: Db, url: string) {
  const count = await readyPhotoCount(db, album.id);
  const { photos } = await listPublicPhotos(db, album.id, { cursor: null, limit: 1 });
  const where = [album.date, album.location].filter(Boolean).join(' · ');
  const description = `${count} photo${count === 1 ? '' : 's'}${where ? ` · ${where}` : ''} — find yours by bib number or name.`;
  const image = photos[0] ? new URL(photos[0].web.url, url).toString() : null;
  const head = [
    `<meta name="description" content="${escapeHtml(description)}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${escapeHtml(album.title)}">`,
    `<meta property="og:description" content="${escapeHtml(description)}">`,
    `<meta property="og:url" content="${escapeHtml(url)}">`,
    image ? `<meta property="og:image" content="${escapeHtml(image)}">` : '',
    `<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">`,
  ].join('');
  return new HTMLRewriter()
    .on('title', { element: (el) => void el.setInnerContent(`${album.title} — Vitrine`) })
    .on('head', { element: (el) => void el.append(head, { html: true }) })
    .transform(shell);
}
