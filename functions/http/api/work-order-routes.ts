// Work-order routes: the departments a ticket can be handed to, handing one over, and the customer's
// answer to "is it fixed?" after the confirmation callback; the rules are functions/app/work-orders.ts's.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { confirmFix, departments, handToDepartment } from '../../app/work-orders.js';
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

const DepartmentSchema = z
  .object({
    id: z.string(),
    names: z.object({ zh: z.string(), en: z.string() }),
    members: listOf(z.string()),
    lead: z.string(),
  })
  .openapi('Department');

const HandOverBody = z.object({ version: Version, department: z.string().min(1).max(64) }).strict();
const ConfirmationBody = z
  .object({
    version: Version,
    fixed: z.boolean().openapi({ description: 'The customer says it is fixed (closes) or not (reopens)' }),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

export function registerWorkOrderRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const tags = ['tickets'];
  const orderDeps = { ...deps, ...(deps.channels ? { jobs: deps.channels.jobs } : {}) };

  const list = securedRoute(guard, 'departments.list', {
    method: 'get',
    path: '/departments',
    tags,
    responses: { 200: jsonOk(z.object({ items: listOf(DepartmentSchema) })), ...SECURED_ERRORS },
  });
  app.openapi(list, (c) => c.json({ items: departments(orderDeps) }, 200));

  const handOver = securedRoute(guard, 'tickets.handOver', {
    method: 'post',
    path: '/tickets/{number}/department',
    tags,
    description:
      'Hands the ticket to a department: its member with the fewest open tickets gets it, with a task on their desk. A new ticket becomes open.',
    request: { params: TicketNumberParam, body: jsonBody(HandOverBody) },
    responses: { 200: jsonOk(TicketSchema), ...SECURED_ERRORS, ...NOT_FOUND, ...CONFLICT, ...UNPROCESSABLE },
  });
  app.openapi(handOver, async (c) => {
    const { version, department } = c.req.valid('json');
    const ticket = await handToDepartment(
      orderDeps,
      c.var.user,
      c.req.valid('param').number,
      version,
      department,
    );
    return c.json(ticket, 200);
  });

  const confirm = securedRoute(guard, 'tickets.confirm', {
    method: 'post',
    path: '/tickets/{number}/confirmation',
    tags,
    description:
      "Records the customer's answer to the confirmation callback of a resolved ticket: fixed closes it, not fixed reopens it (its SLA starts again).",
    request: { params: TicketNumberParam, body: jsonBody(ConfirmationBody) },
    responses: { 200: jsonOk(TicketSchema), ...SECURED_ERRORS, ...NOT_FOUND, ...CONFLICT, ...UNPROCESSABLE },
  });
  app.openapi(confirm, async (c) => {
    const { version, fixed, note } = c.req.valid('json');
    const ticket = await confirmFix(orderDeps, c.var.user, c.req.valid('param').number, version, {
      fixed,
      ...(note ? { note } : {}),
    });
    return c.json(ticket, 200);
  });
}
