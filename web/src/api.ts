// Calls to the REST API. The session travels in the HttpOnly cc_session cookie the login sets, so no
// token is kept where page scripts could read it.
import type {
  Asset,
  AuditEntry,
  CallRecord,
  Customer,
  CustomerView,
  Policy,
  Task,
  TaskKind,
  Ticket,
  TicketType,
} from '../../functions/domain/model.js';
import type { TimelineEntry } from '../../functions/domain/timeline.js';

export type {
  Asset,
  AuditEntry,
  CallRecord,
  Customer,
  CustomerView,
  Policy,
  Task,
  TaskKind,
  Ticket,
  TicketType,
  TimelineEntry,
};

// What POST /api/tasks and PATCH /api/tasks/{id} accept, told in the domain's own Task fields: the
// browser shares the domain with the server, never its routes or schemas. test/web/api-types.test.ts
// holds these to the server's request schemas, so the two cannot drift apart.

/** A new task: the caller's part of it (the server sets id, status, attempts and stamps). */
export type NewTask = Pick<Task, 'kind' | 'dueAt'> &
  Partial<
    Pick<
      Task,
      | 'customerId'
      | 'ticketNumber'
      | 'phone'
      | 'assigneeId'
      | 'queue'
      | 'maxAttempts'
      | 'note'
      | 'autoDial'
      | 'callerId'
      | 'language'
    >
  >;
/** A change to a task, made against the version the browser last saw. */
export type TaskPatch = Pick<Task, 'version'> &
  Partial<Pick<Task, 'status' | 'dueAt' | 'assigneeId' | 'note' | 'attempts' | 'lastAttemptAt' | 'autoDial'>>;

export interface NewTicket {
  readonly type: TicketType;
  readonly priority?: 'low' | 'normal' | 'high' | 'urgent';
  readonly subject: string;
  readonly description?: string;
  readonly customerId?: string;
  readonly assetId?: string;
  readonly policyNumber?: string;
  readonly callSids?: string[];
  readonly fields?: Record<string, string>;
}

/** A user as the API shows it (no password hash). */
export interface Me {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly ('agent' | 'supervisor' | 'admin')[];
  readonly skills: readonly string[];
  readonly languages: readonly string[];
  readonly extension?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The rest of the error body: a 400's `issues`, a 409's `current` record, a duplicate's `field`. */
    readonly detail: Readonly<Record<string, unknown>> = {},
    /** What the request was about (`kb`, `campaigns`, `users`): the same field means different things. */
    readonly resource?: string,
  ) {
    super(message);
  }
}

/** Refused outbound attempts and the people with a burst of them (GET /api/supervisor/dial-refusals). */
export interface DialRefusals {
  readonly items: readonly {
    readonly id: string;
    readonly at: string;
    readonly actor: string;
    readonly number: string;
    readonly purpose: string;
    readonly reason: string;
    readonly message: string;
  }[];
  readonly bursts: Readonly<Record<string, number>>;
  readonly burstThreshold: number;
  readonly burstWindowMinutes: number;
}

/** A request and its answer's status (200 and 201 can mean different things); errors throw ApiError. */
export async function send<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; data: T }> {
  // A file goes as multipart form data (the browser sets its content type); anything else as JSON.
  const form = body instanceof FormData;
  const response = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined || form ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: form ? body : JSON.stringify(body) }),
  });
  if (response.status === 204) return { status: 204, data: undefined as T };
  const data = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!response.ok) {
    const { error, message, ...detail } = data;
    const resource = path.split(/[/?]/).find(Boolean);
    throw new ApiError(response.status, error ?? 'error', message ?? response.statusText, detail, resource);
  }
  return { status: response.status, data: data as T };
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await send<T>(method, path, body)).data;
}

export const api = {
  login: (id: string, password: string) =>
    call<{ user: Me; expiresAt: string }>('POST', '/auth/login', { id, password }),
  me: () => call<{ user: Me; expiresAt: string; timeZone: string; now: string }>('GET', '/auth/me'),
  logout: () => call<void>('POST', '/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    call<{ user: Me; expiresAt: string }>('POST', '/auth/password', { currentPassword, newPassword }),
  searchCustomers: (q: string) =>
    call<{ items: Customer[]; cursor?: string }>('GET', `/customers?q=${encodeURIComponent(q)}&limit=20`),
  customer: (id: string) => call<CustomerView>('GET', `/customers/${encodeURIComponent(id)}`),
  timeline: (id: string) =>
    call<{ items: TimelineEntry[]; timeZone: string }>(
      'GET',
      `/customers/${encodeURIComponent(id)}/timeline`,
    ),
  customerByPhone: (phone: string) =>
    call<{ items: Customer[]; cursor?: string }>('GET', `/customers?q=${encodeURIComponent(phone)}&limit=5`),
  createCustomer: (body: {
    name: string;
    phones: string[];
    language: 'zh' | 'en';
    region?: string;
    notes?: string;
  }) => call<Customer>('POST', '/customers', body),
  /**
   * Files a ticket; `requestKey` stays the same for retries of one submission. `existing`: the server
   * answered with the open ticket already filed for the same incident or request.
   */
  createTicket: async (body: NewTicket, requestKey: string) => {
    const { status, data } = await send<Ticket>('POST', '/tickets', body, { 'idempotency-key': requestKey });
    return { ticket: data, existing: status === 200 };
  },
  addTicketNote: (number: string, text: string) =>
    call<Ticket>('POST', `/tickets/${encodeURIComponent(number)}/notes`, { text }),
  myTasks: () => call<{ items: Task[] }>('GET', '/tasks/mine'),
  /** Open tasks due at or before `before`, earliest first (supervisors). */
  dueTasks: (before: string, limit: number, cursor?: string) =>
    call<{ items: Task[]; cursor?: string }>(
      'GET',
      `/tasks/due?${new URLSearchParams({ before, limit: String(limit), ...(cursor ? { cursor } : {}) })}`,
    ),
  createTask: (body: NewTask) => call<Task>('POST', '/tasks', body),
  updateTask: (id: string, body: TaskPatch) => call<Task>('PATCH', `/tasks/${encodeURIComponent(id)}`, body),
  playback: (sid: string) => call<{ url: string; expiresAt: string }>('POST', `/recordings/${sid}/playback`),
  dialRefusals: () => call<DialRefusals>('GET', '/supervisor/dial-refusals'),
  audit: (day?: string) =>
    call<{ items: AuditEntry[]; cursor?: string }>('GET', `/audit${day ? `?day=${day}` : ''}`),
};
