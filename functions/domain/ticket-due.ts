// When a ticket is due: the due time a person set, or the SLA's resolve-by if that comes first. A paused
// SLA (waiting for the customer) sets no deadline while it waits. The work-orders list sorts, filters
// and shows tickets by it, so a complaint whose SLA runs out today is not left undated below the rest.
import type { Ticket } from './model.js';

export function ticketDue(ticket: Pick<Ticket, 'dueAt' | 'sla'>): string | undefined {
  const sla = ticket.sla && !ticket.sla.pausedAt ? ticket.sla.resolveBy : undefined;
  if (!ticket.dueAt || Number.isNaN(Date.parse(ticket.dueAt))) return sla ?? ticket.dueAt;
  if (!sla) return ticket.dueAt;
  return Date.parse(sla) < Date.parse(ticket.dueAt) ? sla : ticket.dueAt;
}

/** Whether the due time shown is the SLA's (the page marks it so). */
export function dueIsSla(ticket: Pick<Ticket, 'dueAt' | 'sla'>): boolean {
  const due = ticketDue(ticket);
  return due !== undefined && due !== ticket.dueAt;
}
