// Customers: search (phone, policy, VIN, plate, id code or name), create, the screen-pop view with
// everything the customer owns and every contact, update with optimistic locking, add asset or policy;
// the rules are the customer use cases' (functions/app/customers.ts).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { customerTimeline } from '../../app/customer-timeline.js';
import {
  addAsset,
  addPolicy,
  changeCustomer,
  createCustomer,
  customerView,
  searchCustomers,
} from '../../app/customers.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { CallSchema } from './call-schema.js';
import {
  CONFLICT,
  jsonBody,
  jsonOk,
  listOf,
  NOT_FOUND,
  PageQuery,
  pageOf,
  SECURED_ERRORS,
} from './common-schemas.js';
import {
  AssetSchema,
  CustomerIdParam,
  CustomerPatchBody,
  CustomerSchema,
  NewAssetBody,
  NewCustomerBody,
  NewPolicyBody,
  PolicySchema,
} from './customer-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';
import { TaskSchema } from './task-schemas.js';
import { TicketSchema } from './ticket-schemas.js';
import { TimelineSchema } from './timeline-schemas.js';

const CustomerView = z
  .object({
    customer: CustomerSchema,
    assets: listOf(AssetSchema),
    policies: listOf(PolicySchema),
    tickets: listOf(TicketSchema),
    calls: listOf(CallSchema),
    tasks: listOf(TaskSchema),
  })
  .openapi('CustomerView');

export function registerCustomerRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const tags = ['customers'];

  const search = securedRoute(guard, 'customers.search', {
    method: 'get',
    path: '/customers',
    tags,
    request: {
      query: PageQuery.extend({
        q: z
          .string()
          .trim()
          .min(1)
          .max(100)
          .optional()
          .openapi({ description: 'Name prefix or any exact key.' }),
      }),
    },
    responses: { 200: jsonOk(pageOf(CustomerSchema)), ...SECURED_ERRORS },
  });
  app.openapi(search, async (c) => {
    const { q, limit, cursor } = c.req.valid('query');
    const page = { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) };
    return c.json(await searchCustomers(deps, q, page), 200);
  });

  const create = securedRoute(guard, 'customers.create', {
    method: 'post',
    path: '/customers',
    tags,
    request: { body: jsonBody(NewCustomerBody) },
    responses: { 201: jsonOk(CustomerSchema, 'Created'), ...SECURED_ERRORS, ...CONFLICT },
  });
  app.openapi(create, async (c) => c.json(await createCustomer(deps, c.req.valid('json')), 201));

  const get = securedRoute(guard, 'customers.get', {
    method: 'get',
    path: '/customers/{id}',
    tags,
    request: { params: CustomerIdParam },
    responses: { 200: jsonOk(CustomerView), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(get, async (c) => c.json(await customerView(deps, c.req.valid('param').id), 200));

  const timeline = securedRoute(guard, 'customers.timeline', {
    method: 'get',
    path: '/customers/{id}/timeline',
    tags,
    summary: 'Every contact with the customer, newest first',
    request: { params: CustomerIdParam },
    responses: { 200: jsonOk(TimelineSchema), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(timeline, async (c) =>
    c.json(
      {
        ...(await customerTimeline(deps, c.var.user, c.req.valid('param').id)),
        timeZone: deps.config.timeZone,
      },
      200,
    ),
  );

  const update = securedRoute(guard, 'customers.update', {
    method: 'patch',
    path: '/customers/{id}',
    tags,
    request: { params: CustomerIdParam, body: jsonBody(CustomerPatchBody) },
    responses: { 200: jsonOk(CustomerSchema), ...SECURED_ERRORS, ...NOT_FOUND, ...CONFLICT },
  });
  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const { version, ...patch } = c.req.valid('json');
    return c.json(await changeCustomer(deps, id, version, patch), 200);
  });

  const assetRoute = securedRoute(guard, 'customers.addAsset', {
    method: 'post',
    path: '/customers/{id}/assets',
    tags,
    request: { params: CustomerIdParam, body: jsonBody(NewAssetBody) },
    responses: { 201: jsonOk(AssetSchema, 'Created'), ...SECURED_ERRORS, ...NOT_FOUND, ...CONFLICT },
  });
  app.openapi(assetRoute, async (c) =>
    c.json(await addAsset(deps, c.req.valid('param').id, c.req.valid('json')), 201),
  );

  const policyRoute = securedRoute(guard, 'customers.addPolicy', {
    method: 'post',
    path: '/customers/{id}/policies',
    tags,
    request: { params: CustomerIdParam, body: jsonBody(NewPolicyBody) },
    responses: { 201: jsonOk(PolicySchema, 'Created'), ...SECURED_ERRORS, ...NOT_FOUND, ...CONFLICT },
  });
  app.openapi(policyRoute, async (c) =>
    c.json(await addPolicy(deps, c.req.valid('param').id, c.req.valid('json')), 201),
  );
}
