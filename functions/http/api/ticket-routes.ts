// Tickets: create (number from the store's atomic counter), list by status/assignee/customer, get,
// update with optimistic locking and workflow-checked status changes, and notes.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Ticket } from '../../domain/model.js';
import type { TicketPatch } from '../../domain/ports.js';
import { checkTransition } from '../../domain/ticket-workflow.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { ConflictError, invalidField, NotFoundError, UnprocessableError } from '../errors.js';
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
import { notifyTicketChange } from './ticket-notify.js';
import {
  NewTicketBody,
  NoteBody,
  TicketListQuery,
  TicketNumberParam,
  TicketPatchBody,
  TicketSchema,
} from './ticket-schemas.js';
import { unwrap } from './write-result.js';

/** Notes commute with every other change, so a note retries on a version race instead of failing. */
const NOTE_ATTEMPTS = 5;

export function registerTicketRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const { store } = deps;
  const tags = ['tickets'];

  async function mustExist(number: string): Promise<Ticket> {
    const ticket = await store.tickets.get(number);
    if (!ticket) throw new NotFoundError('ticket', number);
    return ticket;
  }

  const create = securedRoute(guard, 'tickets.create', {
    method: 'post',
    path: '/tickets',
    tags,
    request: { body: jsonBody(NewTicketBody) },
    responses: { 201: jsonOk(TicketSchema, 'Created'), ...SECURED_ERRORS },
  });
  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    if (body.customerId && !(await store.customers.get(body.customerId))) {
      throw invalidField('body.customerId', `no customer "${body.customerId}"`);
    }
    if (body.assigneeId && !(await store.users.get(body.assigneeId))) {
      throw invalidField('body.assigneeId', `no user "${body.assigneeId}"`);
    }
    const result = await store.tickets.create({ ...body, status: 'new' }, c.var.user.id);
    const ticket = unwrap(result, 'ticket', body.subject);
    if (deps.channels) await notifyTicketChange({ ...deps, ...deps.channels }, undefined, ticket);
    return c.json(ticket, 201);
  });

  const list = securedRoute(guard, 'tickets.list', {
    method: 'get',
    path: '/tickets',
    tags,
    request: { query: TicketListQuery },
    responses: { 200: jsonOk(pageOf(TicketSchema)), ...SECURED_ERRORS },
  });
  app.openapi(list, async (c) => {
    const { status, assignee, customerId, limit, cursor } = c.req.valid('query');
    const page = { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) };
    if (status) return c.json(await store.tickets.byStatus(status, page), 200);
    if (customerId) return c.json(await store.tickets.byCustomer(customerId, page), 200);
    const userId = assignee === 'me' || assignee === undefined ? c.var.user.id : assignee;
    return c.json(await store.tickets.byAssignee(userId, page), 200);
  });

  const get = securedRoute(guard, 'tickets.get', {
    method: 'get',
    path: '/tickets/{number}',
    tags,
    request: { params: TicketNumberParam },
    responses: { 200: jsonOk(TicketSchema), ...SECURED_ERRORS, ...NOT_FOUND },
  });
  app.openapi(get, async (c) => c.json(await mustExist(c.req.valid('param').number), 200));

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
    const current = await mustExist(number);
    // Judge the transition against the version the client saw; a stale one is a conflict first.
    if (current.version !== version) {
      throw new ConflictError(
        `The ticket "${number}" was changed by someone else; here is the current version.`,
        {
          current,
        },
      );
    }
    if (patch.status) {
      const check = checkTransition(current.status, patch.status);
      if (!check.ok) {
        const allowed = check.allowed.length ? check.allowed.join(', ') : 'none (it is final)';
        throw new UnprocessableError(
          'invalid-transition',
          `A ticket in status "${current.status}" cannot move to "${patch.status}"; allowed: ${allowed}.`,
          { from: current.status, to: patch.status, allowed: check.allowed },
        );
      }
    }
    if (patch.assigneeId && !(await store.users.get(patch.assigneeId))) {
      throw invalidField('body.assigneeId', `no user "${patch.assigneeId}"`);
    }
    const result = await store.tickets.update(number, version, patch satisfies TicketPatch, c.var.user.id);
    const updated = unwrap(result, 'ticket', number);
    if (deps.channels) await notifyTicketChange({ ...deps, ...deps.channels }, current, updated);
    return c.json(updated, 200);
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
    const { text } = c.req.valid('json');
    for (let attempt = 1; ; attempt++) {
      const current = await mustExist(number);
      const result = await store.tickets.update(number, current.version, { note: text }, c.var.user.id);
      if (result.ok || result.reason !== 'conflict' || attempt >= NOTE_ATTEMPTS) {
        return c.json(unwrap(result, 'ticket', number), 201);
      }
    }
  });
}
