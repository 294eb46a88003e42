import { desc, eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { html, raw } from 'hono/html';
import { z } from 'zod';
import { emailOutbox } from '../../db/schema/index';
import { loadConfig } from '../../core/config';
import type { AppEnv } from '../../core/http/app-env';
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { safeEqual } from '../../shared/encoding';
import { access } from '../../core/http/middleware/access';
import { defineRoute, router } from '../../core/http/route';
import { devMailboxView } from './views';

/**
 * Only with `DEV_MAILBOX=on` (set in .dev.vars, never in production): otherwise it does not exist.
 * With DEV_MAILBOX_SECRET (npm start sets one when it listens beyond loopback) it asks for it as
 * `?key=`: anyone on the network could otherwise read every workspace's emails and download links.
 */
const devOnly = createMiddleware<AppEnv>(async (c, next) => {
  const mailbox = loadConfig(c.env).devMailbox;
  if (!mailbox) throw new AppError('NOT_FOUND', 'No such route');
  if (mailbox.secret && !safeEqual(c.req.query('key') ?? '', mailbox.secret)) {
    throw new AppError('UNAUTHENTICATED', 'The dev mailbox asks for its key: open the /dev/mail?key=... link `npm start` printed');
  }
  await next();
});

/** `?key=...` for the mailbox's own links when it asks for one. */
const keyQuery = (key: string | undefined) => (key ? `?key=${encodeURIComponent(key)}` : '');

const tags = ['Dev'];
const htmlPage = { 'text/html': { schema: z.string() } };
const mailboxKey = z.string().optional().meta({ description: 'DEV_MAILBOX_SECRET, when set' });

/** The dev mailbox: what the outbox sent (or still holds), newest first, with each email's HTML. */
export const devMail = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/', tags, summary: 'The dev mailbox: queued and sent emails, newest first', access: access.public, hide: true,
      middleware: [devOnly],
      request: { query: z.object({ format: z.string().optional().meta({ description: '`json` for the list as JSON' }), key: mailboxKey }) },
      responses: { 200: { description: 'A page, or the list with `?format=json`', content: { ...htmlPage, 'application/json': { schema: devMailboxView } } } },
    }),
    async (c) => {
      const rows = await latestEmails(c.get('db'));
      if (c.req.valid('query').format === 'json') return c.json({ emails: rows.map(({ html: _h, ...r }) => r) }, 200);
      return c.html(mailboxPage(rows, keyQuery(c.req.query('key'))));
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/{id}', tags, summary: "One email's HTML", access: access.public, hide: true,
      middleware: [devOnly],
      request: { query: z.object({ key: mailboxKey }) },
      responses: { 200: { description: 'The email as sent', content: htmlPage } },
    }),
    async (c) => {
      const row = await c.get('db').select().from(emailOutbox).where(eq(emailOutbox.id, c.req.param('id'))).get();
      if (!row) throw new AppError('NOT_FOUND', 'No such email');
      return c.html(raw(row.html));
    },
  );

const latestEmails = (db: Db) => db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id)).limit(200);

function mailboxPage(rows: Awaited<ReturnType<typeof latestEmails>>, key: string) {
  return html`<!doctype html><meta charset="utf-8"><title>Dev mailbox</title>
<style>body{font:15px system-ui;margin:2rem}td{padding:.3rem .8rem;border-bottom:1px solid #eee}</style>
<h1>Dev mailbox</h1><p>Emails the Worker queued; sent ones went to the Resend stand-in. Disabled in production.</p>
<table><tr><th>when</th><th>to</th><th>subject</th><th>status</th></tr>
${rows.map((r) => html`<tr><td>${r.createdAt.toISOString()}</td><td>${r.to}</td><td><a href="/dev/mail/${r.id}${key}">${r.subject}</a></td><td>${r.status}${r.lastError ? ` (${r.lastError})` : ''}</td></tr>`)}
</table>`;
}
