// Ticket routes: file, list by status/assignee/customer, get, change and add notes; the rules are the
// ticket use cases' (functions/app/tickets.ts).
import type { OpenAPIHono } from '@hono/zod-openapi';
import { listTickets, ticketAssignees } from '../../app/ticket-list.js';
import { addTicketNote, changeTicket, existingTicket, fileTicket } from '../../app/tickets.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import {
  CONFLICT,
  jsonBody,
  jsonOk,
  NOT_FOUND,
  pageOf,
  SECURED_ERRORS,
  UNPROCESSABLE,
} from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';
import {
  AssigneeList,
  IdempotencyHeader,
  NewTicketBody,
  NoteBody,
  TicketListQuery,
  TicketNumberParam,
  TicketPatchBody,
  TicketSchema,
} from './ticket-schemas.js';

export function registerTicketRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const tags = ['tickets'];

  const ticketDeps = { ...deps, ...(deps.channels ? { jobs: deps.channels.jobs } : {}) };

  const create = securedRoute(guard, 'tickets.create', {
    method: 'post',
    path: '/tickets',
    tags,
    description:
      'Files a ticket (201). The same claim filed again while the first is open (the same call, or the same customer and subject), or a request retried with the same `Idempotency-Key`, answers 200 with the ticket already filed.',
    request: { body: jsonBody(NewTicketBody), headers: IdempotencyHeader },
    responses: {
      201: jsonOk(TicketSchema, 'Created'),
      200: jsonOk(TicketSchema, 'Already filed: the open ticket for the same incident or request'),
      ...SECURED_ERRORS,
    },
  });
  app.openapi(create, async (c) => {
    const key = c.req.valid('header')['idempotency-key'];
    const { ticket, existing } = await fileTicket(ticketDeps, c.var.user, c.req.valid('json'), key);
    return existing ? c.json(ticket, 200) : c.json(ticket, 201);
  });

  const list = securedRoute(guard, 'tickets.list', {
    method: 'get',
    path: '/tickets',
    tags,
    request: { query: TicketListQuery },
    description:
      "Tickets matching every filter given. Agents see their own and unassigned tickets (all of a customer's with `customerId`). At most 5 index pages (500 tickets) are examined per request, so a page may be short or empty yet carry a `cursor`: keep paging until there is none. Within a page: soonest due first (undated last), then newest.",
    responses: { 200: jsonOk(pageOf(TicketSchema)), ...SECURED_ERRORS },
  });
  app.openapi(list, async (c) => {
    const { limit, cursor, status, type, priority, ...rest } = c.req.valid('query');
    const filter = {
      ...rest,
      ...(status ? { statuses: status } : {}),
      ...(type ? { types: type } : {}),
      ...(priority ? { priorities: priority } : {}),
    };
    const page = { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) };
    return c.json(await listTickets(deps, c.var.user, filter, page), 200);
  });

  // Registered before /tickets/{number}, which would otherwise take "assignees" for a malformed number.
  const assignees = securedRoute(guard, 'tickets.assignees', {
    method: 'get',
    path: '/tickets/assignees',
    tags,
    description: 'Everyone a ticket can be handed to: enabled users with their id, name and roles, by name.',
    responses: { 200: jsonOk(AssigneeList), ...SECURED_ERRORS },
  });
  app.openapi(assignees, async (c) => c.json({ items: await ticketAssignees(deps) }, 200));

  const get = securedRoute(guard, 'tickets.get', {
    method: 'get',
    path: '/tickets/{number}',
    tags,
    request: { params: TicketNumberParam },
    responses: { 200: jsonOk(TicketSchema), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(get, async (c) => c.json(await existingTicket(ticketDeps, c.req.valid('param').number), 200));

  const update = securedRoute(guard, 'tickets.update', {
    method: 'patch',
    path: '/tickets/{number}',
    tags,
    request: { params: TicketNumberParam, body: jsonBody(TicketPatchBody) },
    responses: {
      200: jsonOk(TicketSchema),
      ...SECURED_ERRORS,
      ...NOT_FOUND,
      ...CONFLICT,
      ...UNPROCESSABLE,
    },
  });
  app.openapi(update, async (c) => {
    const { number } = c.req.valid('param');
    const { version, ...patch } = c.req.valid('json');
    return c.json(await changeTicket(ticketDeps, c.var.user, number, version, patch), 200);
  });

  const addNote = securedRoute(guard, 'tickets.addNote', {
    method: 'post',
    path: '/tickets/{number}/notes',
    tags,
    request: { params: TicketNumberParam, body: jsonBody(NoteBody) },
    responses: {
      201: jsonOk(TicketSchema, 'The ticket with the note appended'),
      ...SECURED_ERRORS,
      ...NOT_FOUND,
    },
  });
  app.openapi(addNote, async (c) => {
    const { number } = c.req.valid('param');
    return c.json(await addTicketNote(ticketDeps, c.var.user, number, c.req.valid('json').text), 201);
  });
}
