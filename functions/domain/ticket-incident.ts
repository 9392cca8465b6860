// When a new ticket is the same as one already open: the natural keys a ticket claims while it is open
// (the call it was filed on, its customer and subject) and the request key a client
// retrying a POST sends. The store claims them atomically, so a claim filed in the IVR and again from the
// desk's form, a double click or a retried request leaves one ticket.

import type { Ticket, TicketStatus } from './model.js';
import { searchKey } from './name-search.js';

/** A ticket in one of these no longer blocks a new one on the same incident. */
export const FINISHED: readonly TicketStatus[] = ['resolved', 'closed', 'cancelled'];

export interface IncidentKey {
  /** The key, without any storage prefix. */
  readonly key: string;
  /** True: the key holds while its ticket is open. False (a request key): while it lasts at all. */
  readonly whileOpen: boolean;
}

type Incident = Pick<Ticket, 'type' | 'subject'> & Partial<Pick<Ticket, 'customerId' | 'callSids'>>;

/**
 * The keys a new ticket claims, in a fixed order so two creators meet on the same key first. A request key
 * is the client's own (the Idempotency-Key header), scoped to the user who sent it.
 */
export function incidentKeys(t: Incident, request?: { by: string; key: string }): IncidentKey[] {
  const keys: IncidentKey[] = [];
  if (request) keys.push({ key: `request:${request.by}:${request.key}`, whileOpen: false });
  const call = t.callSids?.[0];
  if (call) keys.push({ key: `call:${t.type}:${call}`, whileOpen: true });
  // Not the vehicle alone: a second fault on a car with an open claim is a claim of its own.
  const subject = searchKey(t.subject);
  if (t.customerId && subject)
    keys.push({ key: `subject:${t.type}:${t.customerId}:${subject}`, whileOpen: true });
  return keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Whether the ticket a key points to still holds it. */
export function stillHolds(key: IncidentKey, ticket: Ticket | undefined): boolean {
  if (!ticket) return false;
  return !key.whileOpen || !FINISHED.includes(ticket.status);
}
