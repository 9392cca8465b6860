// The schedule-a-callback form's arithmetic: datetime-local values in the browser's own zone (what the
// agent sees on the wall clock) to and from ISO instants, and the POST /api/tasks body it sends.
import { HOTLINE_NUMBERS } from '../../../flows/numbers.js';
import { routing } from '../../../flows/routing.js';
import type { NewTask } from '../api.js';
import type { CallFindings } from './offer.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:MM` of a moment in the browser's zone: what a datetime-local input holds. */
export function localInputValue(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a datetime-local value names in the browser's zone; undefined when it names none. */
export function isoOfLocalInput(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0));
  const date = new Date(year ?? 0, (month ?? 0) - 1, day, hours, minutes, seconds);
  // new Date rolls 31 February over into March: such a value names no real time.
  if (date.getDate() !== day || date.getMonth() !== (month ?? 0) - 1) return undefined;
  return date.toISOString();
}

/** HH:MM on a 24-hour clock in the browser's zone. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** What the screen pop knows that the callback should carry: the customer, ticket, queue and language. */
export interface CallbackLink {
  readonly phone?: string;
  readonly customerId?: string;
  readonly customerName?: string;
  readonly ticketNumber?: string;
  readonly queue?: string;
  readonly language?: NewTask['language'];
}

const QUEUES: readonly string[] = routing.queues.map((q) => q.name);

export function linkOf(findings: CallFindings): CallbackLink {
  const { from, customerId, customerName, ticketNumber, queue, language } = findings;
  return {
    ...(from ? { phone: from } : {}),
    ...(customerId ? { customerId } : {}),
    ...(customerName ? { customerName } : {}),
    ...(ticketNumber ? { ticketNumber } : {}),
    // Only what the server accepts; anything else would turn the whole form down.
    ...(queue && QUEUES.includes(queue) ? { queue } : {}),
    ...(language === 'zh' || language === 'en' ? { language } : {}),
  };
}

export interface CallbackForm {
  readonly phone: string;
  readonly due: string;
  readonly note: string;
  readonly callerId: string;
  readonly autoDial: boolean;
  /** Carried only while the number is still the pop's: another number is another customer. */
  readonly link?: CallbackLink;
}

export const DEFAULT_CALLER_ID: string = HOTLINE_NUMBERS[0].number;

/** The body of POST /api/tasks for a callback assigned to `assigneeId`; undefined when the time is bad. */
export function callbackBody(form: CallbackForm, assigneeId: string): NewTask | undefined {
  const dueAt = isoOfLocalInput(form.due);
  if (!dueAt) return undefined;
  const phone = form.phone.trim();
  const { link } = form;
  const linked = link?.phone !== undefined && link.phone === phone;
  const note = form.note.trim();
  return {
    kind: 'callback',
    dueAt,
    phone,
    assigneeId,
    autoDial: form.autoDial,
    callerId: form.callerId,
    ...(note ? { note } : {}),
    ...(linked && link.customerId ? { customerId: link.customerId } : {}),
    ...(linked && link.ticketNumber ? { ticketNumber: link.ticketNumber } : {}),
    ...(linked && link.queue ? { queue: link.queue } : {}),
    ...(linked && link.language ? { language: link.language } : {}),
  };
}
