// The IVR engine: from a session and what the caller just did, walks the flow's states (saying,
// looking up, creating tickets, texting) until the caller must act again (a gather), joins a queue,
// records a voicemail or hangs up. Returns TwiML-neutral steps; the HTTP layer renders them.
import type { Language, TicketSla, TicketStatus, TicketType } from '../model.js';
import type { Store } from '../ports.js';
import { describeHours } from './hours.js';
import { type LookupStore, lookup } from './lookups.js';
import type { GatherStep, IvrStep, PromptStep, Session } from './steps.js';
import { render } from './template.js';
import type {
  Condition,
  Flow,
  FlowState,
  InputState,
  LanguageState,
  MenuState,
  Text,
  Words,
} from './types.js';

export interface IvrPorts {
  readonly store: LookupStore & Pick<Store, 'tickets' | 'calls' | 'kb'>;
  /** Texts the caller; failures are the adapter's to log, never the caller's to hear. */
  readonly sendSms: (to: string, body: string) => Promise<void>;
  /**
   * The service-level timer a ticket of `type` starts with, for the customer (their VIP tier), as a ticket
   * filed at the desk gets; none when no policy covers it.
   */
  readonly slaFor?: (type: TicketType, customerId: string | undefined) => Promise<TicketSla | undefined>;
}

export interface CallFacts {
  readonly callSid: string;
  /** The caller's number, E.164 when it could be read. */
  readonly caller: string;
}

export type CallerEvent =
  | { readonly kind: 'enter' }
  | { readonly kind: 'answer'; readonly digits?: string; readonly speech?: string };

const DEFAULT_RETRIES = 2;
const DEFAULT_TIMEOUT = 6;
const MAX_HOPS = 64;
export const VOICEMAIL_MAX_SECONDS = 120;

const STATUS_WORDS: Record<Language, Record<TicketStatus, string>> = {
  zh: {
    new: '已受理，等待处理',
    open: '正在处理中',
    pending: '等待补充资料',
    escalated: '已升级处理',
    resolved: '已处理完毕',
    closed: '已结案',
    cancelled: '已取消',
  },
  en: {
    new: 'received and waiting to be handled',
    open: 'being handled',
    pending: 'waiting for more information',
    escalated: 'escalated',
    resolved: 'resolved',
    closed: 'closed',
    cancelled: 'cancelled',
  },
};

const NONE_WORDS: Words = {
  zh: ['没有', '不知道', '不清楚'],
  en: ['no', 'none', "don't", 'do not', 'not sure'],
};

/** `prompt` names the state when this is its own prompt, which a recording may replace. */
function sayStep(flow: Flow, text: Text, s: Session, prompt?: string): PromptStep {
  const r = render(flow, text, s.lang, {
    hours: describeHours(flow.hours, s.lang),
    ...s.vars,
    ...statusVars(s),
  });
  return {
    kind: 'say',
    text: r.text,
    language: r.language,
    ...(prompt ? { prompt: { flow: flow.name, state: prompt } } : {}),
  };
}

function statusVars(s: Session): Record<string, string> {
  const status = s.vars.ticketStatus as TicketStatus | undefined;
  return status ? { ticketStatusText: STATUS_WORDS[s.lang][status] ?? status } : {};
}

/** Length of the longest of `words` (any language) that the caller said, 0 for none. */
function matchLength(speech: string, words: Words | undefined): number {
  const said = speech.toLowerCase().replace(/[.,!?。，！？]/g, ' ');
  let best = 0;
  for (const w of Object.values(words ?? {}).flat())
    if (said.includes(w.toLowerCase())) best = Math.max(best, w.length);
  return best;
}

/** The option whose words match the speech best: "claim status" picks status over claim. */
function bestOption(
  speech: string,
  options: Readonly<Record<string, Words>> | undefined,
): string | undefined {
  let best: { key: string; length: number } | undefined;
  for (const [key, words] of Object.entries(options ?? {})) {
    const length = matchLength(speech, words);
    if (length > 0 && (!best || length > best.length)) best = { key, length };
  }
  return best?.key;
}

function gatherFor(flow: Flow, state: LanguageState | MenuState | InputState, s: Session): GatherStep {
  const prompts: PromptStep[] = [];
  if (state.kind === 'language') {
    // The choice of language is offered in each language, the session's first.
    const order = [s.lang, ...flow.languages.filter((l) => l !== s.lang)];
    for (const lang of order) {
      const text = state.prompt[lang];
      if (text) prompts.push(sayStep(flow, { [lang]: text }, { ...s, lang }, s.state));
    }
  } else prompts.push(sayStep(flow, state.prompt, s, s.state));
  const hints =
    state.kind === 'menu'
      ? Object.values(state.speech ?? {}).flatMap((w) => w[s.lang] ?? [])
      : state.kind === 'language'
        ? Object.values(state.speech ?? {}).flatMap((w) => Object.values(w ?? {}).flat())
        : [];
  const keys = state.kind === 'input' ? undefined : Object.keys(state.options);
  const oneKey = keys?.every((k) => k.length === 1);
  const fixed =
    state.kind === 'input' && state.minDigits !== undefined && state.minDigits === state.maxDigits;
  return {
    kind: 'gather',
    input: state.kind === 'input' ? state.input : state.speech ? 'dtmf speech' : 'dtmf',
    language: s.lang,
    timeout: state.timeout ?? DEFAULT_TIMEOUT,
    ...(oneKey ? { numDigits: 1 } : {}),
    ...(fixed && state.kind === 'input' ? { numDigits: state.maxDigits as number } : {}),
    finishOnKey: '#',
    ...(hints.length ? { hints } : {}),
    prompts,
    session: s,
  };
}

type Answer =
  | {
      readonly ok: true;
      readonly target: string;
      readonly set?: Readonly<Record<string, string>>;
      readonly lang?: Language;
    }
  | { readonly ok: false; readonly why: 'invalid' | 'silence' };

function answer(state: LanguageState | MenuState | InputState, ev: CallerEvent, _s: Session): Answer {
  const digits = ev.kind === 'answer' ? (ev.digits ?? '') : '';
  const speech = ev.kind === 'answer' ? (ev.speech ?? '').trim() : '';
  if (!digits && !speech) return { ok: false, why: 'silence' };
  if (state.kind === 'input') {
    if (state.none && (digits === '*' || (speech && matchLength(speech, state.none.words ?? NONE_WORDS) > 0)))
      return { ok: true, target: state.none.target };
    const value = speech || digits;
    if (!speech) {
      if (!/^\d+$/.test(digits)) return { ok: false, why: 'invalid' };
      if (state.minDigits !== undefined && digits.length < state.minDigits)
        return { ok: false, why: 'invalid' };
      if (state.maxDigits !== undefined && digits.length > state.maxDigits)
        return { ok: false, why: 'invalid' };
    }
    return { ok: true, target: state.next, set: { [state.into]: value } };
  }
  if (state.kind === 'language') {
    const byKey = digits ? state.options[digits] : undefined;
    const bySpeech = speech ? (bestOption(speech, state.speech) as Language | undefined) : undefined;
    const lang = byKey ?? bySpeech;
    return lang ? { ok: true, target: state.next, lang } : { ok: false, why: 'invalid' };
  }
  const key = digits ? (digits in state.options ? digits : undefined) : bestOption(speech, state.speech);
  const target = key ? state.options[key] : undefined;
  return target ? { ok: true, target } : { ok: false, why: 'invalid' };
}

function holds(when: Condition, vars: Readonly<Record<string, string>>): boolean {
  if ('set' in when) return Boolean(vars[when.set]);
  if ('equals' in when) return vars[when.equals[0]] === when.equals[1];
  const v = vars[when.in[0]];
  return v !== undefined && when.in[1].includes(v);
}

/** Runs the flow from `session` given the caller's `event`; never throws for caller mistakes. */
export async function runFlow(
  flow: Flow,
  session: Session,
  event: CallerEvent,
  call: CallFacts,
  ports: IvrPorts,
): Promise<IvrStep[]> {
  const steps: IvrStep[] = [];
  let s = session;
  let ev = event;
  const goto = (target: string, extra: Partial<Session> = {}) => {
    s = { ...s, ...extra, state: target, attempt: 0 };
    ev = { kind: 'enter' };
  };
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const state: FlowState | undefined = flow.states[s.state];
    if (!state) throw new Error(`flow ${flow.name} has no state ${s.state}`);
    switch (state.kind) {
      case 'say': {
        const langs = state.allLanguages ? [s.lang, ...flow.languages.filter((l) => l !== s.lang)] : [s.lang];
        for (const lang of langs) steps.push(sayStep(flow, state.say, { ...s, lang }, s.state));
        goto(state.next);
        continue;
      }
      case 'language':
      case 'menu':
      case 'input': {
        if (ev.kind === 'enter') {
          steps.push(gatherFor(flow, state, s));
          return steps;
        }
        const a = answer(state, ev, s);
        if (a.ok) {
          goto(a.target, { vars: { ...s.vars, ...a.set }, ...(a.lang ? { lang: a.lang } : {}) });
          continue;
        }
        if (s.attempt >= (state.retries ?? DEFAULT_RETRIES)) {
          goto(state.fallback);
          continue;
        }
        const sorry = a.why === 'silence' ? state.noInput : state.invalid;
        if (sorry) steps.push(sayStep(flow, sorry, s));
        s = { ...s, attempt: s.attempt + 1 };
        ev = { kind: 'enter' };
        continue;
      }
      case 'lookup': {
        const found = await lookup(ports.store, state.lookup, {
          caller: call.caller,
          ...(state.from && s.vars[state.from] ? { from: s.vars[state.from] } : {}),
          ...(state.verify && s.vars[state.verify] ? { verify: s.vars[state.verify] } : {}),
          ...(state.prefix ? { prefix: state.prefix } : {}),
        });
        if (!found) {
          goto(state.notFound);
          continue;
        }
        const lang =
          state.lookup === 'caller' && flow.languages.includes(found.customerLanguage as Language)
            ? (found.customerLanguage as Language)
            : s.lang;
        goto(state.found, { vars: { ...s.vars, ...found }, lang });
        continue;
      }
      case 'branch':
        goto(holds(state.when, s.vars) ? state.then : state.else);
        continue;
      case 'answer': {
        const id = state.article[s.lang] ?? state.article[flow.defaultLanguage];
        const article = id ? await ports.store.kb.get(id) : undefined;
        // The article speaks in its own language, whatever the session's.
        if (article?.status === 'published')
          steps.push({ kind: 'say', text: article.summary, language: article.lang });
        else if (state.missing) steps.push(sayStep(flow, state.missing, s));
        goto(state.next);
        continue;
      }
      case 'ticket': {
        const subject = render(flow, state.subject, s.lang, s.vars).text;
        const description = state.description ? s.vars[state.description] : undefined;
        const sla = await ports.slaFor?.(state.type, s.vars.customerId);
        const created = await ports.store.tickets.create(
          {
            type: state.type,
            status: 'new',
            priority: state.priority,
            ...(sla ? { sla } : {}),
            subject,
            ...(description ? { description } : {}),
            ...(s.vars.customerId ? { customerId: s.vars.customerId } : {}),
            ...(s.vars.assetId ? { assetId: s.vars.assetId } : {}),
            ...(s.vars.policyNumber ? { policyNumber: s.vars.policyNumber } : {}),
            callSids: [call.callSid],
            fields: {
              channel: 'ivr',
              flow: flow.name,
              ...(s.vars.callerName ? { callerName: s.vars.callerName } : {}),
              callerNumber: call.caller,
            },
          },
          'ivr',
        );
        if (!created.ok) throw new Error(`ticket create failed: ${created.reason}`);
        // The call record lists its tickets (screen pop, reports); a call not recorded (tests) is fine.
        await ports.store.calls.update(call.callSid, { addTicketNumber: created.value.number });
        goto(state.next, { vars: { ...s.vars, ticketNumber: created.value.number } });
        continue;
      }
      case 'sms':
        if (call.caller.startsWith('+'))
          await ports.sendSms(call.caller, render(flow, state.text, s.lang, s.vars).text);
        goto(state.next);
        continue;
      case 'queue':
        if (state.say) steps.push(sayStep(flow, state.say, s, s.state));
        steps.push({
          kind: 'enqueue',
          queue: state.queue,
          priority: state.priority ?? 0,
          attributes: state.attributes ?? {},
          session: s,
        });
        return steps;
      case 'voicemail':
        steps.push(sayStep(flow, state.prompt, s, s.state));
        steps.push({ kind: 'record', queue: state.queue, maxLength: VOICEMAIL_MAX_SECONDS, session: s });
        return steps;
      case 'hangup':
        if (state.say) steps.push(sayStep(flow, state.say, s, s.state));
        steps.push({ kind: 'hangup' });
        return steps;
    }
  }
  throw new Error(`flow ${flow.name}: more than ${MAX_HOPS} states without the caller (a loop?)`);
}
