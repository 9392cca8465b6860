// Which ticket fields a script may fill, by ticket type: the ticket's own fields, then the type's fields
// (the ones the desk's ticket form shows), and which of them a ticket of that type must have.
import type { TicketType } from '../model.js';

/** Fields every ticket has; `subject` is required on all. */
export const TICKET_BASE_FIELDS = ['subject', 'description', 'policyNumber'] as const;

interface TypeFields {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

export const TICKET_TYPE_FIELDS = {
  claim: { required: ['fault', 'location', 'mileage'], optional: ['callerName', 'vin', 'plate', 'shop'] },
  complaint: { required: ['about'], optional: ['expected', 'callerName', 'promisedBy'] },
  'policy-change': { required: ['change'], optional: ['callerName', 'plate'] },
  inquiry: { required: ['question'], optional: ['callerName', 'answer'] },
  rescue: {
    required: ['location', 'vehicleState'],
    optional: ['destination', 'callerName', 'plate', 'injured', 'phone'],
  },
  fault: { required: ['symptom'], optional: ['since', 'callerName', 'company', 'product', 'contact'] },
} as const satisfies Record<TicketType, TypeFields>;

/** Every field a script may record into a ticket of `type`. */
export function ticketFieldsOf(type: TicketType): readonly string[] {
  const own = TICKET_TYPE_FIELDS[type];
  return [...TICKET_BASE_FIELDS, ...own.required, ...own.optional];
}

/** What a filed ticket of `type` must carry. */
export function requiredTicketFieldsOf(type: TicketType): readonly string[] {
  return ['subject', ...TICKET_TYPE_FIELDS[type].required];
}
