import { z } from 'zod';
import { VEHICLE_STATUSES } from '../../shared/enums';
import { pageQuery } from '../../shared/schemas/pagination';
import { vehicleBody } from '../../shared/schemas/vehicles';
import { loadConfig } from '../../core/config';
import { cursorParam } from '../../core/db/cursor';
import { access } from '../../core/http/middleware/access';
import { defineRoute, json, jsonBody, router } from '../../core/http/route';
import { actorOf } from '../accounts/principal';
import { nextCursor } from '../albums/views';
import { estimateAlbumVehicle } from './estimates';
import { getVehicle, putVehicle } from './vehicles';
import { listVehicles } from './vehicle-list';
import { estimateView, vehicleSummaryView, vehicleView } from './views';

const tags = ['Vehicles'];
const vehicleListQuery = pageQuery.extend({ status: z.enum(VEHICLE_STATUSES).optional() });
const example: z.input<typeof vehicleBody> = {
  plate: 'AB-123-CD', make: 'Peugeot', model: '208', version: '1.2 PureTech 100 Allure', year: 2021, firstRegistration: '2021-03-15',
  mileageKm: 42_000, fuel: 'petrol', gearbox: 'manual', powerHp: 100, colour: 'Bleu Vertigo', doors: 5, seats: 5, condition: 'good',
  equipment: ['GPS', 'Rear camera'], askingPriceCents: 1_450_000, status: 'published',
};

/** A vehicles workspace's albums as vehicles: the record and its explained price estimate. */
export const vehiclesRoutes = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/vehicles', tags, summary: "The workspace's vehicles, newest first", access: access.scope('vehicles:read'),
      description: 'Every album of the vehicles workspace with its record summary; `status` keeps one status (an album without a saved record is a `draft`).',
      request: { query: vehicleListQuery },
      errors: ['WRONG_WORKSPACE_KIND'],
      responses: { 200: json(z.object({ vehicles: z.array(vehicleSummaryView), nextCursor })) },
    }),
    async (c) => {
      const { cursor, limit, status } = c.req.valid('query');
      const secret = loadConfig(c.env).uploads.signingSecret;
      return c.json(await listVehicles(c.get('db'), secret, c.get('principal').workspaceId, { cursor: cursorParam(cursor), limit, status }), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get', path: '/albums/{id}/vehicle', tags, summary: "A vehicle's record", access: access.scope('vehicles:read'),
      description: 'Until the dealer types a plate, `plate` is the best one read from the photos (`plateSource: read`).',
      errors: ['WRONG_WORKSPACE_KIND'],
      responses: { 200: json(z.object({ vehicle: vehicleView })) },
    }),
    async (c) => c.json({ vehicle: await getVehicle(c.get('db'), c.get('principal').workspaceId, c.req.param('id')) }, 200),
  )
  .openapi(
    defineRoute({
      method: 'put', path: '/albums/{id}/vehicle', tags, summary: "Replace a vehicle's record", access: access.scope('vehicles:write'),
      description: 'A field left out is cleared. French plates are normalised; `plate: null` goes back to the read plate.',
      request: { body: jsonBody(vehicleBody, example) },
      errors: ['WRONG_WORKSPACE_KIND'],
      responses: { 200: json(z.object({ vehicle: vehicleView })) },
    }),
    async (c) => {
      const vehicle = await putVehicle(c.get('db'), actorOf(c.get('principal'), c.get('requestId')), c.req.param('id'), c.req.valid('json'));
      return c.json({ vehicle }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/albums/{id}/vehicle/estimate', tags, summary: 'An explained price estimate of the vehicle', access: access.scope('vehicles:read'),
      description: "A range from the record's factors (new price, age, mileage, gearbox, condition) and the workspace's own sales of the model.",
      errors: ['WRONG_WORKSPACE_KIND', 'ESTIMATE_NEEDS_DETAILS'],
      responses: { 200: json(z.object({ estimate: estimateView })) },
    }),
    async (c) => c.json({ estimate: await estimateAlbumVehicle(c.get('db'), c.get('principal').workspaceId, c.req.param('id')) }, 200),
  );
