// The schedule-a-callback form's arithmetic: datetime-local values on the center's wall clock (what every
// other time on the desk and the supervisor's lists shows, wherever the agent's browser is) to and from ISO
// instants, and the POST /api/tasks body it sends.
import { HOTLINE_NUMBERS } from '../../../flows/numbers.js';
import { routing } from '../../../flows/routing.js';
import type { NewTask } from '../api.js';
import { fromWallInput, toWallInput } from '../center-time.js';
import type { CallFindings } from './offer.js';

/** `YYYY-MM-DDTHH:MM` of a moment on the clock of `timeZone`: what a datetime-local input holds. */
export function localInputValue(ms: number, timeZone: string): string {
  return toWallInput(ms, timeZone);
}

/** The instant a datetime-local value names in `timeZone`; undefined when it names none. */
export function isoOfLocalInput(value: string, timeZone: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match?.[1]) return undefined;
  const ms = fromWallInput(match[1], timeZone);
  // 31 February, or a time a daylight-saving change skips, reads back as another: it names no real time.
  if (ms === undefined || toWallInput(ms, timeZone) !== match[1]) return undefined;
  return new Date(ms + Number(match[2] ?? 0) * 1000).toISOString();
}

/** HH:MM on a 24-hour clock in `timeZone`. */
export function clockTime(iso: string, timeZone: string): string {
  return toWallInput(Date.parse(iso), timeZone).slice(11);
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
export function callbackBody(form: CallbackForm, assigneeId: string, timeZone: string): NewTask | undefined {
  const dueAt = isoOfLocalInput(form.due, timeZone);
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
