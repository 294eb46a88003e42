import { z } from 'zod';
import type { Context } from 'hono';
import { confirmIdentityBody, exportLinkQuery } from '../../shared/schemas/privacy';
import type { AppEnv } from '../../core/http/app-env';
import { loadConfig } from '../../core/config';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, jsonBody, noContent, router } from '../../core/http/route';
import { personOf } from '../accounts/principal';
import { deletionPlan, requestAccountDeletion } from './erase-account';
import { requestWorkspaceDeletion } from './erase-workspace';
import { exportDownload, listExports, requestExport } from './exports';
import { dataExportView, deletionPlanView, deletionView } from './views';

const tags = ['Privacy'];
const identityExample = { password: 'correct horse battery staple', code: '287082' };
const links = (c: Context<AppEnv>) => {
  const config = loadConfig(c.env);
  return { secret: config.uploads.signingSecret, origin: config.publicOrigin };
};

/** The signed-in person's data (GDPR): export it, see what deleting the account does, delete it. */
export const accountPrivacyRoutes = router()
  .openapi(
    defineRoute({
      method: 'post', path: '/export', tags, summary: 'Ask for a ZIP of all your data; the link is emailed when it is ready', access: access.self,
      description: 'Profile, workspaces, and for each workspace you own: albums, photos\' details, tags, start lists, orders, invoices, credit ledger, audit log and the originals. One export at a time.',
      errors: ['EXPORT_IN_PROGRESS'],
      responses: { 202: json(z.object({ export: dataExportView })) },
    }),
    async (c) => {
      const { userId } = personOf(c.get('principal'));
      return c.json({ export: await requestExport(c.env, links(c), userId, c.get('requestId')) }, 202);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/exports', tags, summary: 'Your last ten exports, newest first, with the link while it works', access: access.self,
      responses: { 200: json(z.object({ exports: z.array(dataExportView) })) },
    }),
    async (c) => c.json({ exports: await listExports(c.get('db'), links(c), personOf(c.get('principal')).userId) }, 200),
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/deletion', tags, summary: 'What deleting your account would do to each of your workspaces', access: access.self,
      responses: { 200: json(deletionPlanView) },
    }),
    async (c) => c.json(await deletionPlan(c.get('db'), personOf(c.get('principal')).userId), 200),
  )
  .openapi(
    defineRoute({
      method: 'delete', path: '/', tags, summary: 'Delete your account (password, and the code with two-factor on)', access: access.self,
      description: 'Signs you out everywhere at once; a job then erases the workspaces only you were in (photos, images, rows, the Stripe customer) and your account. Paid orders keep amounts and dates only. Refused while you alone own a workspace others work in.',
      request: { body: jsonBody(confirmIdentityBody.meta({ example: identityExample })) },
      errors: ['OWNERSHIP_TRANSFER_NEEDED', 'TOO_MANY_ATTEMPTS'],
      responses: { 202: json(deletionView) },
    }),
    async (c) => {
      const { userId } = personOf(c.get('principal'));
      return c.json(await requestAccountDeletion(c.env, loadConfig(c.env).jwt.secret, userId, c.req.valid('json'), c.get('requestId')), 202);
    },
  );

/** An owner deletes the workspace they are in. */
export const workspacePrivacyRoutes = router().openapi(
  defineRoute({
    method: 'delete', path: '/', tags, summary: 'Delete this workspace and everything in it (owners; password, and the code with two-factor on)', access: access.owner,
    description: 'Everyone loses access at once and its API keys stop working; a job erases its albums, photos, stored images, rows and Stripe customer. Not your only workspace.',
    request: { body: jsonBody(confirmIdentityBody.meta({ example: identityExample })) },
    errors: ['LAST_WORKSPACE', 'TOO_MANY_ATTEMPTS'],
    responses: { 204: noContent },
  }),
  async (c) => {
    const { userId, workspaceId } = personOf(c.get('principal'));
    await requestWorkspaceDeletion(c.env, loadConfig(c.env).jwt.secret, { userId, workspaceId }, c.req.valid('json'), c.get('requestId'));
    return c.body(null, 204);
  },
);

/** The export's signed link (emailed): the signature is the credential. */
export const exportDownloadRoutes = router().openapi(
  defineRoute({
    method: 'get', path: '/{id}', tags, summary: 'Download a data export (the emailed signed link, 7 days)', access: access.public,
    request: { query: exportLinkQuery },
    errors: ['DOWNLOAD_LINK_INVALID', 'DOWNLOAD_LINK_EXPIRED', 'NOT_FOUND'],
    responses: { 200: { description: 'The ZIP', content: { 'application/zip': { schema: z.string().meta({ format: 'binary' }) } } } },
  }),
  async (c) => {
    const object = await exportDownload(c.get('db'), c.env.PHOTOS, links(c).secret, c.req.param('id'), c.req.valid('query'));
    const headers = new Headers({ 'Cache-Control': 'private, no-store', 'Content-Length': String(object.size) });
    object.writeHttpMetadata(headers);
    return new Response(object.body, { headers });
  },
);
