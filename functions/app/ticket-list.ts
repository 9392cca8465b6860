// Listing tickets with filters that combine: the narrowest index (customer, assignee, or the status
// partitions) is read page by page and the rest is filtered here, with a bounded number of reads per
// request so a sparse filter over a large index answers quickly and lets the client page on.

import {
  isLead,
  type Priority,
  TICKET_STATUSES,
  type Ticket,
  type TicketStatus,
  type TicketType,
  type User,
} from '../domain/model.js';
import type { Page, PageRequest } from '../domain/ports.js';
import { BadCursorError } from '../domain/problems.js';
import { ticketDue } from '../domain/ticket-due.js';
import { localSlot } from '../domain/wfm/local-time.js';
import type { CenterBasics } from './center.js';

export interface TicketListFilter {
  readonly types?: readonly TicketType[];
  readonly statuses?: readonly TicketStatus[];
  /** A user id, `me`, or `none` (unassigned). */
  readonly assignee?: string;
  readonly priorities?: readonly Priority[];
  /** The department it was handed to (flows/work-orders.ts). */
  readonly department?: string;
  readonly customerId?: string;
  /** Due before now and still being worked on. */
  readonly overdue?: boolean;
  /** Due on the center's today, or in the seven local days starting today. */
  readonly due?: 'today' | 'week';
  /** Part of the number, or words that all appear in the subject. */
  readonly q?: string;
}

/** Statuses in which a ticket is no longer being worked on, so it cannot be overdue. */
export const FINISHED_STATUSES: readonly TicketStatus[] = ['resolved', 'closed', 'cancelled'];

/** Index pages read per request at most; each page holds up to READ_PAGE tickets (so 500 examined). */
export const MAX_READS = 5;
export const READ_PAGE = 100;
const DEFAULT_LIMIT = 50;

type Source = (page: PageRequest) => Promise<Page<Ticket>>;

/**
 * Where a listing resumes: which source, the cursor of the page being read, and how much of it was used
 * (a request that fills its limit mid-page reads that page again next time and skips what it used). Like
 * any cursor over a changing index, a ticket that changes status between two requests can be seen twice
 * or not at all.
 */
interface ListCursor {
  readonly s: number;
  readonly c?: string;
  readonly k: number;
}

function encode(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decode(cursor: string | undefined): ListCursor {
  if (cursor === undefined) return { s: 0, k: 0 };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadCursorError();
  }
  const p = parsed as Partial<ListCursor> | null;
  if (
    !p ||
    typeof p !== 'object' ||
    !Number.isInteger(p.s) ||
    !Number.isInteger(p.k) ||
    (p.s as number) < 0 ||
    (p.k as number) < 0 ||
    (p.c !== undefined && typeof p.c !== 'string')
  )
    throw new BadCursorError();
  return p as ListCursor;
}

/** YYYY-MM-DD `days` after a local date, by calendar arithmetic so daylight saving never shifts it. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The test a ticket must pass, everything but what the chosen index already guarantees. */
export function ticketMatcher(
  filter: TicketListFilter,
  context: {
    readonly userId: string;
    readonly nowMs: number;
    readonly timeZone: string;
    readonly ownOrFree: boolean;
  },
): (t: Ticket) => boolean {
  const assignee = filter.assignee === 'me' ? context.userId : filter.assignee;
  const today = localSlot(context.nowMs, context.timeZone).date;
  const lastDay = filter.due === 'week' ? addDays(today, 6) : today;
  const words = (filter.q ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
  return (t) => {
    if (filter.types && !filter.types.includes(t.type)) return false;
    if (filter.statuses && !filter.statuses.includes(t.status)) return false;
    if (filter.priorities && !filter.priorities.includes(t.priority)) return false;
    if (filter.department && t.department !== filter.department) return false;
    if (
      assignee === 'none' ? t.assigneeId !== undefined : assignee !== undefined && t.assigneeId !== assignee
    )
      return false;
    if (context.ownOrFree && t.assigneeId !== undefined && t.assigneeId !== context.userId) return false;
    const due = ticketDue(t);
    if (filter.overdue) {
      if (!due || Date.parse(due) >= context.nowMs || FINISHED_STATUSES.includes(t.status)) return false;
    }
    if (filter.due) {
      if (!due) return false;
      const day = localSlot(Date.parse(due), context.timeZone).date;
      if (day < today || day > lastDay) return false;
    }
    if (words.length > 0) {
      const subject = t.subject.toLowerCase();
      const byNumber = words.length === 1 && t.number.toLowerCase().includes(words[0] as string);
      if (!byNumber && !words.every((w) => subject.includes(w))) return false;
    }
    return true;
  };
}

/** Due first (soonest first, undated last), then newest created; numbers break ties so order is stable. */
export function compareTickets(a: Ticket, b: Ticket): number {
  // By instant (one time may be written with an offset, another in UTC); an unreadable one as undated.
  const [dueA, dueB] = [ticketDue(a), ticketDue(b)].map((d) => (d ? Date.parse(d) : Number.NaN));
  const datedA = !Number.isNaN(dueA);
  const datedB = !Number.isNaN(dueB);
  if (datedA !== datedB) return datedA ? -1 : 1;
  if (datedA && dueA !== dueB) return (dueA as number) < (dueB as number) ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

function sourcesFor(deps: CenterBasics, filter: TicketListFilter, userId: string): Source[] {
  const { tickets } = deps.store;
  if (filter.customerId) {
    const id = filter.customerId;
    return [(page) => tickets.byCustomer(id, page)];
  }
  const assignee = filter.assignee === 'me' ? userId : filter.assignee;
  if (assignee !== undefined && assignee !== 'none') return [(page) => tickets.byAssignee(assignee, page)];
  let statuses = filter.statuses ?? TICKET_STATUSES;
  if (filter.overdue) statuses = statuses.filter((s) => !FINISHED_STATUSES.includes(s));
  return statuses.map((status) => (page: PageRequest) => tickets.byStatus(status, page));
}

/**
 * One page of tickets matching every filter. Agents (not supervisors or admins) see only their own and
 * unassigned tickets, except in a customer's list, which shows the whole relationship. At most MAX_READS
 * index pages are read: a page may come back short (even empty) with a cursor, and the client pages on.
 * Within a page tickets are ordered by due date then creation; across pages they follow the index.
 */
export async function listTickets(
  deps: CenterBasics,
  user: User,
  filter: TicketListFilter,
  page: PageRequest = {},
): Promise<Page<Ticket>> {
  const limit = page.limit ?? DEFAULT_LIMIT;
  const sources = sourcesFor(deps, filter, user.id);
  const matches = ticketMatcher(filter, {
    userId: user.id,
    nowMs: deps.clock.now(),
    timeZone: deps.config.timeZone,
    ownOrFree: !isLead(user.roles) && !filter.customerId,
  });
  let at = decode(page.cursor);
  if (at.s > sources.length) throw new BadCursorError();
  const found: Ticket[] = [];
  for (let reads = 0; reads < MAX_READS && at.s < sources.length && found.length < limit; reads++) {
    const source = sources[at.s] as Source;
    const read = await source({ limit: READ_PAGE, ...(at.c ? { cursor: at.c } : {}) });
    let used = at.k;
    while (used < read.items.length && found.length < limit) {
      const ticket = read.items[used] as Ticket;
      used++;
      if (matches(ticket)) found.push(ticket);
    }
    if (used < read.items.length) at = { s: at.s, ...(at.c ? { c: at.c } : {}), k: used };
    else if (read.cursor) at = { s: at.s, c: read.cursor, k: 0 };
    else at = { s: at.s + 1, k: 0 };
  }
  found.sort(compareTickets);
  return { items: found, ...(at.s < sources.length ? { cursor: encode(at) } : {}) };
}

export interface Assignee {
  readonly id: string;
  readonly name: string;
  readonly roles: User['roles'];
}

/** Pages of the user list read at most for the people a ticket can be handed to (20,000 users). */
const MAX_USER_READS = 100;

/**
 * Everyone a ticket can be handed to: enabled users, by name. Agents may reassign tickets, but the user
 * list itself (profiles, skills, phones) is for admins, so this shows only the id, name and roles.
 */
export async function ticketAssignees(deps: CenterBasics): Promise<Assignee[]> {
  const people: Assignee[] = [];
  let cursor: string | undefined;
  for (let reads = 0; reads < MAX_USER_READS; reads++) {
    const page = await deps.store.users.list({ limit: 200, ...(cursor ? { cursor } : {}) });
    for (const u of page.items) if (!u.disabled) people.push({ id: u.id, name: u.name, roles: u.roles });
    cursor = page.cursor;
    if (!cursor) break;
  }
  return people.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
