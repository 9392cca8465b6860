// The IVR flow format: a flow is data (flows/*.ts, typed with `satisfies Flow`), a named set of states
// the interpreter walks. Prompts carry every language the flow offers; inputs, lookups, tickets, SMS,
// queues and voicemail are states too, so admins read and review a hotline as one file.
import type { Disposition } from '../disposition.js';
import type { Language, Priority, TicketType } from '../model.js';

/** A prompt in every language of the flow; `{name}` placeholders read session variables and constants. */
export type Text = Readonly<Partial<Record<Language, string>>>;

/** Words per language that select something by speech. */
export type Words = Readonly<Partial<Record<Language, readonly string[]>>>;

/** What to do when input is missing or wrong: re-prompt `retries` times, then go to `fallback`. */
export interface Retry {
  /** Re-prompts after the first attempt; default 2 (three attempts in all). */
  readonly retries?: number;
  /** Said before re-prompting after input that matched nothing. */
  readonly invalid?: Text;
  /** Said before re-prompting after silence. */
  readonly noInput?: Text;
  readonly fallback: string;
  /** Seconds to wait for input; default 6. */
  readonly timeout?: number;
}

export interface SayState {
  readonly kind: 'say';
  readonly say: Text;
  /**
   * Said in every language of the flow, the session's first: for a line that asks nothing, so cannot ask
   * the caller's language before it speaks.
   */
  readonly allLanguages?: boolean;
  readonly next: string;
}

/** Sets the session language; also a menu of one key per language. */
export interface LanguageState extends Retry {
  readonly kind: 'language';
  readonly prompt: Text;
  readonly options: Readonly<Record<string, Language>>;
  readonly speech?: Readonly<Partial<Record<Language, Words>>>;
  readonly next: string;
}

export interface MenuState extends Retry {
  readonly kind: 'menu';
  readonly prompt: Text;
  /** Key -> state. */
  readonly options: Readonly<Record<string, string>>;
  /** Key -> words that choose it by speech. */
  readonly speech?: Readonly<Record<string, Words>>;
}

export interface InputState extends Retry {
  readonly kind: 'input';
  readonly prompt: Text;
  /** Session variable the answer goes into. */
  readonly into: string;
  readonly input: 'dtmf' | 'speech' | 'dtmf speech';
  /** DTMF length bounds (finish with #). */
  readonly minDigits?: number;
  readonly maxDigits?: number;
  /** The caller has nothing to give: `*` or one of these words goes to `target`. */
  readonly none?: { readonly target: string; readonly words?: Words };
  readonly next: string;
}

export const LOOKUPS = [
  /** Customer by the caller's number (sets customerId, customerName, vip, ownerAgent, region, language). */
  'caller',
  /** Policy number, VIN or plate from `from` (sets policyNumber, vehicle, customer). */
  'policy-or-vehicle',
  /** Customer identification code from `from` (IT support line). */
  'customer-id-code',
  /** Claim ticket by number in `from`, verified by the VIN's last 4 characters in `verify`. */
  'claim-status',
] as const;
export type LookupKind = (typeof LOOKUPS)[number];

export interface LookupState {
  readonly kind: 'lookup';
  readonly lookup: LookupKind;
  readonly from?: string;
  readonly verify?: string;
  /** Prefix that digits-only input gets (DTMF cannot type letters): `EW`, `CLM`, `KH`. */
  readonly prefix?: string;
  readonly found: string;
  readonly notFound: string;
}

/** A condition on one session variable. */
export type Condition =
  | { readonly set: string }
  | { readonly equals: readonly [variable: string, value: string] }
  | { readonly in: readonly [variable: string, values: readonly string[]] };

export interface BranchState {
  readonly kind: 'branch';
  readonly when: Condition;
  readonly then: string;
  readonly else: string;
}

export interface TicketState {
  readonly kind: 'ticket';
  readonly type: TicketType;
  readonly priority: Priority;
  readonly subject: Text;
  /** Variable holding the caller's description (speech). */
  readonly description?: string;
  readonly next: string;
}

export interface SmsState {
  readonly kind: 'sms';
  readonly text: Text;
  readonly next: string;
}

export interface QueueState {
  readonly kind: 'queue';
  /** Queue (skill) name from flows/routing.ts. */
  readonly queue: string;
  readonly say?: Text;
  /** TaskRouter priority; VIP callers get the routing's VIP boost on top. */
  readonly priority?: number;
  /** Extra task attributes (no hyphens in values: TaskRouter expressions cannot read them). */
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
}

export interface VoicemailState {
  readonly kind: 'voicemail';
  readonly prompt: Text;
  readonly queue: string;
}

/**
 * Reads a knowledge-base article's short answer aloud, the article of the caller's language (else the
 * flow's default), then goes on; an article missing or unpublished says `missing` instead, or nothing.
 */
export interface AnswerState {
  readonly kind: 'answer';
  /** Knowledge-base article ids by language. */
  readonly article: Readonly<Partial<Record<Language, string>>>;
  readonly missing?: Text;
  readonly next: string;
}

export interface HangupState {
  readonly kind: 'hangup';
  readonly say?: Text;
}

export type FlowState =
  | SayState
  | LanguageState
  | MenuState
  | InputState
  | LookupState
  | BranchState
  | TicketState
  | SmsState
  | QueueState
  | VoicemailState
  | AnswerState
  | HangupState;

/** Opening hours in the flow's time zone: day -> [open, close) as HH:MM; a missing day is closed. */
export type WeeklyHours = Readonly<
  Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', readonly [string, string]>>
>;

export interface Flow {
  readonly name: string;
  readonly description: string;
  readonly languages: readonly Language[];
  readonly defaultLanguage: Language;
  readonly timeZone: string;
  readonly hours: WeeklyHours;
  /** Holiday calendar name in flows/calendar.ts; holidays close, make-up days open with weekday hours. */
  readonly calendar?: string;
  /** Spoken after hours (may read `{hours}`), then the caller may leave a voicemail. */
  readonly closed: Text;
  /** Queue voicemails left after hours go to. */
  readonly closedQueue: string;
  /**
   * The caller hears the agent's number (工号) as the agent comes on the line, so they can name who helped
   * them in a complaint or a survey.
   */
  readonly announceAgent?: boolean;
  /**
   * An emergency line: no caller is refused, neither by the blacklist nor by a full queue (each is trusted
   * as a whitelisted caller is), and a long wait never sends them to voicemail. The validator holds such a
   * flow to asking nothing, being open around the clock and queueing ahead of every other flow's callers.
   */
  readonly emergency?: boolean;
  /** Values prompts may read, e.g. the used-car market's number. */
  readonly constants?: Readonly<Record<string, string>>;
  readonly start: string;
  readonly states: Readonly<Record<string, FlowState>>;
  /** What an agent may record as the outcome of a call on this hotline, in the order the wrap-up lists them. */
  readonly dispositions: readonly Disposition[];
}
