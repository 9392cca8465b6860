// Customers: search (phone, policy, VIN, plate, id code or name), create, the screen-pop view with
// everything the customer owns and every contact, update with optimistic locking, add asset or policy.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { unwrap } from '../../app/write-result.js';
import { normalisePhone } from '../../domain/phone.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { invalidField, NotFoundError } from '../errors.js';
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
import { normalisePhones } from './phones.js';
import { securedRoute } from './secured-route.js';
import { TaskSchema } from './task-schemas.js';
import { TicketSchema } from './ticket-schemas.js';

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

const RECENT = { limit: 50 } as const;

export function registerCustomerRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const { store } = deps;
  const region = deps.config.defaultPhoneRegion;
  const tags = ['customers'];

  async function mustExist(id: string) {
    const customer = await store.customers.get(id);
    if (!customer) throw new NotFoundError('customer', id);
    return customer;
  }

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
    // A phone typed in national format should still find the customer, so try its E.164 form too.
    const phone = q && /^[+\d][\d\s()-]{5,}$/.test(q) ? normalisePhone(q, region) : undefined;
    const text = phone?.ok ? phone.e164 : q;
    const result = text ? await store.customers.search(text, page) : await store.customers.list(page);
    return c.json(result, 200);
  });

  const create = securedRoute(guard, 'customers.create', {
    method: 'post',
    path: '/customers',
    tags,
    request: { body: jsonBody(NewCustomerBody) },
    responses: { 201: jsonOk(CustomerSchema, 'Created'), ...SECURED_ERRORS, ...CONFLICT },
  });
  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const phones = normalisePhones(body.phones, region, 'body.phones');
    const customer = unwrap(await store.customers.create({ ...body, phones }), 'customer', body.name);
    return c.json(customer, 201);
  });

  const get = securedRoute(guard, 'customers.get', {
    method: 'get',
    path: '/customers/{id}',
    tags,
    request: { params: CustomerIdParam },
    responses: { 200: jsonOk(CustomerView), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    const customer = await mustExist(id);
    const [assets, policies, tickets, calls, tasks] = await Promise.all([
      store.assets.byCustomer(id),
      store.policies.byCustomer(id),
      store.tickets.byCustomer(id, RECENT),
      store.calls.byCustomer(id, RECENT),
      store.tasks.byCustomer(id),
    ]);
    return c.json({ customer, assets, policies, tickets: tickets.items, calls: calls.items, tasks }, 200);
  });

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
    const phones = patch.phones ? { phones: normalisePhones(patch.phones, region, 'body.phones') } : {};
    const result = await store.customers.update(id, version, { ...patch, ...phones });
    return c.json(unwrap(result, 'customer', id), 200);
  });

  const addAsset = securedRoute(guard, 'customers.addAsset', {
    method: 'post',
    path: '/customers/{id}/assets',
    tags,
    request: { params: CustomerIdParam, body: jsonBody(NewAssetBody) },
    responses: { 201: jsonOk(AssetSchema, 'Created'), ...SECURED_ERRORS, ...NOT_FOUND, ...CONFLICT },
  });
  app.openapi(addAsset, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    await mustExist(id);
    const asset = unwrap(await store.assets.create({ ...body, customerId: id }), 'asset', id);
    return c.json(asset, 201);
  });

  const addPolicy = securedRoute(guard, 'customers.addPolicy', {
    method: 'post',
    path: '/customers/{id}/policies',
    tags,
    request: { params: CustomerIdParam, body: jsonBody(NewPolicyBody) },
    responses: { 201: jsonOk(PolicySchema, 'Created'), ...SECURED_ERRORS, ...NOT_FOUND, ...CONFLICT },
  });
  app.openapi(addPolicy, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    await mustExist(id);
    if (body.vehicleId) {
      const vehicle = await store.assets.get(body.vehicleId);
      if (vehicle?.customerId !== id || vehicle.kind !== 'vehicle') {
        throw invalidField('body.vehicleId', `no vehicle "${body.vehicleId}" belongs to customer "${id}"`);
      }
    }
    const policy = unwrap(await store.policies.create({ ...body, customerId: id }), 'policy', body.number);
    return c.json(policy, 201);
  });
}
