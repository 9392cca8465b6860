// Answering an incoming call, before the flow: the blacklist (stopped before the IVR, with a message or a
// reject), then business hours and holidays (after hours: the hours, then a voicemail), then the flow's
// start. Returns the IVR's steps; the voice webhook renders them as TwiML.
import { createHash } from 'node:crypto';
import { flows } from '../../flows/index.js';
import type { HotlineNumber } from '../../flows/numbers.js';
import { FORWARD_PROMPT } from '../domain/forwarding.js';
import { checkOpen, describeHours } from '../domain/ivr/hours.js';
import { runFlow, VOICEMAIL_MAX_SECONDS } from '../domain/ivr/interpreter.js';
import type { IvrStep, Session } from '../domain/ivr/steps.js';
import { render } from '../domain/ivr/template.js';
import type { Flow } from '../domain/ivr/types.js';
import type { BlacklistEntry, Customer, TicketType } from '../domain/model.js';
import type { CustomerLookup } from '../domain/ports.js';
import { TRUSTED_VAR } from '../domain/routing/workflow.js';
import type { Center, CenterPorts } from './center.js';
import { forwardRuleOf } from './forwarding.js';
import { flowCalendar } from './holiday-calendars.js';
import { hotlinesOf } from './hotlines.js';
import { slaForNew } from './sla.js';

const BLOCKED = {
  zh: '对不起，本热线无法接听您的来电。再见。',
  en: 'Sorry, this line cannot take your call. Goodbye.',
};

export function flowFor(
  lines: readonly HotlineNumber[],
  called: string,
): { flow: Flow; blocked: 'message' | 'reject' } {
  const number = lines.find((n) => n.number === called);
  const flow = (number && flows[number.flow]) ?? flows.warranty;
  if (!flow) throw new Error('no flows configured');
  return { flow, blocked: number?.blocked ?? 'message' };
}

/**
 * The interpreter's ports for one call. Texts go through the job queue when the app has one (the worker
 * checks opt-outs, retries and dead-letters), else straight to Twilio's REST API.
 */
export function ivrPorts(
  deps: CenterPorts,
  services: Center,
  call: { callSid: string; called: string },
  known?: KnownCaller,
) {
  const store = known
    ? {
        ...deps.store,
        customers: {
          ...deps.store.customers,
          find: (lookup: CustomerLookup) =>
            lookup.by === 'phone' && lookup.value === known.phone
              ? Promise.resolve(known.matches)
              : deps.store.customers.find(lookup),
        },
      }
    : deps.store;
  return {
    store,
    slaFor: async (type: TicketType, customerId: string | undefined) => {
      const customer = customerId ? await deps.store.customers.get(customerId) : undefined;
      // The policies of flows/work-orders.ts, as the desk's tickets get.
      return slaForNew({}, type, customer?.vipTier, deps.clock.now());
    },
    sendSms: async (to: string, body: string) => {
      try {
        if (deps.jobs) {
          const digest = createHash('sha256').update(body).digest('hex').slice(0, 16);
          await deps.jobs.send({
            kind: 'sms-send',
            to,
            body,
            purpose: 'ivr',
            dedupeKey: `ivr:${call.callSid}:${digest}`,
          });
        } else await services.messaging.sendSms({ from: call.called, to, body });
      } catch (err) {
        // The caller must never hear a failed text; it is logged for staff to follow up. By the call, not
        // the number: numbers stay out of the logs, and the call record has it.
        deps.logger.error('ivr sms failed', { callSid: call.callSid, error: String(err) });
      }
    },
  };
}

/** Customers already matched to the caller's number by the incoming-call webhook. */
export interface KnownCaller {
  readonly phone: string;
  readonly matches: Customer[];
  /** The number's blacklist entry, already asked for (the read under way). */
  readonly listed?: Promise<BlacklistEntry | undefined>;
}

export async function entrySteps(
  deps: CenterPorts,
  services: Center,
  call: { readonly callSid: string; readonly caller: string; readonly called: string },
  known?: KnownCaller,
): Promise<IvrStep[]> {
  const { flow, blocked } = flowFor(hotlinesOf(deps.config), call.called);
  // One read answers both lists: a whitelisted number is never blocked, and skips the queue's limit. An
  // emergency line trusts every caller alike: a blacklist entry must never keep a caller from rescue.
  const listed = await (known?.listed ?? deps.store.blacklist.get(call.caller));
  const trusted = listed?.action === 'allow' || flow.emergency === true;
  if (listed && !trusted) {
    await deps.store.calls.update(call.callSid, { disposition: 'blacklisted' });
    if ((listed.action ?? blocked) === 'reject') return [{ kind: 'reject', reason: 'rejected' }];
    return [
      { kind: 'say', text: BLOCKED.zh, language: 'zh' },
      { kind: 'say', text: BLOCKED.en, language: 'en' },
      { kind: 'hangup' },
    ];
  }
  const session: Session = {
    flow: flow.name,
    state: flow.start,
    lang: flow.defaultLanguage,
    attempt: 0,
    vars: trusted ? { [TRUSTED_VAR]: 'yes' } : {},
  };
  // The calendar in force: the console's version when an admin changed it, else flows/calendar.ts's.
  const calendar = await flowCalendar(deps, flow);
  const open = checkOpen(flow.hours, calendar, flow.timeZone, deps.clock.now());
  if (!open.open) {
    // The caller the number names, so a message left after hours reaches their owner's box and shows
    // who left it (the flow's own lookup, which would name them, does not run while closed).
    const sole = known?.matches.length === 1 ? known.matches[0] : undefined;
    const closedVars = {
      reason: 'after-hours',
      ...(sole ? { customerId: sole.id } : {}),
    };
    // The message is filed in the caller's own language when the line speaks it: the callback is made in it.
    const lang = sole && flow.languages.includes(sole.language) ? sole.language : session.lang;
    const [, duty] = await Promise.all([
      deps.store.calls.update(call.callSid, { disposition: 'after-hours' }),
      forwardRuleOf(deps.store, flow.name),
    ]);
    const order = [flow.defaultLanguage, ...flow.languages.filter((l) => l !== flow.defaultLanguage)];
    // A duty phone takes the line's calls after hours; unanswered, the caller still leaves a voicemail.
    if (duty?.afterHours)
      return [
        ...order.map((lang): IvrStep => ({ kind: 'say', text: FORWARD_PROMPT[lang], language: lang })),
        {
          kind: 'forward',
          number: duty.number,
          callerId: call.called,
          ringSeconds: duty.ringSeconds,
          queue: flow.closedQueue,
          session: { ...session, lang, vars: { ...session.vars, ...closedVars } },
        },
      ];
    return [
      ...order.map((lang): IvrStep => {
        const r = render(flow, flow.closed, lang, { hours: describeHours(flow.hours, lang) });
        return { kind: 'say', text: r.text, language: r.language };
      }),
      {
        kind: 'record',
        queue: flow.closedQueue,
        maxLength: VOICEMAIL_MAX_SECONDS,
        session: { ...session, lang, vars: closedVars },
      },
    ];
  }
  return runFlow(flow, session, { kind: 'enter' }, call, ivrPorts(deps, services, call, known));
}
