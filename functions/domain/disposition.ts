// Wrap-up codes: what came of a call, chosen by the agent from the hotline's own list (flows/*.ts), so
// a rescue line can say "truck dispatched" where the warranty line says "claim filed", and reports
// count each hotline's outcomes by a stable code while agents read them in their language.
import type { CallRecord, Language } from './model.js';

export interface Disposition {
  /** Stable code stored on the call and counted in reports: lower-case letters, digits and hyphens. */
  readonly code: string;
  /** What the agent reads, in every language of the flow. */
  readonly label: Readonly<Partial<Record<Language, string>>>;
}

export const DISPOSITION_CODE = /^[a-z][a-z0-9-]{0,39}$/;
export const DISPOSITION_CODE_RULE =
  'a lower-case letter, then up to 39 lower-case letters, digits or hyphens';

/** The code a transfer hands on with the call, when the hotline has it. */
export const TRANSFERRED = 'transferred';

/** The center number a call belongs to: the number dialled in, or the caller id shown when we call out. */
export function hotlineNumberOf(call: Pick<CallRecord, 'direction' | 'from' | 'to'>): string {
  return call.direction === 'inbound' ? call.to : call.from;
}
