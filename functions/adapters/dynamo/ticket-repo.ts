// Tickets: numbered from an atomic counter per type and year, filed once per incident (open-incidents.ts),
// listed by customer, status and assignee, updated under optimistic locking with every change in the history.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Ticket, TicketEvent } from '../../domain/model.js';
import type {
  Clock,
  NewTicket,
  Page,
  PageRequest,
  TicketCreated,
  TicketPatch,
  TicketRepo,
  WriteResult,
} from '../../domain/ports.js';
import { incidentKeys } from '../../domain/ticket-incident.js';
import { formatTicketNumber, TICKET_PREFIX } from '../../domain/ticket-workflow.js';
import { nextSequence } from './counter.js';
import * as keys from './keys.js';
import { createIncidentClaims } from './open-incidents.js';
import { fromItem, getItem, type Item, mapPage, putIf, queryPage, type TableAccess } from './table-access.js';
import { compact, versionedReplace } from './versioned.js';

function toItem(tk: Ticket): Item {
  const sortKey = keys.byTime(tk.createdAt, tk.number);
  return compact({
    ...tk,
    pk: keys.ticket(tk.number),
    sk: keys.ITEM_SK,
    entity: 'ticket',
    gsi1pk: tk.customerId ? keys.customerItems(tk.customerId) : undefined,
    gsi1sk: tk.customerId ? keys.listed('ticket', sortKey) : undefined,
    gsi2pk: keys.ticketsByStatus(tk.status),
    gsi2sk: sortKey,
    gsi3pk: tk.assigneeId ? keys.assignee(tk.assigneeId) : undefined,
    gsi3sk: tk.assigneeId ? keys.listed('ticket', sortKey) : undefined,
  });
}

/** Year of `ms` in the center's time zone: a claim filed at 07:00 on 1 January in Shanghai is next year's. */
function yearIn(ms: number, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(ms));
}

function applyPatch(current: Ticket, patch: TicketPatch, by: string, at: string): Ticket {
  const events: TicketEvent[] = [];
  if (patch.status !== undefined && patch.status !== current.status) {
    events.push({ at, by, kind: 'status', from: current.status, to: patch.status });
  }
  if (patch.assigneeId !== undefined && (patch.assigneeId ?? undefined) !== current.assigneeId) {
    events.push(
      compact({
        at,
        by,
        kind: 'assigned' as const,
        from: current.assigneeId,
        to: patch.assigneeId ?? undefined,
      }),
    );
  }
  const edited = (['priority', 'subject', 'description', 'dueAt', 'fields'] as const).filter(
    (k) => patch[k] !== undefined,
  );
  if (edited.length > 0) events.push({ at, by, kind: 'updated', text: edited.join(',') });
  if (patch.note) events.push({ at, by, kind: 'note', text: patch.note });
  if (patch.department !== undefined && (patch.department ?? undefined) !== current.department)
    events.push(
      compact({
        at,
        by,
        kind: 'department' as const,
        from: current.department,
        to: patch.department ?? undefined,
      }),
    );
  if (patch.addAttachment)
    events.push({ at, by, kind: 'updated', text: `attachment:${patch.addAttachment.name}` });
  for (const e of patch.events ?? []) events.push({ ...e, at });
  const add = (list: readonly string[], sid: string | undefined) =>
    sid && !list.includes(sid) ? [...list, sid] : list;
  return compact({
    ...current,
    status: patch.status ?? current.status,
    priority: patch.priority ?? current.priority,
    subject: patch.subject ?? current.subject,
    description: patch.description ?? current.description,
    assigneeId: patch.assigneeId === undefined ? current.assigneeId : (patch.assigneeId ?? undefined),
    dueAt: patch.dueAt === undefined ? current.dueAt : (patch.dueAt ?? undefined),
    department: patch.department === undefined ? current.department : (patch.department ?? undefined),
    sla: patch.sla === undefined ? current.sla : (patch.sla ?? undefined),
    attachments: patch.addAttachment
      ? [...(current.attachments ?? []), patch.addAttachment]
      : current.attachments,
    fields: patch.fields ? { ...current.fields, ...patch.fields } : current.fields,
    callSids: add(current.callSids, patch.addCallSid),
    recordingSids: add(current.recordingSids, patch.addRecordingSid),
    history: [...current.history, ...events],
    updatedAt: at,
  });
}

export function createTicketRepo(t: TableAccess, clock: Clock, timeZone: string): TicketRepo {
  const list = async (spec: Parameters<typeof queryPage>[1], page?: PageRequest): Promise<Page<Ticket>> =>
    mapPage<Ticket>(await queryPage(t, { ...spec, newestFirst: true }, page));

  const get = async (number: string): Promise<Ticket | undefined> => {
    const item = await getItem(t, keys.ticket(number));
    return item ? fromItem<Ticket>(item) : undefined;
  };
  const incidents = createIncidentClaims(t, clock, get);

  return {
    async create(input: NewTicket, by: string, options = {}): Promise<TicketCreated> {
      const claims = incidentKeys(input, options.requestKey ? { by, key: options.requestKey } : undefined);
      // Most repeats are plain repeats: answer them before spending a ticket number.
      const open = await incidents.holder(claims);
      if (open) return { ok: true, value: open, existing: true };
      const nowMs = clock.now();
      const now = new Date(nowMs).toISOString();
      const year = yearIn(nowMs, timeZone);
      const seq = await nextSequence(t, `${TICKET_PREFIX[input.type]}-${year}`);
      const number = formatTicketNumber(input.type, year, seq);
      const ticket: Ticket = compact({
        ...input,
        number,
        callSids: input.callSids ?? [],
        recordingSids: [],
        fields: input.fields ?? {},
        history: [{ at: now, by, kind: 'created' as const, to: input.status }],
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      if (!(await putIf(t, toItem(ticket), 'attribute_not_exists(pk)'))) {
        // Only possible if the counter was reset under existing tickets: refuse rather than overwrite.
        return { ok: false, reason: 'duplicate', field: 'number', value: number };
      }
      // The atomic step: the first ticket to claim a key keeps it; the other is taken back (its number
      // stays unused) and the caller gets the one that won.
      const winner = await incidents.claim(claims, number);
      if (winner) {
        await t.doc.send(
          new DeleteCommand({ TableName: t.tableName, Key: { pk: keys.ticket(number), sk: keys.ITEM_SK } }),
        );
        return { ok: true, value: winner, existing: true };
      }
      return { ok: true, value: ticket };
    },

    get,

    update(number, expectedVersion, patch, by): Promise<WriteResult<Ticket>> {
      const at = new Date(clock.now()).toISOString();
      return versionedReplace<Ticket>(t, keys.ticket(number), expectedVersion, (current) =>
        toItem(applyPatch(current, patch, by, at)),
      );
    },

    // One UpdateItem: DynamoDB appends under its own item lock, so no read, no version check and no
    // retry; bumping the version makes any read-modify-write based on the older ticket lose cleanly
    // instead of overwriting the note.
    async addNote(number, text, by): Promise<WriteResult<Ticket>> {
      const event: TicketEvent = { at: new Date(clock.now()).toISOString(), by, kind: 'note', text };
      try {
        const out = await t.doc.send(
          new UpdateCommand({
            TableName: t.tableName,
            Key: { pk: keys.ticket(number), sk: keys.ITEM_SK },
            UpdateExpression: 'SET #h = list_append(#h, :ev), #at = :at ADD #v :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#h': 'history', '#at': 'updatedAt', '#v': 'version' },
            ExpressionAttributeValues: { ':ev': [event], ':at': event.at, ':one': 1 },
            ReturnValues: 'ALL_NEW',
          }),
        );
        if (!out.Attributes) throw new Error(`ticket ${number} note written but not returned`);
        return { ok: true, value: fromItem<Ticket>(out.Attributes) };
      } catch (err) {
        if (
          err instanceof ConditionalCheckFailedException ||
          (err as Error).name === 'ConditionalCheckFailedException'
        )
          return { ok: false, reason: 'not-found' };
        throw err;
      }
    },

    byCustomer: (customerId, page) =>
      list(
        { index: 'gsi1', pk: keys.customerItems(customerId), skPrefix: keys.listedPrefix('ticket') },
        page,
      ),
    byStatus: (status, page) => list({ index: 'gsi2', pk: keys.ticketsByStatus(status) }, page),
    byAssignee: (userId, page) =>
      list({ index: 'gsi3', pk: keys.assignee(userId), skPrefix: keys.listedPrefix('ticket') }, page),
  };
}
