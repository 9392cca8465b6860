// Dispatch routes: the provider directory (everyone reads it, admins replace it), the nearest providers
// for a service and a place, and a ticket's dispatch, the provider's arrival and the repair's follow-up;
// the rules are functions/app/dispatch.ts's.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  dispatch,
  nearestProviders,
  readProviders,
  recordArrival,
  recordRepair,
  replaceProviders,
} from '../../app/dispatch.js';
import { PROVIDER_SERVICES } from '../../domain/dispatch/directory.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import {
  CONFLICT,
  jsonBody,
  jsonOk,
  listOf,
  NOT_FOUND,
  SECURED_ERRORS,
  UNPROCESSABLE,
  Version,
} from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';
import { TicketNumberParam, TicketSchema } from './ticket-schemas.js';

const Names = z.object({ zh: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) });
const Hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'a time such as 08:00 (24:00 for midnight)');

const ProviderSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes'),
    name: Names,
    services: z.array(z.enum(PROVIDER_SERVICES)).min(1).readonly(),
    region: z.string().min(1).max(64),
    phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +862155550100'),
    hours: z.tuple([Hhmm, Hhmm]).readonly(),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    address: z.object({ zh: z.string().max(200), en: z.string().max(200) }),
  })
  .openapi('Provider');

const CandidateSchema = z.object({ provider: ProviderSchema, distanceKm: z.number().optional() });
const ServiceQuery = z.object({
  service: z.enum(PROVIDER_SERVICES),
  near: z.string().max(500).optional().openapi({ description: 'What the caller said about where they are' }),
  region: z.string().max(64).optional(),
});
const DispatchBody = z
  .object({
    version: Version,
    service: z.enum(PROVIDER_SERVICES),
    location: z.string().trim().min(1).max(500).optional(),
    providerId: z.string().max(64).optional(),
  })
  .strict();
const RepairBody = z
  .object({
    version: Version,
    progress: z.string().trim().min(1).max(1000),
    cost: z.number().min(0).max(10_000_000).optional(),
    done: z.boolean(),
  })
  .strict();

export function registerDispatchRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const tags = ['dispatch'];
  const ticketDeps = { ...deps, ...(deps.channels ? { jobs: deps.channels.jobs } : {}) };
  const ticketErrors = { ...SECURED_ERRORS, ...NOT_FOUND, ...CONFLICT, ...UNPROCESSABLE };

  const list = securedRoute(guard, 'providers.list', {
    method: 'get',
    path: '/providers',
    tags,
    responses: { 200: jsonOk(z.object({ items: listOf(ProviderSchema) })), ...SECURED_ERRORS },
  });
  app.openapi(list, async (c) => c.json({ items: await readProviders(deps) }, 200));

  const nearest = securedRoute(guard, 'providers.nearest', {
    method: 'get',
    path: '/providers/nearest',
    tags,
    description: 'Providers offering the service and open now, nearest to the place named first.',
    request: { query: ServiceQuery },
    responses: {
      200: jsonOk(
        z.object({
          place: z
            .object({ names: listOf(z.string()), region: z.string(), lat: z.number(), lon: z.number() })
            .optional(),
          candidates: listOf(CandidateSchema),
        }),
      ),
      ...SECURED_ERRORS,
    },
  });
  app.openapi(nearest, async (c) => c.json(await nearestProviders(deps, c.req.valid('query')), 200));

  const replace = securedRoute(guard, 'providers.replace', {
    method: 'put',
    path: '/admin/providers',
    tags,
    description: 'Replaces the whole provider directory (audited).',
    request: { body: jsonBody(z.object({ providers: z.array(ProviderSchema).max(5000) }).strict()) },
    responses: { 200: jsonOk(z.object({ items: listOf(ProviderSchema) })), ...SECURED_ERRORS },
  });
  app.openapi(replace, async (c) => {
    const items = await replaceProviders(deps, c.var.user, c.req.valid('json').providers);
    return c.json({ items }, 200);
  });

  const send = securedRoute(guard, 'tickets.dispatch', {
    method: 'post',
    path: '/tickets/{number}/dispatch',
    tags,
    description: 'Sends the nearest open provider (or the one chosen) and texts the provider and the member.',
    request: { params: TicketNumberParam, body: jsonBody(DispatchBody) },
    responses: {
      200: jsonOk(
        z.object({
          ticket: TicketSchema,
          provider: ProviderSchema,
          etaMinutes: z.number(),
          distanceKm: z.number().optional(),
        }),
      ),
      ...ticketErrors,
    },
  });
  app.openapi(send, async (c) => {
    const { version, ...request } = c.req.valid('json');
    return c.json(await dispatch(ticketDeps, c.var.user, c.req.valid('param').number, version, request), 200);
  });

  const arrival = securedRoute(guard, 'tickets.arrival', {
    method: 'post',
    path: '/tickets/{number}/arrival',
    tags,
    request: { params: TicketNumberParam, body: jsonBody(z.object({ version: Version }).strict()) },
    responses: { 200: jsonOk(TicketSchema), ...ticketErrors },
  });
  app.openapi(arrival, async (c) =>
    c.json(
      await recordArrival(ticketDeps, c.var.user, c.req.valid('param').number, c.req.valid('json').version),
      200,
    ),
  );

  const repair = securedRoute(guard, 'tickets.repair', {
    method: 'post',
    path: '/tickets/{number}/repair',
    tags,
    description: "The repair's follow-up: progress and cost; done resolves the ticket and asks the member.",
    request: { params: TicketNumberParam, body: jsonBody(RepairBody) },
    responses: { 200: jsonOk(TicketSchema), ...ticketErrors },
  });
  app.openapi(repair, async (c) => {
    const { version, ...update } = c.req.valid('json');
    return c.json(
      await recordRepair(ticketDeps, c.var.user, c.req.valid('param').number, version, update),
      200,
    );
  });
}
