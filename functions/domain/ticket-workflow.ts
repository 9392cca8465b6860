// Ticket numbering and the status workflow: which transitions are allowed, and why one is refused.
import type { TicketStatus, TicketType } from './model.js';

export const TICKET_PREFIX = {
  claim: 'CLM',
  complaint: 'CMP',
  'policy-change': 'POL',
  inquiry: 'INQ',
  rescue: 'RSC',
  fault: 'FLT',
} as const satisfies Record<TicketType, string>;

/** `CLM-2026-000123`: prefix, year of creation, six-digit sequence (more digits past 999,999). */
export function formatTicketNumber(type: TicketType, year: number, sequence: number): string {
  return `${TICKET_PREFIX[type]}-${year}-${String(sequence).padStart(6, '0')}`;
}

export const TICKET_NUMBER_PATTERN = /^(CLM|CMP|POL|INQ|RSC|FLT)-\d{4}-\d{6,}$/;

const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'escalated', 'resolved', 'cancelled'],
  open: ['pending', 'escalated', 'resolved', 'cancelled'],
  pending: ['open', 'escalated', 'resolved', 'cancelled'],
  escalated: ['open', 'pending', 'resolved', 'cancelled'],
  resolved: ['open', 'closed'],
  closed: [],
  cancelled: [],
};

export type TransitionCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'invalid-transition'; readonly allowed: readonly TicketStatus[] };

export function checkTransition(from: TicketStatus, to: TicketStatus): TransitionCheck {
  if (from === to) return { ok: true };
  const allowed = TRANSITIONS[from];
  return allowed.includes(to) ? { ok: true } : { ok: false, reason: 'invalid-transition', allowed };
}

export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return TRANSITIONS[from];
}
