// An outbound campaign: who it calls (its contacts), how (the dial mode), when (the calling window in each
// contact's own time), how often (attempts and retry delays per outcome), who talks to the people who answer
// (the agents of one skill) and what they record (dispositions). The dialler's decisions are pure functions
// of this record and live figures (pacing.ts, calling-window.ts, retry.ts); storage keeps the record, its
// contacts and its running counts.

import type { Answer } from '../surveys.js';
import type { CallingWindow } from './calling-window.js';
import type { AttemptOutcome, RetryPolicy } from './retry.js';

export const DIAL_MODES = ['preview', 'progressive', 'predictive', 'broadcast'] as const;
export type DialMode = (typeof DIAL_MODES)[number];

/**
 * draft: being set up, never dials. running: dials within its window. paused: dials nothing new, calls under
 * way finish. stopped: ended by a person, never resumes. completed: every contact is done.
 */
export const CAMPAIGN_STATUSES = ['draft', 'running', 'paused', 'stopped', 'completed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export type { AttemptOutcome, RetriedOutcome as RetryableOutcome } from './retry.js';
export { ATTEMPT_OUTCOMES, RETRIED_OUTCOMES as RETRYABLE_OUTCOMES } from './retry.js';

export interface CampaignDisposition {
  /** Lower-case code, stable in reports: `interested`, `callback-later`… */
  readonly code: string;
  readonly label: { readonly zh: string; readonly en: string };
  /** The contact's goal was reached (a sale, a confirmed appointment): counted as a conversion. */
  readonly success?: boolean;
  /** The contact is not to be called again in this campaign (reached, refused, wrong number). */
  readonly final?: boolean;
}

/** A spoken message, in both languages (the contact's language picks one). */
export interface SpokenMessage {
  readonly zh: string;
  readonly en: string;
}

export interface CampaignSettings {
  readonly name: string;
  readonly mode: DialMode;
  /** One of the center's numbers: what the contact sees. */
  readonly callerId: string;
  /** The skill (queue) whose agents take the answered calls. */
  readonly queue: string;
  /** TaskRouter priority of its calls: inbound callers wait at 0-50 (VIPs higher), so 0 lets them go first. */
  readonly priority: number;
  /** The language contacts are greeted in, unless their row says otherwise. */
  readonly language: 'zh' | 'en';
  /** A guided script of the catalogue (functions/domain/scripts) shown to the agent. */
  readonly scriptId?: string;
  /** A questionnaire (functions/domain/surveys.ts) the agent asks. */
  readonly questionnaireId?: string;
  readonly dispositions: readonly CampaignDisposition[];
  readonly window: CallingWindow;
  readonly retry: RetryPolicy;
  /** What an answering machine gets: the message (after the beep), nothing and a retry later, or nothing. */
  readonly machine: 'message' | 'retry' | 'hang-up';
  /** Broadcast mode's message, and the message left on machines. */
  readonly message?: SpokenMessage;
  /** Predictive mode's ceiling on abandoned answered calls over the campaign (a fraction). */
  readonly abandonCap: number;
  /** Seconds an answered person waits for an agent before the call counts as abandoned. */
  readonly maxHoldSeconds: number;
  /** When it may start and must end (ISO), besides being started by a person. */
  readonly startAt?: string;
  readonly endAt?: string;
}

export interface CampaignPacing {
  readonly at: string;
  readonly abandoned: number;
  readonly humans: number;
}

/** Running counts, kept on the campaign item by atomic adds. */
export interface CampaignCounts {
  readonly contacts: number;
  /** Contacts still to be called (pending or in a retry delay). */
  readonly pending: number;
  readonly done: number;
  readonly attempts: number;
  readonly humans: number;
  readonly machines: number;
  readonly noAnswer: number;
  readonly busy: number;
  readonly failed: number;
  readonly abandoned: number;
  readonly optedOut: number;
  readonly conversions: number;
  /** Calls placed and not yet ended. */
  readonly inFlight: number;
}

export const ZERO_COUNTS: CampaignCounts = {
  contacts: 0,
  pending: 0,
  done: 0,
  attempts: 0,
  humans: 0,
  machines: 0,
  noAnswer: 0,
  busy: 0,
  failed: 0,
  abandoned: 0,
  optedOut: 0,
  conversions: 0,
  inFlight: 0,
};

export interface Campaign extends CampaignSettings {
  readonly id: string;
  readonly status: CampaignStatus;
  readonly counts: CampaignCounts;
  /** Dispositions recorded, by code. */
  readonly dispositionCounts: Readonly<Record<string, number>>;
  /** Predictive mode's lines per free agent, adjusted every minute. */
  readonly dialRatio: number;
  /** The figures at the last adjustment, so the next one sees the minute between. */
  readonly pacing?: CampaignPacing;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/**
 * pending: to be called when due. calling: an attempt is under way. done: reached, or a final disposition.
 * failed: out of attempts. opted-out: pressed 9, texted STOP or is on the do-not-call list.
 */
export const CONTACT_STATUSES = ['pending', 'calling', 'done', 'failed', 'opted-out'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export interface ContactAttempt {
  readonly at: string;
  readonly outcome: AttemptOutcome;
  readonly callSid?: string;
  readonly agentId?: string;
}

export interface CampaignContact {
  readonly campaignId: string;
  /** Zero-padded row order, `000001`. */
  readonly id: string;
  /** E.164. */
  readonly phone: string;
  readonly name?: string;
  readonly customerId?: string;
  /** IANA zone from the list; else derived from the number. */
  readonly timeZone?: string;
  readonly region?: string;
  readonly tier?: string;
  readonly language?: 'zh' | 'en';
  /** Other columns of the list, for scripts and templates. */
  readonly vars: Readonly<Record<string, string>>;
  readonly status: ContactStatus;
  readonly attempts: number;
  /** When it may be called next (ISO); present while pending. */
  readonly nextAt?: string;
  readonly lastOutcome?: AttemptOutcome;
  readonly disposition?: string;
  readonly agentId?: string;
  /** The call of the attempt under way. */
  readonly callSid?: string;
  readonly history: readonly ContactAttempt[];
  /** What the contact answered to the campaign's questionnaire, by question id. */
  readonly answers?: Readonly<Record<string, Answer>>;
  readonly version: number;
}

export function contactId(row: number): string {
  return String(row).padStart(6, '0');
}

/** The default dispositions of a new campaign: what the seeds' care and retention calls record. */
export const DEFAULT_DISPOSITIONS: readonly CampaignDisposition[] = [
  { code: 'interested', label: { zh: '有意向', en: 'Interested' }, success: true, final: true },
  { code: 'not-interested', label: { zh: '无意向', en: 'Not interested' }, final: true },
  { code: 'call-later', label: { zh: '稍后再拨', en: 'Call later' } },
  { code: 'wrong-number', label: { zh: '号码错误', en: 'Wrong number' }, final: true },
  { code: 'do-not-call', label: { zh: '拒绝来电', en: 'Do not call' }, final: true },
];
