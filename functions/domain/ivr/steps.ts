// What the interpreter hands the HTTP layer: TwiML-neutral steps and the session that travels with the
// next request (in the action URL Twilio signs, so it is tamper-evident; never in server memory).
import type { Language } from '../model.js';

export interface Session {
  readonly flow: string;
  readonly state: string;
  readonly lang: Language;
  /** Attempts so far at the current input state (0 on entry). */
  readonly attempt: number;
  readonly vars: Readonly<Record<string, string>>;
}

export interface SayStep {
  readonly kind: 'say';
  readonly text: string;
  readonly language: Language;
  /** The flow state whose own prompt this is: a recording assigned to it plays instead (prompt-slots.ts). */
  readonly prompt?: { readonly flow: string; readonly state: string };
}
export interface PlayStep {
  readonly kind: 'play';
  readonly url: string;
  readonly loop?: number;
}
export interface PauseStep {
  readonly kind: 'pause';
  readonly seconds: number;
}
export type PromptStep = SayStep | PlayStep | PauseStep;

export interface GatherStep {
  readonly kind: 'gather';
  readonly input: 'dtmf' | 'speech' | 'dtmf speech';
  readonly language: Language;
  readonly timeout: number;
  readonly numDigits?: number;
  readonly finishOnKey?: string;
  readonly hints?: readonly string[];
  readonly prompts: readonly PromptStep[];
  /** The session the answer comes back with. */
  readonly session: Session;
}

export interface EnqueueStep {
  readonly kind: 'enqueue';
  readonly queue: string;
  readonly priority: number;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  readonly session: Session;
}

export interface RecordStep {
  readonly kind: 'record';
  readonly queue: string;
  readonly maxLength: number;
  readonly session: Session;
}

/** Rings a duty phone for the caller; unanswered, the caller may leave a voicemail for `queue`. */
export interface ForwardStep {
  readonly kind: 'forward';
  readonly number: string;
  /** The hotline the caller rang: the caller id the duty phone sees. */
  readonly callerId: string;
  readonly ringSeconds: number;
  readonly queue: string;
  readonly session: Session;
}

export interface HangupStep {
  readonly kind: 'hangup';
}
export interface RejectStep {
  readonly kind: 'reject';
  readonly reason: 'rejected' | 'busy';
}
export interface RedirectStep {
  readonly kind: 'redirect';
  readonly session: Session;
}

export type IvrStep =
  | PromptStep
  | GatherStep
  | EnqueueStep
  | RecordStep
  | ForwardStep
  | HangupStep
  | RejectStep
  | RedirectStep;
