import { z } from 'zod';
import { leadBody } from '../../shared/schemas/leads';
import { loadConfig } from '../../core/config';
import { access } from '../../core/http/middleware/access';
import { guestBudget } from '../../core/http/middleware/rate-limit';
import { defineRoute, json, jsonBody, router } from '../../core/http/route';
import { createLead } from './leads';
import { publicVehicleView } from './leads-views';
import { publicVehicle } from './public-vehicles';

/**
 * Short: a price change or a sale shows within a minute. Not versioned by the album's content
 * version, which moves with photos but not with the record (price, status, listing text).
 */
const SHORT = 'public, max-age=30, stale-while-revalidate=60';
const tags = ['Vehicles (public)'];
const example = { name: 'Camille Martin', email: 'camille@example.com', phone: '06 12 34 56 78', message: 'Bonjour, ce véhicule est-il toujours disponible ?' };

/** A listed vehicle's public page and its contact form: no auth. */
export const publicVehiclesRoutes = router()
  .openapi(
    defineRoute({
      method: 'get', path: '/vehicles/{slug}', tags, summary: 'A published or sold vehicle, for its public page', access: access.public,
      description: 'A draft, an unknown slug and an album that is not a vehicle are the same 404. Photos in gallery order: the studio image when done and not doubtful, else the web variant.',
      errors: ['NOT_FOUND'],
      responses: { 200: json(z.object({ vehicle: publicVehicleView })) },
    }),
    async (c) => {
      const vehicle = await publicVehicle(c.get('db'), c.req.param('slug'));
      c.header('Cache-Control', SHORT);
      return c.json({ vehicle }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post', path: '/vehicles/{slug}/leads', tags, summary: "A visitor's contact request: a lead, and an email to the dealer",
      description: '10 per minute per address (all vehicles together). `website` is a honeypot: filled, the answer is the same and nothing is kept or sent. A sold vehicle answers 409 `VEHICLE_SOLD`.',
      access: access.public,
      middleware: [guestBudget('lead')],
      request: { body: jsonBody(leadBody, example) },
      errors: ['NOT_FOUND', 'VEHICLE_SOLD', 'RATE_LIMITED'],
      responses: { 201: json(z.object({ lead: z.object({ id: z.string() }) }), 'Created') },
    }),
    async (c) => {
      const mail = { queue: c.env.EMAIL_QUEUE, origin: loadConfig(c.env).publicOrigin };
      return c.json({ lead: await createLead(c.get('db'), mail, c.req.param('slug'), c.req.valid('json')) }, 201);
    },
  );
