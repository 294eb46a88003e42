import { Hono } from 'hono';
import type { AppEnv } from '../../core/http/app-env';
import { listPublicPhotos, publicAlbumBySlug, readyPhotoCount } from './gallery';

const escape = (text: string) => text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * `/e/:slug`: the SPA shell with the album's title, description and preview image in <head>,
 * so shared gallery links unfurl in chats and rank in search. Unknown or private albums get the
 * plain shell (the SPA shows its own "not found").
 */
export const seoRoutes = new Hono<AppEnv>().get('/e/:slug', async (c) => {
  const shell = await c.env.ASSETS.fetch(new URL('/index.html', c.req.url));
  const album = await publicAlbumBySlug(c.get('db'), c.req.param('slug')).catch(() => null);
  if (!album) return shell;
  const count = await readyPhotoCount(c.get('db'), album.id);
  const { photos } = await listPublicPhotos(c.get('db'), album.id, { cursor: null, limit: 1 });
  const where = [album.date, album.location].filter(Boolean).join(' · ');
  const description = `${count} photo${count === 1 ? '' : 's'}${where ? ` · ${where}` : ''} — find yours by bib number or name.`;
  const image = photos[0] ? new URL(photos[0].web.url, c.req.url).toString() : null;
  const head = [
    `<meta name="description" content="${escape(description)}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${escape(album.title)}">`,
    `<meta property="og:description" content="${escape(description)}">`,
    `<meta property="og:url" content="${escape(c.req.url)}">`,
    image ? `<meta property="og:image" content="${escape(image)}">` : '',
    `<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">`,
  ].join('');
  return new HTMLRewriter()
    .on('title', { element: (el) => void el.setInnerContent(`${album.title} — Vitrine`) })
    .on('head', { element: (el) => void el.append(head, { html: true }) })
    .transform(shell);
});
