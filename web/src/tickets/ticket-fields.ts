// The type-specific fields a ticket's page lets people edit: what the desk's forms ask for each kind of
// case, plus any other field the ticket already carries (the IVR and SMS file some of their own).
import type { Ticket, TicketType } from '../../../functions/domain/model.js';

const BY_TYPE: Record<TicketType, readonly string[]> = {
  claim: ['fault', 'location', 'mileage'],
  complaint: ['about', 'expected'],
  rescue: ['location', 'vehicleState', 'destination'],
  fault: ['symptom', 'since'],
  'policy-change': [],
  inquiry: [],
};

export function editableFields(ticket: Pick<Ticket, 'type' | 'fields'>): string[] {
  const known = BY_TYPE[ticket.type];
  return [...known, ...Object.keys(ticket.fields).filter((k) => !known.includes(k))];
}
