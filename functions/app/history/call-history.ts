// Facts about calls that only the app knows, as history events: a call reaching a hotline (and whether
// its number called in the day or week before), holds, transfers and missed offers.
import { routing } from '../../../flows/routing.js';
import type { NewCenterEvent } from '../../domain/history/event.js';
import type { CallRecord, Customer } from '../../domain/model.js';
import { regionOf } from '../../domain/routing/workflow.js';
import type { Center, CenterBasics } from '../center.js';
import { hotlinesOf, lineOf } from '../hotlines.js';
import { createHistory } from './history.js';

const DAY_MS = 86_400_000;
const REPEAT_WINDOW_MS = 7 * DAY_MS;

interface LastCall {
  readonly callSid: string;
  readonly at: string;
}

/** A call reached the IVR: counted per hotline, region and tier, with its repeat-caller flags. */
export async function recordCallReceived(
  center: Center,
  call: CallRecord,
  customer: Customer | undefined,
): Promise<void> {
  const at = call.startedAt;
  const previousAt = await previousCallAt(center, call);
  const sinceMs = previousAt ? Date.parse(at) - Date.parse(previousAt) : Number.POSITIVE_INFINITY;
  const region = regionOf(call.from, routing);
  await center.history.record([
    {
      id: `call:${call.callSid}:received`,
      at,
      type: 'call.received',
      callSid: call.callSid,
      from: call.from,
      hotline: lineOf(hotlinesOf(center.config), call.to).flow,
      ...(region ? { region } : {}),
      ...(customer ? { customerId: customer.id, tier: customer.vipTier, language: customer.language } : {}),
      n: { repeat24h: sinceMs <= DAY_MS ? 1 : 0, repeat7d: sinceMs <= REPEAT_WINDOW_MS ? 1 : 0 },
    },
  ]);
}

/** When this number called before this call, within the week; remembers this call for the next. */
async function previousCallAt(center: Center, call: CallRecord): Promise<string | undefined> {
  if (!call.from.startsWith('+')) return undefined; // withheld or a browser client: no number to repeat
  const key = { kind: 'last-call', phone: call.from } as const;
  const expires = new Date(Date.parse(call.startedAt) + REPEAT_WINDOW_MS).toISOString();
  const parse = (text: string | undefined): LastCall | undefined => {
    try {
      return text ? (JSON.parse(text) as LastCall) : undefined;
    } catch {
      return undefined;
    }
  };
  // One write, no read: the marker it replaces says when the number last called. A retried webhook
  // finds this call's own marker and no earlier time; the event it records is written once, so only a
  // retry after a failure between this write and the event's counts the call as a first one.
  const mine: LastCall = { callSid: call.callSid, at: call.startedAt };
  const swapped = await center.store.keys.swap(key, JSON.stringify(mine), expires).catch(() => undefined);
  const last = parse(swapped?.value);
  return last?.callSid === call.callSid ? undefined : last?.at;
}

/**
 * Any other fact, stamped now unless it says when: holds, transfers, voicemails, callbacks, texts, tickets.
 * Needs only the basics, so use cases that touch no outside system can record too.
 */
export function recordFact(
  basics: CenterBasics,
  event: Omit<NewCenterEvent, 'at'> & { readonly at?: string },
): Promise<void> {
  return createHistory({
    store: basics.store,
    clock: basics.clock,
    timeZone: basics.config.timeZone,
    logger: basics.logger,
  }).record([{ ...event, at: event.at ?? new Date(basics.clock.now()).toISOString() }]);
}
