// Calls the tickets pages make: the filtered list, one ticket, a change under its version, a note, and
// the people a ticket can be handed to.
import type { Priority, Role, TicketStatus } from '../../../functions/domain/model.js';
import { call, type Ticket } from '../api.js';

export interface TicketPage {
  readonly items: readonly Ticket[];
  readonly cursor?: string;
}

/** What PATCH /api/tickets/{number} takes: the version read and the fields that change. */
export interface TicketChange {
  readonly version: number;
  readonly status?: TicketStatus;
  readonly priority?: Priority;
  readonly subject?: string;
  readonly description?: string;
  readonly assigneeId?: string | null;
  readonly dueAt?: string | null;
  readonly fields?: Record<string, string>;
}

export interface Assignee {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

const path = (number: string) => `/tickets/${encodeURIComponent(number)}`;

export const ticketsApi = {
  list: (query: URLSearchParams) => call<TicketPage>('GET', `/tickets?${query}`),
  get: (number: string) => call<Ticket>('GET', path(number)),
  change: (number: string, change: TicketChange) => call<Ticket>('PATCH', path(number), change),
  addNote: (number: string, text: string) => call<Ticket>('POST', `${path(number)}/notes`, { text }),
  assignees: () => call<{ items: Assignee[] }>('GET', '/tickets/assignees'),
  departments: () => call<{ items: Department[] }>('GET', '/departments'),
  handOver: (number: string, version: number, department: string) =>
    call<Ticket>('POST', `${path(number)}/department`, { version, department }),
  confirm: (number: string, version: number, fixed: boolean) =>
    call<Ticket>('POST', `${path(number)}/confirmation`, { version, fixed }),
};

export interface ProviderView {
  readonly id: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly phone: string;
  readonly hours: readonly [string, string];
  readonly address: { readonly zh: string; readonly en: string };
}

export interface Candidate {
  readonly provider: ProviderView;
  readonly distanceKm?: number;
}

function attach(number: string, file: File): Promise<Ticket> {
  const form = new FormData();
  form.append('file', file, file.name);
  return call<Ticket>('POST', `${path(number)}/attachments`, form);
}

export const attachmentsApi = {
  attach,
  url: (number: string, id: string) =>
    call<{ url: string; name: string }>('GET', `${path(number)}/attachments/${encodeURIComponent(id)}`),
};

export const dispatchApi = {
  nearest: (service: string, near: string) =>
    call<{ candidates: Candidate[] }>(
      'GET',
      `/providers/nearest?${new URLSearchParams({ service, ...(near ? { near } : {}) })}`,
    ),
  dispatch: (
    number: string,
    body: { version: number; service: string; location?: string; providerId?: string },
  ) => call<{ ticket: Ticket; etaMinutes: number }>('POST', `${path(number)}/dispatch`, body),
  arrival: (number: string, version: number) => call<Ticket>('POST', `${path(number)}/arrival`, { version }),
  repair: (number: string, body: { version: number; progress: string; cost?: number; done: boolean }) =>
    call<Ticket>('POST', `${path(number)}/repair`, body),
};

export interface Department {
  readonly id: string;
  readonly names: { readonly zh: string; readonly en: string };
}
