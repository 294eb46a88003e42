/** `/v1/albums/:id/vehicle/listing` (write, save), the copy pack and the workspace's export feeds: HTTP only, the work is in the services beside. */
import { z } from 'zod';
import { listingBody, listingRequestBody } from '../../../shared/schemas/listing';
import { loadConfig } from '../../../core/config';
import { access } from '../../../core/http/middleware/access';
import { defineRoute, json, jsonBody, router } from '../../../core/http/route';
import { actorOf } from '../../accounts/principal';
import { copyPack } from './copy-pack';
import { feedVehicles } from './feed';
import { feedCsv, feedXml } from './feed-formats';
import { generateListing, saveListing } from './listing';
import { savedListingView, writtenListingView } from './views';
import { listingWriter } from './writer';

const tags = ['Vehicles'];
const binary = z.string().meta({ format: 'binary' });
/** Personal (the workspace's stock, behind a key): no shared cache may keep it. */
const PRIVATE = 'private, no-store';

const file = (body: BodyInit | null, type: string, disposition: string) =>
  new Response(body, { headers: { 'Content-Type': type, 'Content-Disposition': disposition, 'Cache-Control': PRIVATE } });

/** A vehicle's listing text (written, then edited and saved), its copy pack, and the workspace's export feeds. */
export const listingRoutes = router()
  .openapi(
    defineRoute({
      method: 'post', path: '/albums/{id}/vehicle/listing', tags, summary: 'Write a listing from the record (not saved)', access: access.scope('vehicles:write'),
      description: 'Title and text from the record alone, by Workers AI when configured, else (or when it fails) by the template engine; `engine` says which.',
      request: { body: jsonBody(listingRequestBody, { lang: 'fr', tone: 'professional' }) },
      errors: ['WRONG_WORKSPACE_KIND', 'LISTING_NEEDS_DETAILS'],
      responses: { 200: json(z.object({ listing: writtenListingView })) },
    }),
    async (c) => {
      const writer = listingWriter(loadConfig(c.env).listing);
      const listing = await generateListing(c.get('db'), writer, c.get('principal').workspaceId, c.req.param('id'), c.req.valid('json'));
      return c.json({ listing }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'put', path: '/albums/{id}/vehicle/listing', tags, summary: 'Save the listing as the dealer edited it', access: access.scope('vehicles:write'),
      request: { body: jsonBody(listingBody, { title: 'Peugeot 208 1.2 PureTech 100 Allure - 2021 - 42 000 km', text: 'Nous vous proposons cette Peugeot 208…', lang: 'fr' }) },
      errors: ['WRONG_WORKSPACE_KIND'],
      responses: { 200: json(z.object({ listing: savedListingView })) },
    }),
    async (c) => {
      const listing = await saveListing(c.get('db'), actorOf(c.get('principal'), c.get('requestId')), c.req.param('id'), c.req.valid('json'));
      return c.json({ listing }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/albums/{id}/vehicle/copy-pack.zip', tags, summary: 'The copy pack: the listing text and the photos, one ZIP', access: access.scope('vehicles:read'),
      description: '`annonce.txt` (or `listing.txt`) and `photo-01.webp`…: each photo\'s studio image when done and not doubtful, else its web variant.',
      errors: ['WRONG_WORKSPACE_KIND'],
      responses: { 200: { description: 'The ZIP (stored entries, streamed)', content: { 'application/zip': { schema: binary } } } },
    }),
    async (c) => {
      const pack = await copyPack(c.get('db'), c.env.PHOTOS, c.get('principal').workspaceId, c.req.param('id'));
      return file(pack.body, 'application/zip', `attachment; filename="${pack.fileName}"`);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/vehicles/feed.xml', tags, summary: 'Every published vehicle, as the XML feed classifieds import', access: access.scope('vehicles:read'),
      description: 'brand, model, version, regdate (YYYY-MM-DD), year, mileage (km), fuel, gearbox, power_din (hp), colour, doors, seats, price (euros), title, text, url (the public page), photos (studio images).',
      responses: { 200: { description: 'The feed', content: { 'application/xml': { schema: binary } } } },
    }),
    async (c) => {
      const list = await feedVehicles(c.get('db'), c.get('principal').workspaceId, loadConfig(c.env).publicOrigin);
      return file(feedXml(list), 'application/xml; charset=utf-8', 'inline; filename="vehicles.xml"');
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/vehicles/feed.csv', tags, summary: 'Every published vehicle, as CSV (the XML feed\'s columns)', access: access.scope('vehicles:read'),
      description: 'RFC 4180 (comma, CRLF, double quotes), UTF-8 with a BOM for Excel; `photos` holds the URLs separated by `|`.',
      responses: { 200: { description: 'The feed', content: { 'text/csv': { schema: binary } } } },
    }),
    async (c) => {
      const list = await feedVehicles(c.get('db'), c.get('principal').workspaceId, loadConfig(c.env).publicOrigin);
      return file(feedCsv(list), 'text/csv; charset=utf-8; header=present', 'attachment; filename="vehicles.csv"');
    },
  );
