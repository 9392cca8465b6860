// Which wrap-up codes a call offers: those of the hotline it came in on (or went out from), as the flow
// lists them. A call on a number that is no hotline (a caller id the dialling policy adds, say) offers
// the first hotline's list, as a callback from such a number runs the first hotline's flow.
import { flows } from '../../../flows/index.js';
import type { HotlineNumber } from '../../../flows/numbers.js';
import { type Disposition, hotlineNumberOf } from '../../domain/disposition.js';
import type { CallRecord } from '../../domain/model.js';
import type { Store } from '../../domain/ports.js';
import { invalidField, NotFoundError } from '../../domain/problems.js';
import { lineOf } from '../hotlines.js';

export interface CallDispositions {
  /** The hotline's number and name, as the agent knows it. */
  readonly hotline: string;
  readonly hotlineName: string;
  readonly flow: string;
  readonly dispositions: readonly Disposition[];
}

type CallLine = Pick<CallRecord, 'direction' | 'from' | 'to'>;

export function dispositionsFor(lines: readonly HotlineNumber[], call: CallLine): CallDispositions {
  const line = lineOf(lines, hotlineNumberOf(call));
  const flow = flows[line.flow];
  return {
    hotline: line.number,
    hotlineName: line.name,
    flow: line.flow,
    dispositions: flow?.dispositions ?? [],
  };
}

/** The label of a code on this call's hotline, when it is one of the hotline's (not an IVR outcome). */
export function dispositionLabel(lines: readonly HotlineNumber[], call: CallLine, code: string) {
  return dispositionsFor(lines, call).dispositions.find((d) => d.code === code)?.label;
}

export function offersDisposition(lines: readonly HotlineNumber[], call: CallLine, code: string): boolean {
  return dispositionsFor(lines, call).dispositions.some((d) => d.code === code);
}

/** An agent's outcome must be one the hotline lists; the error names them so the client can offer them. */
export function checkDisposition(lines: readonly HotlineNumber[], call: CallLine, code: string): void {
  if (offersDisposition(lines, call, code)) return;
  const offered = dispositionsFor(lines, call);
  const allowed = offered.dispositions.map((d) => d.code).join(', ');
  throw invalidField(
    'body.disposition',
    'unknown-disposition',
    `"${code}" is not a wrap-up code of ${offered.hotlineName}; allowed: ${allowed}`,
  );
}

/** The wrap-up codes a call offers, for the desk's form. */
export async function callDispositions(
  store: Pick<Store, 'calls'>,
  lines: readonly HotlineNumber[],
  callSid: string,
): Promise<CallDispositions & { readonly callSid: string }> {
  const call = await store.calls.get(callSid);
  if (!call) throw new NotFoundError('call', callSid);
  return { callSid, ...dispositionsFor(lines, call) };
}
