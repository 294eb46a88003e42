import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { emailOutbox } from '../../db/schema/index';
import { loadConfig } from '../../core/config';
import type { AppEnv } from '../../core/http/app-env';
import { AppError } from '../../core/errors';

/**
 * The dev mailbox: what the outbox sent (or still holds), newest first, with each email's HTML.
 * Only with `DEV_MAILBOX=on` (set in .dev.vars, never in production): otherwise it does not exist.
 */
export const devMail = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (!loadConfig(c.env).devMailbox) throw new AppError('NOT_FOUND', 'No such route');
    await next();
  })
  .get('/', async (c) => {
    const rows = await c.get('db').select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id)).limit(200);
    if (c.req.query('format') === 'json') return c.json({ emails: rows.map(({ html: _h, ...r }) => r) });
    return c.html(html`<!doctype html><meta charset="utf-8"><title>Dev mailbox</title>
<style>body{font:15px system-ui;margin:2rem}td{padding:.3rem .8rem;border-bottom:1px solid #eee}</style>
<h1>Dev mailbox</h1><p>Emails the Worker queued; sent ones went to the Resend stand-in. Disabled in production.</p>
<table><tr><th>when</th><th>to</th><th>subject</th><th>status</th></tr>
${rows.map((r) => html`<tr><td>${r.createdAt.toISOString()}</td><td>${r.to}</td><td><a href="/dev/mail/${r.id}">${r.subject}</a></td><td>${r.status}${r.lastError ? ` (${r.lastError})` : ''}</td></tr>`)}
</table>`);
  })
  .get('/:id', async (c) => {
    const row = await c.get('db').select().from(emailOutbox).where(eq(emailOutbox.id, c.req.param('id'))).get();
    if (!row) throw new AppError('NOT_FOUND', 'No such email');
    return c.html(raw(row.html));
  });
