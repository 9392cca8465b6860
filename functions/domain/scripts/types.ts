// The guided agent script format: what an agent says and asks, one step at a time, during a call. A script
// is data (flows/scripts/*.ts, typed with `satisfies Script`); the desk walks it with walk.ts and a
// create-ticket ending files the ticket the answers filled.
import type { TicketType } from '../model.js';

/** Every script text is written in both languages the desk offers. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export const ASK_KINDS = ['text', 'choice', 'yes-no', 'number', 'date', 'plate', 'policy'] as const;
export type AskKind = (typeof ASK_KINDS)[number];

export interface AskOption {
  readonly value: string;
  readonly label: Bilingual;
}

/** What the agent types or picks at a step; the answer is kept under `field`. */
export interface Ask {
  readonly field: string;
  readonly kind: AskKind;
  /** The choices of a `choice` ask, in the order shown. */
  readonly options?: readonly AskOption[];
  readonly required: boolean;
}

/** A `policy` answer is looked up by the desk: its outcome is kept under `<field>Status`. */
export const POLICY_CHECKS = ['valid', 'expired', 'cancelled', 'not-found'] as const;
export type PolicyCheck = (typeof POLICY_CHECKS)[number];
export const policyStatusField = (field: string): string => `${field}Status`;

export interface Condition {
  readonly field: string;
  readonly equals?: string;
  readonly in?: readonly string[];
}

/** Branches are tried in order; the last has no `when` and catches every other answer. */
export interface Branch {
  readonly when?: Condition;
  readonly next: string;
}

export const SCRIPT_ENDS = ['create-ticket', 'close', 'transfer'] as const;
export type ScriptEnd = (typeof SCRIPT_ENDS)[number];

export interface ScriptStep {
  /** What the agent says at this step. */
  readonly say: Bilingual;
  readonly ask?: Ask;
  /** The step after this one: a step id, or branches on answers given so far. Absent on an ending. */
  readonly next?: string | readonly Branch[];
  /** Ticket field -> answer field: what the ticket a create-ticket ending files is filled with. */
  readonly record?: Readonly<Record<string, string>>;
  readonly end?: ScriptEnd;
}

export interface Script {
  readonly name: string;
  /** The flow (hotline) the script serves, or `*` for every hotline. */
  readonly hotline: string;
  /** IVR queues whose calls open this script first (the caller's choice in the IVR menu). */
  readonly queues?: readonly string[];
  readonly titles: Bilingual;
  /** What a create-ticket ending files. */
  readonly ticketType?: TicketType;
  readonly start: string;
  readonly steps: Readonly<Record<string, ScriptStep>>;
  /** Standard phrases the agent may insert into the ticket notes. */
  readonly phrases: readonly Bilingual[];
}
